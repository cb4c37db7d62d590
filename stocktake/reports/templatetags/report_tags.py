"""Plain-language status for the public site: what a resident needs to know, in words."""

import datetime as dt
from typing import Any

from django import template
from django.utils.formats import date_format

register = template.Library()

_STATUS = {
    "complete": "Done.",
    "not_started": "Not started yet.",
    "ongoing": "Part of the council's normal work, with no end date.",
    "on_hold": "Paused for now.",
    "superseded": "Replaced by other work.",
    "transferred": "Handed to another plan or organisation.",
    "cancelled": "Stopped: the council decided not to go ahead.",
    "unknown": "No progress has been reported yet.",
}
_RAG = {
    "green": "Under way and on track.",
    "amber": "Under way, but at risk of slipping.",
    "red": "Behind: it needs extra action to get back on track.",
}


@register.filter
def plain_status(action: Any) -> str:
    status = str(getattr(action, "status_shown", "") or "unknown")
    words = _STATUS.get(status) or _RAG.get(str(getattr(action, "rag_shown", "")), "Under way.")
    if getattr(action, "is_overdue", False):
        # The date as understood, not the paper's words: those can be a list ("1. Ongoing
        # 2. From Jan 2009") that reads as nonsense inside a sentence; the due column has them.
        due_on = getattr(action, "due_as_at", None)
        due = date_format(due_on, "j F Y") if isinstance(due_on, dt.date) else "its target date"
        words += f" It was due by {due} and is not finished."
    return words


@register.filter
def iso_date(value: Any) -> dt.date | None:
    """A date kept as ISO text in report data (JSON has no dates) back as a date."""
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@register.filter
def percent(value: Any) -> str:
    """A percentage that may be missing: nothing answered is not 0% on time."""
    return "—" if value is None or value == "" else f"{float(value):g}%"
