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


# No council paper this system reads describes a position earlier than this.
EARLIEST_AS_AT = dt.date(1990, 1, 1)


def update_not_before(as_at: dt.date, earliest: dt.date, since: str = "") -> None:
    """An update describes the action while its plan ran, so not before the plan (or action)
    began; `since` says what that date is, for the message."""
    if as_at < earliest:
        reason = f", {since}" if since else ""
        raise ValidationError(
            {"as_at": f"The as-at date must be on or after {earliest:%-d %B %Y}{reason}"}
        )


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


PLAN_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted"}),
    "submitted": frozenset({"returned", "approved"}),
    "returned": frozenset({"submitted"}),
    "approved": frozenset({"published", "draft"}),
    "published": frozenset({"published", "draft"}),
}


def plan_transition_allowed(from_status: str, to_status: str) -> None:
    """A plan moves draft → submitted → returned or approved → published, and back to draft."""
    if to_status not in PLAN_TRANSITIONS.get(from_status, frozenset()):
        raise ValidationError(f"A {from_status} plan cannot be made {to_status}")


def return_needs_comment(comment: str) -> None:
    """Returning a plan says what needs to change."""
    if not comment.strip():
        raise ValidationError({"comment": "Say what needs to change before the plan is approved"})


def closure_needs_agreement(agreed_by: str) -> None:
    """An item closes only when someone with the authority agrees, and the record says who."""
    if not agreed_by.strip():
        raise ValidationError({"agreed_by": "Enter who agreed the closure, e.g. Audit Committee"})


def superseded_needs_successor(closed_as: str, successor_id: int | None, own_id: int) -> None:
    """An item closed as superseded points to the item that replaces it, which is another item."""
    if closed_as == "superseded" and successor_id is None:
        raise ValidationError({"superseded_by": "Choose the item that supersedes this one"})
    if successor_id == own_id:
        raise ValidationError({"superseded_by": "An item cannot supersede itself"})
