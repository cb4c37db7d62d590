"""Named business rules, one line of policy each. They apply when a person edits or submits."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError


def update_needs_position(position: str) -> None:
    """An update must say what the position is."""
    if not position.strip():
        raise ValidationError({"position": "Enter the current position"})


def update_not_after_today(as_at: dt.date, today: dt.date) -> None:
    """An update describes what has happened, so its as-at date cannot be in the future."""
    if as_at > today:
        raise ValidationError({"as_at": "The as-at date must be today or in the past"})


def due_change_needs_reason(reason: str) -> None:
    """Moving a due date needs a reason, so the slippage record explains itself."""
    if not reason.strip():
        raise ValidationError({"due_reason": "Enter why the due date is changing"})


def due_change_not_before_last(revised_on: dt.date, last_revised_on: dt.date | None) -> None:
    """A slippage record runs forward in time: a revision cannot predate the previous one."""
    if last_revised_on is not None and revised_on < last_revised_on:
        raise ValidationError(
            {"due_revised_on": f"The change must be dated on or after {last_revised_on:%-d %B %Y}"}
        )


def action_needs_text(text: str) -> None:
    """An action must say what will be done."""
    if not text.strip():
        raise ValidationError({"text": "Enter what the action is"})
