"""Named rules for reporting cycles, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from stocktake.plans.models import ProgressUpdate, UpdateState

from .models import ReportingCycle


def deadline_not_before_opening(opens_on: dt.date, deadline: dt.date) -> None:
    if deadline < opens_on:
        raise ValidationError({"deadline": "The deadline must be on or after the opening date"})


def cycle_opens_once(cycle: ReportingCycle) -> None:
    if cycle.status != ReportingCycle.Status.DRAFT:
        raise ValidationError("This cycle has already been opened")


def cycle_closes_when_open(cycle: ReportingCycle) -> None:
    if cycle.status != ReportingCycle.Status.OPEN:
        raise ValidationError("Only an open cycle can be closed")


def plan_in_organisation(cycle: ReportingCycle) -> None:
    if cycle.plan is not None and cycle.plan.organisation_id != cycle.organisation_id:
        raise ValidationError({"plan": "Choose a plan of the same organisation"})


def offsets_are_days(offsets: list[int]) -> None:
    if any(not isinstance(o, int) or o == 0 or abs(o) > 365 for o in offsets):
        raise ValidationError(
            {"reminder_offsets": "Enter whole days from the deadline, not 0, within a year"}
        )


def cycle_locks_after_committee(cycle: ReportingCycle, today: dt.date) -> None:
    """A period is locked only once its committee has had the figures."""
    if cycle.committee_on is None or today < cycle.committee_on:
        raise ValidationError("A cycle can be locked only on or after its committee date")


def locked_period_needs_reason(locked: ReportingCycle | None, reason: str) -> None:
    """An update dated inside a locked period, or a value for a period already reported and
    locked, needs a recorded reason."""
    if locked is not None and not reason.strip():
        raise ValidationError(
            {"change_reason": f"{locked} is locked: enter why this is being changed"}
        )


def return_needs_comment(comment: str) -> None:
    """A returned update must tell its owner what to change."""
    if not comment.strip():
        raise ValidationError({"comment": "Enter what the owner should change"})


def reviewed_once(update: ProgressUpdate) -> None:
    if update.state != UpdateState.PROVISIONAL:
        raise ValidationError("This update has already been reviewed")
