"""Reading channel feedback and peers' figures from CSV (GovMetric-style exports).

All or nothing: every bad row is reported with its line number and nothing is saved. The
checks are the contacts file's (parsing.py), so a value one upload refuses the other refuses
too, with the same words.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor

from . import rules, services
from .hours import LONDON
from .models_feedback import AgeBand, Rating
from .parsing import CHANNELS, SERVICE_CODES, RowError, one_of, read_flag, read_time

FEEDBACK_COLUMNS = (
    "received_at",
    "channel",
    "service",
    "rating",
    "reason",
    "comment",
    "area_code",
    "age_band",
    "disabled",
)
FEEDBACK_REQUIRED = ("received_at", "channel", "rating")
PEER_COLUMNS = ("peer", "month", "channel", "net_satisfaction")
RATINGS = frozenset(Rating.values)
AGE_BANDS = frozenset(["", *AgeBand.values])


class BadFile(Exception):
    """Nothing was saved: ``errors`` are the bad rows by line (empty when the file as a whole
    is wrong), ``summary`` says so in a sentence."""

    def __init__(self, errors: list[tuple[int, str]], summary: str = "") -> None:
        count = len(errors)
        self.errors = errors
        self.summary = summary or (
            f"{count} bad row{'s' if count != 1 else ''}: nothing was saved. "
            f"Fix {'them' if count != 1 else 'it'} and upload the file again."
        )
        super().__init__(self.summary)


def _records(
    lines: Iterable[str], columns: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[int, dict[str, str] | str]]:
    """Each data line's fields by column name, or why it cannot be read, with its line
    number. The header is checked first; a file with no data refuses as a whole."""
    reader = csv.reader(lines)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if not any(header):
            raise BadFile([], "The file is empty: nothing was saved.")
        missing = [name for name in required if name not in header]
        unknown = [name for name in header if name not in columns]
        if missing or unknown or len(set(header)) != len(header):
            optional = [name for name in columns if name not in required]
            raise BadFile(
                [],
                f"The first line must name the columns: {', '.join(required)}"
                + (f", then any of {', '.join(optional)}" if optional else "")
                + f". This file's first line is: {', '.join(header)}. Nothing was saved.",
            )
        found = 0
        for values in reader:
            if not any(v.strip() for v in values):
                continue  # a blank line, as in contacts files
            found += 1
            if len(values) != len(header):
                yield reader.line_num, f"has {len(values)} fields, the header has {len(header)}"
                continue
            fields = dict.fromkeys(columns, "")
            fields.update((name, value.strip()) for name, value in zip(header, values, strict=True))
            yield reader.line_num, fields
    except csv.Error as error:
        raise BadFile([], f"Line {reader.line_num} cannot be read as CSV: {error}.") from None
    if not found:
        raise BadFile(
            [],
            "The file has no data rows, only its first line of column names: nothing was saved.",
        )


def _feedback_fields(row: dict[str, str], now: dt.datetime) -> dict[str, Any]:
    """One row's values checked as a contacts row's are (parsing.parse_row)."""
    received_at = read_time(row["received_at"], now)
    if not rules.AREA_CODE.fullmatch(row["area_code"]):
        raise RowError(f"area_code {row['area_code']!r} should be up to 12 letters and digits")
    return {
        "received_at": received_at.replace(tzinfo=LONDON)
        if received_at.tzinfo is None
        else received_at,
        "channel": one_of("channel", row["channel"], CHANNELS),
        "service_code": one_of("service", row["service"].upper(), SERVICE_CODES),
        "rating": one_of("rating", row["rating"].lower(), RATINGS),
        "reason": row["reason"],
        "comment": row["comment"],
        "area_code": row["area_code"],
        "age_band": one_of("age_band", row["age_band"].lower(), AGE_BANDS),
        "disabled": read_flag("disabled", row["disabled"]),
    }


@transaction.atomic
def feedback_load(*, organisation: Organisation, lines: Iterable[str], by: Actor) -> int:
    """Columns: received_at, channel and rating, then any of service, reason, comment,
    area_code, age_band and disabled."""
    errors: list[tuple[int, str]] = []
    count = 0
    now = timezone.now()
    for line, row in _records(lines, FEEDBACK_COLUMNS, FEEDBACK_REQUIRED):
        try:
            if isinstance(row, str):
                raise RowError(row)
            services.feedback_record(organisation=organisation, by=by, **_feedback_fields(row, now))
            count += 1
        except (RowError, ValidationError) as error:
            errors.append((line, _message(error)))
    if errors:
        raise BadFile(errors)
    return count


def _month(text: str, now: dt.datetime) -> dt.date:
    try:
        month = dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise RowError(f"month {text!r} is not a year and month (YYYY-MM)") from None
    if month > timezone.localdate(now).replace(day=1):
        raise RowError(f"month {text} is in the future")
    return month


def _net(text: str) -> Decimal:
    try:
        net = Decimal(text)
    except InvalidOperation:
        raise RowError(f"net_satisfaction {text!r} is not a number") from None
    if not net.is_finite() or not Decimal(-1) <= net <= Decimal(1):
        raise RowError(f"net_satisfaction {text} is outside −1 to +1")
    return net


@transaction.atomic
def peer_figures_load(*, organisation: Organisation, lines: Iterable[str], by: Actor) -> int:
    """Columns: peer (organisation name), month (YYYY-MM), channel, net_satisfaction (−1…+1).
    Unknown peers are added as benchmarking peers."""
    errors: list[tuple[int, str]] = []
    count = 0
    now = timezone.now()
    for line, row in _records(lines, PEER_COLUMNS, PEER_COLUMNS):
        try:
            if isinstance(row, str):
                raise RowError(row)
            net = _net(row["net_satisfaction"])
            month = _month(row["month"], now)
            channel = one_of("channel", row["channel"], CHANNELS)
            if not row["peer"]:
                raise RowError("peer is empty: give the peer council's name")
            peer, _ = Organisation.objects.get_or_create(
                name=row["peer"], defaults={"kind": Organisation.Kind.PEER}
            )
            services.peer_satisfaction_set(
                organisation=organisation,
                peer=peer,
                month=month,
                channel=channel,
                net_satisfaction=net,
                by=by,
            )
            count += 1
        except (RowError, ValidationError) as error:
            errors.append((line, _message(error)))
    if errors:
        raise BadFile(errors)
    return count


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return "; ".join(f"{k}: {', '.join(v)}" for k, v in error.message_dict.items())
        return "; ".join(error.messages)
    return str(error)
