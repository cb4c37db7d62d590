"""Writes to the knowledge base."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, save_recorded

from . import rules
from .models_kb import Entry

SEARCHED = ("question", "answer", "tags", "signpost_name", "signpost_helps_with")


def search_text(entry: Entry) -> str:
    return " ".join(str(getattr(entry, name)) for name in SEARCHED).lower()


@transaction.atomic
def entry_create(
    *, organisation: Organisation, question: str, answer: str, by: Actor, **fields: Any
) -> Entry:
    rules.entry_needs_answer(question, answer)
    if "review_on" in fields:
        rules.review_within_years(fields["review_on"], timezone.localdate())
    entry = Entry(organisation=organisation, question=question, answer=answer, **fields)
    entry.search_text = search_text(entry)
    save_recorded(entry, by)
    return entry


@transaction.atomic
def entry_edit(*, entry: Entry, by: Actor, **fields: Any) -> Entry:
    rules.entry_needs_answer(
        fields.get("question", entry.question), fields.get("answer", entry.answer)
    )
    if fields.get("review_on", entry.review_on) != entry.review_on:
        rules.review_within_years(fields["review_on"], timezone.localdate())
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.search_text = search_text(entry)
    save_recorded(entry, by)
    return entry
