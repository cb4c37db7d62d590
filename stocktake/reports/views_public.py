"""The health card for council readers, and the public site that needs no sign-in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from stocktake.cycles.staleness import owners_silent
from stocktake.plans.models import Plan

from . import access, services
from . import dashboard as cards
from .models import ReportSnapshot


@login_required
@login_required
def my_dashboard(request: HttpRequest) -> HttpResponse:
    """The health card of the user's own council, from the navigation."""
    organisation = access.dashboard_organisation(request.user)
    if organisation is None:
        raise PermissionDenied("The health card needs access to a whole council's plans")
    return redirect("reports:dashboard", organisation_uuid=organisation.uuid)


def dashboard(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_dashboard(request.user, organisation_uuid)
    try:
        stale_days = max(1, int(request.GET.get("stale_days", "90")))
    except ValueError:
        stale_days = 90
    today = services.today()
    card = cards.health_card(request.user, organisation, today=today, stale_days=stale_days)
    context = {
        "organisation": organisation,
        "card": card,
        "today": today,
        "rag_words": cards.WORDS,
        "silent": owners_silent([organisation.pk], at_least=2),
    }
    return render(request, "reports/dashboard.html", context)


def public_index(request: HttpRequest) -> HttpResponse:
    plans = (
        Plan.objects.published()
        .select_related("organisation")
        .order_by("organisation__name", "title")
    )
    snapshots = ReportSnapshot.objects.filter(is_public=True).select_related("organisation")[:50]
    return render(request, "reports/public_index.html", {"plans": plans, "snapshots": snapshots})


def public_scorecard(request: HttpRequest, plan_uuid: str) -> HttpResponse:
    plan = access.published_plan(plan_uuid)
    today = services.today()
    card = cards.public_scorecard(plan, today=today)
    return render(request, "reports/public_scorecard.html", {"card": card, "today": today})
