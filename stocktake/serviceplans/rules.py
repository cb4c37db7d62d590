"""Named business rules for service plans, one line of policy each.

The workflow's own order (draft → submitted → returned/approved → published) is the plans
app's rule, reused: stocktake.plans.rules.plan_transition_allowed and return_needs_comment.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

EDITABLE = ("draft", "returned")
SIGNED_OFF = ("approved", "published")


def plan_editable(status: str) -> None:
    """A plan changes only while it is a draft or has been returned for changes."""
    if status not in EDITABLE:
        raise ValidationError(f"A {status} plan cannot be changed; reopen it as a draft first")


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


def one_plan_a_year(exists: bool, year_label: str) -> None:
    """A service has one plan for each year."""
    if exists:
        raise ValidationError({"year": f"This service already has a plan for {year_label}"})


def comment_needs_text(text: str) -> None:
    """A comment says something."""
    if not text.strip():
        raise ValidationError({"text": "Enter your comment"})
