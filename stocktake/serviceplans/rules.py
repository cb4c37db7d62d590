"""Named business rules for service plans, one line of policy each.

The workflow's own order (draft → submitted → returned/approved → published) is the plans
app's rule, reused: stocktake.plans.rules.plan_transition_allowed and return_needs_comment.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from stocktake.plans import rules as plan_rules

EDITABLE = ("draft", "returned")
SIGNED_OFF = ("approved", "published")


def plan_editable(status: str) -> None:
    """A plan changes only while it is a draft or has been returned for changes."""
    if status not in EDITABLE:
        raise ValidationError(f"A {status} plan cannot be changed; reopen it as a draft first")


def next_statuses(status: str) -> frozenset[str]:
    """The plans app's order, except that a published plan is not published again: it cannot
    change while published, so publishing it again would only keep an identical version."""
    allowed = plan_rules.PLAN_TRANSITIONS.get(status, frozenset())
    return allowed - {status} if status == "published" else allowed


def transition_allowed(from_status: str, to_status: str) -> None:
    """A plan moves only along next_statuses."""
    if from_status == to_status == "published":
        raise ValidationError("This plan is already published")
    plan_rules.plan_transition_allowed(from_status, to_status)


def approval_not_in_future(approved_on: dt.date | None, today: dt.date) -> None:
    """An approval records a decision already taken, so it is dated today or earlier."""
    if approved_on is not None and approved_on > today:
        raise ValidationError(
            {"approved_on": f"The date of approval must be today or in the past "
             f"(today is {today:%-d %B %Y})"}
        )  # fmt: skip


def approval_says_by_whom(approved_by: str, committee_id: int | None) -> None:
    """An approval records who gave it: the portfolio holder or the committee."""
    if not approved_by.strip() and committee_id is None:
        raise ValidationError(
            {"approved_by": "Enter who approved the plan, or choose the committee"}
        )


def roll_forward_from_signed_off(status: str) -> None:
    """Next year's plan starts from an approved or published plan, not a draft."""
    if status not in SIGNED_OFF:
        raise ValidationError("Only an approved or published plan can be rolled forward")


def rolls_forward(status: str, next_year_exists: bool) -> bool:
    """Whether next year's plan can be started from this one (the two rules below)."""
    return status in SIGNED_OFF and not next_year_exists


def one_plan_a_year(exists: bool, year_label: str) -> None:
    """A service has one plan for each year."""
    if exists:
        raise ValidationError({"year": f"This service already has a plan for {year_label}"})


def comment_needs_text(text: str) -> None:
    """A comment says something."""
    if not text.strip():
        raise ValidationError({"text": "Enter your comment"})
