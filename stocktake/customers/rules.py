"""Named business rules for customer insight, one line of policy each."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError

from .choices import Channel
from .servicelist import SERVICES

SERVICE_CODES = frozenset(code for code, _ in SERVICES)


def reason_only_when_avoidable(avoidable: str, reason: str) -> None:
    if reason and avoidable != "yes":
        raise ValidationError({"avoidable_reason": "Only an avoidable contact has a reason."})


def request_type_fits(request_type: str) -> None:
    if len(request_type) > 100:
        raise ValidationError({"request_type": "A request type is at most 100 characters."})


def period_in_order(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise ValidationError({"end": "The end cannot be before the start."})


def sampling_periods_do_not_overlap(overlapping: bool) -> None:
    if overlapping:
        raise ValidationError({"start": "This overlaps another sampling period."})


def session_has_length(opens: dt.time, closes: dt.time) -> None:
    # Equal times mean 24 hours only for always-open places, which have no sessions.
    if opens == closes:
        raise ValidationError({"closes": "A session must close at a different time."})


def weekday_exists(weekday: int) -> None:
    if not 0 <= weekday <= 6:
        raise ValidationError({"weekday": "Weekdays run from 0 (Monday) to 6 (Sunday)."})


def reciprocal_needs_peer(kind: str, peer_id: int | None) -> None:
    if kind == "reciprocal" and peer_id is None:
        raise ValidationError({"peer": "A reciprocal exercise names the peer council."})


def code_unused(taken: bool) -> None:
    if taken:
        raise ValidationError({"code": "Another access point of this council uses this code."})


def not_retired(retired: bool) -> None:
    if retired:
        raise ValidationError({"retired_on": "This access point is already retired."})


def same_council(organisation_id: int | None, expected_id: int, field: str) -> None:
    if organisation_id != expected_id:
        raise ValidationError({field: "Choose one of this council's own."})


def check_within_exercise(done_on: dt.date, start: dt.date, end: dt.date) -> None:
    if not start <= done_on <= end:
        raise ValidationError({"done_on": "The check must fall within the exercise's dates."})


def channel_known(channel: str) -> None:
    """Figures are kept per channel of the standard list (telephone, web_form…)."""
    if channel not in Channel.values:
        raise ValidationError({"channel": f"{channel!r} is not one of {', '.join(Channel.values)}"})


def peer_is_another_council(organisation_id: int, peer_id: int) -> None:
    """A council is not its own peer."""
    if organisation_id == peer_id:
        raise ValidationError({"peer": "A council cannot be its own peer"})


def score_is_a_percentage(score: int | None) -> None:
    """A shopper's score is the share of the standard's criteria met, 0 to 100."""
    if score is not None and not 0 <= score <= 100:
        raise ValidationError({"score": "Enter a score from 0 to 100"})


# Output areas, wards and districts are named by official codes (E00012345, E05004567).
AREA_CODE = re.compile(r"[A-Za-z0-9]{0,12}")


def area_code_is_a_code(code: str) -> None:
    """An area is named by its official code: up to 12 letters and digits, or left blank."""
    if not AREA_CODE.fullmatch(code):
        raise ValidationError({"area_code": "Enter an area code of up to 12 letters and digits"})


def checks_within_new_dates(before: int, after: int) -> None:
    """Moving an exercise's dates must not strand checks already recorded outside them."""
    errors: dict[str, str] = {}
    if before:
        errors["start"] = (
            f"{before} check{'s were' if before > 1 else ' was'} made before this start date. "
            "Choose an earlier start, or correct or delete those checks first."
        )
    if after:
        errors["end"] = (
            f"{after} check{'s were' if after > 1 else ' was'} made after this end date. "
            "Choose a later end, or correct or delete those checks first."
        )
    if errors:
        raise ValidationError(errors)


def standard_unused(checks: int) -> None:
    """Mystery shopping results keep the standard they were measured against."""
    if checks:
        raise ValidationError(
            f"{checks} mystery shopping check{'s use' if checks > 1 else ' uses'} this standard, "
            "so it cannot be deleted."
        )


def session_does_not_overlap(clash: str) -> None:
    """A place is open or not at any moment: two sessions covering the same time would publish
    contradictory hours. ``clash`` describes the session it meets, or is empty."""
    if clash:
        raise ValidationError(
            {"opens": f"This overlaps {clash}. Choose times outside it, or remove it first."}
        )


def not_in_future(when: dt.datetime, now: dt.datetime, shown: str) -> None:
    """A contact or rating is recorded after it happens. ``shown`` is the time as the user
    wrote it, in the council's own style."""
    if when > now:
        raise ValidationError(
            {"received_at": f"The time must not be in the future: you entered {shown}"}
        )


def service_listed(code: str) -> None:
    """Contacts and ratings name services by the standard list's codes (or none)."""
    if code and code not in SERVICE_CODES:
        raise ValidationError(
            {"service_code": f"{code!r} is not one of: {', '.join(sorted(SERVICE_CODES))}"}
        )
