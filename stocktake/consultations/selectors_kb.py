"""Searching the knowledge base and finding entries past their review date."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from stocktake.accounts.models import Organisation

from .models_kb import Entry

LIMIT = 50


def search(organisation: Organisation, query: str) -> list[Entry]:
    """Entries containing every word of the query. One scan of one pre-lowered column;
    fast enough for 50,000 entries (bench/kb_search.py). A trigram or full-text index is the
    next step on PostgreSQL if a council's list grows far beyond that."""
    entries = Entry.objects.filter(organisation=organisation)
    for word in query.lower().split()[:8]:
        entries = entries.filter(search_text__contains=word)
    return list(entries.select_related("unit", "owner")[:LIMIT])


def stale(organisation: Organisation, *, today: dt.date) -> QuerySet[Entry]:
    return (
        Entry.objects.filter(organisation=organisation, review_on__lt=today)
        .select_related("unit", "owner")
        .order_by("review_on", "question")
    )
