"""Reads for consultation pages."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from stocktake.accounts.models import Organisation

from .models import Consultation

RECENT_DAYS = 730
SIMILAR_TITLE_SCORE = 70


def _areas(text: str) -> set[str]:
    return {a.strip().lower() for a in text.replace(";", ",").split(",") if a.strip()}


def similar(
    organisation: Organisation,
    *,
    title: str,
    areas: str,
    today: dt.date,
    exclude: int | None = None,
) -> list[Consultation]:
    """Recent or planned consultations on the same topic (similar title) or in the same area."""
    since = today - dt.timedelta(days=RECENT_DAYS)
    candidates = Consultation.objects.filter(organisation=organisation).filter(
        Q(opens_on__isnull=True) | Q(opens_on__gte=since) | Q(closes_on__gte=since)
    )
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude)
    wanted = _areas(areas)
    found = []
    for consultation in candidates.select_related("unit"):
        same_topic = fuzz.token_set_ratio(title.lower(), consultation.title.lower())
        same_area = bool(wanted & _areas(consultation.areas))
        if same_topic >= SIMILAR_TITLE_SCORE or same_area:
            found.append(consultation)
    return found


def register(organisation: Organisation, *, status: str = "") -> QuerySet[Consultation]:
    consultations = Consultation.objects.filter(organisation=organisation).select_related(
        "unit", "lead_officer"
    )
    return consultations.filter(status=status) if status else consultations


def published() -> QuerySet[Consultation]:
    return Consultation.objects.published().select_related("organisation", "unit")
