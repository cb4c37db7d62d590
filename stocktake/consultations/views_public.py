"""Public pages: published consultations and their outcomes, with no personal data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import access, selectors


def published(request: HttpRequest) -> HttpResponse:
    return render(
        request, "consultations/public_list.html", {"consultations": selectors.published()}
    )


def published_detail(request: HttpRequest, consultation_uuid: str) -> HttpResponse:
    consultation = access.published_consultation(consultation_uuid)
    context = {"consultation": consultation, "feedback": consultation.feedback.all()}
    return render(request, "consultations/public_detail.html", context)
