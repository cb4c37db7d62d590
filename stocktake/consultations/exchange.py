"""Consultations, their response counts and "you said, we did", and the knowledge base."""

from __future__ import annotations

from stocktake.exchange.tables import Table

from .models import Consultation, Entry, Feedback, ResponseCount

TABLES = [
    Table(
        "consultations.consultation",
        Consultation,
        lambda org: Consultation.objects.filter(organisation=org),
    ),
    Table(
        "consultations.responsecount",
        ResponseCount,
        lambda org: ResponseCount.objects.filter(consultation__organisation=org),
        key=("consultation", "kind", "label"),
    ),
    Table(
        "consultations.feedback",
        Feedback,
        lambda org: Feedback.objects.filter(consultation__organisation=org),
    ),
    Table("consultations.entry", Entry, lambda org: Entry.objects.filter(organisation=org)),
]
