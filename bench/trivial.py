"""A trivial signed-in page, for the bench: the framework's fixed cost of any page.

It goes through the same middleware, session, user, context processors (the navigation) and
base template as every page, with no data of its own; the bench serves it from this URLconf,
which adds it to the project's own.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path

PAGE = engines["django"].from_string(
    '{% extends "core/base.html" %}{% block title %}Trivial{% endblock %}'
    '{% block content %}<p class="govuk-body">Nothing to see.</p>{% endblock %}'
)
URL = "/bench-trivial/"


@login_required
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE.render({}, request))


urlpatterns = [
    path(URL.strip("/") + "/", trivial),
    path("", include("stocktake.urls")),
]
