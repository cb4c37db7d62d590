"""Named business rules for complaints, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError


def complaint_needs_summary(summary: str) -> None:
    """A complaint must say what it is about."""
    if not summary.strip():
        raise ValidationError({"summary": "Enter what the complaint is about"})


def representative_needs_name(via_representative: bool, name: str) -> None:
    """A complaint made through a representative names who that is."""
    if via_representative and not name.strip():
        raise ValidationError({"representative_name": "Enter the representative's name"})


def referral_after_procedure(*, finished: bool, late: bool, taken_early: bool) -> None:
    """An ombudsman looks at a complaint once the council's procedure has finished (its last
    stage has answered, or the council would not take it) or the council is late answering;
    earlier only if the ombudsman chose to take it."""
    if not (finished or late or taken_early):
        raise ValidationError(
            {
                "referred_on": "The council's procedure had not finished and no response was "
                "late on that date. Say if the ombudsman took it early."
            }
        )


def decision_only_once(status: str) -> None:
    """A complaint is accepted or refused once, when it has just been received."""
    if status != "received":
        raise ValidationError("This complaint has already been accepted or refused")


def refusal_needs_reason(reason: str) -> None:
    """Refusing a complaint says why, so the complainant can challenge it."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the complaint is not being accepted"})


def acknowledge_only_once(acknowledged_on: dt.date | None) -> None:
    """A complaint is acknowledged once."""
    if acknowledged_on is not None:
        raise ValidationError("This complaint has already been acknowledged")


def acknowledge_only_if_not_refused(status: str) -> None:
    """A refused complaint is not taken into the procedure."""
    if status == "refused":
        raise ValidationError("A complaint that was not accepted cannot be acknowledged")


def not_before(day: dt.date, earliest: dt.date, field: str, what: str) -> None:
    """Things happen in order: nothing is dated before what it follows."""
    if day < earliest:
        raise ValidationError(
            {field: f"The date must be on or after {what} ({earliest:%-d %B %Y})"}
        )


def not_in_future(day: dt.date, today: dt.date, field: str) -> None:
    """The register records what has happened: nothing is dated after today."""
    if day > today:
        raise ValidationError(
            {field: f"The date must be today or in the past (today is {today:%-d %B %Y})"}
        )


def handler_may_handle(allowed: bool) -> None:
    """A handler reads the complainant's details, so only staff who may handle complaints."""
    if not allowed:
        raise ValidationError({"handler": "Choose someone who may handle complaints"})


def stage_started(started: bool) -> None:
    """Responses and extensions belong to a stage, which starts on acknowledgement."""
    if not started:
        raise ValidationError("Acknowledge the complaint first")


def stage_open(responded_on: dt.date | None) -> None:
    """A stage that has been answered cannot be answered or extended again."""
    if responded_on is not None:
        raise ValidationError("This stage has already been answered")


def response_needs_outcome(outcome: str) -> None:
    """A response records whether the complaint was upheld."""
    if not outcome:
        raise ValidationError({"outcome": "Choose the outcome"})


def escalate_after_response(responded_on: dt.date | None) -> None:
    """A complaint moves to the next stage only once the current stage has been answered."""
    if responded_on is None:
        raise ValidationError("Answer the current stage before escalating")


def escalate_within_procedure(next_stage_exists: bool, target: str) -> None:
    """The last stage escalates outside the council, to the ombudsman."""
    if not next_stage_exists:
        raise ValidationError(f"This is the last stage: the complainant can go to {target}")


def escalation_needs_different_handler(previous_handler_id: int, handler_id: int) -> None:
    """A later stage is handled by someone other than whoever answered the stage before."""
    if previous_handler_id == handler_id:
        raise ValidationError(
            {"handler": "Choose a different handler from the one who answered the last stage"}
        )


def extension_needs_reason(reason: str) -> None:
    """Extra time needs a reason the complainant is told."""
    if not reason.strip():
        raise ValidationError({"reason": "Enter why more time is needed"})


def extension_within_maximum(used: int, days: int, maximum: int) -> None:
    """Extensions at a stage add up to no more than the procedure allows."""
    if days < 1:
        raise ValidationError({"days": "Enter at least 1 working day"})
    if used + days > maximum:
        left = max(maximum - used, 0)
        raise ValidationError(
            {"days": f"This stage allows {maximum} extra working days; {left} remain"}
        )


def learning_needs_text(what_changed: str) -> None:
    """Learning says what changed."""
    if not what_changed.strip():
        raise ValidationError({"what_changed": "Enter what changed as a result"})
