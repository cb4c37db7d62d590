"""Named rules for reporting cycles, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from stocktake.plans.models import ProgressUpdate, UpdateState

from .models import ReportingCycle


def deadline_not_before_opening(opens_on: dt.date, deadline: dt.date) -> None:
    if deadline < opens_on:
        raise ValidationError({"deadline": "The deadline must be on or after the opening date"})


def committee_not_before_deadline(deadline: dt.date, committee_on: dt.date | None) -> None:
    """The committee reports the figures, so it cannot meet before they are in."""
    if committee_on is not None and committee_on < deadline:
        raise ValidationError(
            {"committee_on": "The committee date must be on or after the data deadline"}
        )


def cycle_opens_once(cycle: ReportingCycle) -> None:
    if cycle.status != ReportingCycle.Status.DRAFT:
        raise ValidationError("This cycle has already been opened")


def cycle_opens_on_its_date(cycle: ReportingCycle, today: dt.date) -> None:
    """Opening early sends the emails early, so it is done only when asked for explicitly."""
    if today < cycle.opens_on:
        raise ValidationError(
            f"This cycle opens on {cycle.opens_on:%-d %B %Y}: "
            "open it early only if its opening date should move to today",
            code="early",
        )


def cycle_links_still_work(cycle: ReportingCycle, expiry: dt.datetime, now: dt.datetime) -> None:
    """Opening a cycle whose links have already expired would send every owner a dead link."""
    if now >= expiry:
        passed = f" and its {cycle.grace_days} days' grace have" if cycle.grace_days else " has"
        raise ValidationError(
            f"This cycle cannot be opened: its deadline ({cycle.deadline:%-d %B %Y}){passed} "
            "passed, so its links would already have expired. Create a cycle with a later deadline"
        )


def links_issued_while_open(cycle: ReportingCycle) -> None:
    """A new link must be one the owner can use: links work only while the cycle is open."""
    if cycle.status != ReportingCycle.Status.OPEN:
        raise ValidationError("Links work only while the cycle is open")


def links_issued_before_expiry(expiry: dt.datetime, now: dt.datetime) -> None:
    if expiry <= now:
        raise ValidationError("The cycle's links have expired: the grace period is over")


def links_issued_to_those_asked(asked: bool, owner: object) -> None:
    if not asked:
        raise ValidationError(f"{owner} was not asked for anything in this cycle")


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


def offsets_once(offsets: list[int]) -> None:
    repeated = sorted({o for o in offsets if offsets.count(o) > 1})
    if repeated:
        days = ", ".join(str(o) for o in repeated)
        raise ValidationError({"reminder_offsets": f"Give each reminder day once: {days} repeated"})


def cycle_locks_when_closed(cycle: ReportingCycle) -> None:
    """Owners may still be answering while a cycle is open: locking then would block them."""
    if cycle.status != ReportingCycle.Status.CLOSED:
        raise ValidationError("Close the cycle before locking its period")


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
