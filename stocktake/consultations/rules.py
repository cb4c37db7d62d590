"""Named business rules for consultations and the knowledge base, one line of policy each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError

STATUS_ORDER = ["planned", "open", "closed", "analysing", "outcome_published"]
# More people than live in England answering one council's consultation is a typing error.
MOST_RESPONSES = 60_000_000
REVIEW_WITHIN_YEARS = 10


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


def count_is_believable(count: int) -> None:
    """A response count is a number of people: none or more, and no more than could answer."""
    if not 0 <= count <= MOST_RESPONSES:
        raise ValidationError({"count": f"Enter a count from 0 to {MOST_RESPONSES:,}"})


def budget_not_negative(budget: Decimal | None) -> None:
    """A budget is money set aside, so it cannot be below zero."""
    if budget is not None and budget < 0:
        raise ValidationError({"budget": "Enter a budget of zero or more"})


def review_within_years(review_on: dt.date, today: dt.date) -> None:
    """An entry is reviewed within ten years, so stale advice comes back to someone."""
    if review_on.year - today.year > REVIEW_WITHIN_YEARS or (
        review_on.year - today.year == REVIEW_WITHIN_YEARS
        and (review_on.month, review_on.day) > (today.month, today.day)
    ):
        raise ValidationError(
            {"review_on": f"Enter a review date within {REVIEW_WITHIN_YEARS} years"}
        )
