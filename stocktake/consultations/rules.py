"""Named business rules for consultations and the knowledge base, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

STATUS_ORDER = ["planned", "open", "closed", "analysing", "outcome_published"]


def needs_title(title: str) -> None:
    """A consultation says what it is about."""
    if not title.strip():
        raise ValidationError({"title": "Enter a title"})


def closes_after_opens(opens_on: dt.date | None, closes_on: dt.date | None) -> None:
    """A consultation closes after it opens."""
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError({"closes_on": "The closing date must be on or after the opening"})


def similar_checked(similar_count: int, checked: bool) -> None:
    """Before planning, look at similar recent or planned consultations to avoid duplication."""
    if similar_count and not checked:
        raise ValidationError(
            {"checked_similar": "Look at the similar consultations and confirm this is needed"}
        )


def status_moves_forward_one_step(current: str, new: str) -> None:
    """A consultation moves through its statuses in order, one step back at most."""
    gap = STATUS_ORDER.index(new) - STATUS_ORDER.index(current)
    if gap < -1:
        raise ValidationError({"status": "A consultation can only go back one step"})


def outcome_needs_feedback(new: str, feedback_count: int) -> None:
    """The outcome is published with at least one "you said, we did"."""
    if new == "outcome_published" and not feedback_count:
        raise ValidationError({"status": "Add what people said and what you did first"})


def feedback_needs_both(you_said: str, we_did: str) -> None:
    """Each line of feedback says what people said and what the council did."""
    if not you_said.strip() or not we_did.strip():
        raise ValidationError("Enter both what people said and what the council did")


def entry_needs_answer(question: str, answer: str) -> None:
    """A knowledge-base entry has a question (or name) and an answer."""
    if not question.strip():
        raise ValidationError({"question": "Enter the question or name"})
    if not answer.strip():
        raise ValidationError({"answer": "Enter the answer"})
