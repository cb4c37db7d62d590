"""Named business rules for customer insight, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError


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
