"""The typed row parser for contact files: one CSV line in, one checked row (or a reason) out.

It is the only gate for bulk data, so it checks everything the database would otherwise find
half-way through a load: types, known codes, and the rules in rules.py.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError

from . import rules
from .hours import LONDON
from .models import Channel
from .models_contacts import Avoidable, AvoidableReason, Exclusion
from .servicelist import SERVICES

COLUMNS = (
    "received_at",
    "channel",
    "access_point",
    "service",
    "request_type",
    "resolved_first",
    "request_resolved",
    "avoidable",
    "avoidable_reason",
    "area_code",
    "exclusion",
)
REQUIRED = ("received_at", "channel")
CHANNELS = frozenset(Channel.values)
SERVICE_CODES = frozenset(["", *(code for code, _ in SERVICES)])
AVOIDABLE = {"": Avoidable.UNASSESSED.value, **{v: v for v in Avoidable.values}}
REASONS = frozenset(["", *AvoidableReason.values])
EXCLUSIONS = frozenset(["", *Exclusion.values])
YES_NO: Mapping[str, bool | None] = {
    "": None,
    "y": True,
    "yes": True,
    "true": True,
    "1": True,
    "n": False,
    "no": False,
    "false": False,
    "0": False,
}


class ContactRow(NamedTuple):
    # Naive means local (Europe/London) wall-clock time, as contact systems export it; the
    # database resolves it, so millions of rows need no time-zone sums in Python.
    received_at: dt.datetime
    channel: str
    access_point_id: int | None
    service_code: str
    request_type: str
    resolved_first: bool | None
    request_resolved: bool
    avoidable: str
    avoidable_reason: str
    area_code: str
    exclusion: str

    @property
    def received_on(self) -> dt.date:
        return self.received_at.date()

    @property
    def aware_received_at(self) -> dt.datetime:
        when = self.received_at
        return when.replace(tzinfo=LONDON) if when.tzinfo is None else when


class RowError(ValueError):
    pass


class Parsed(NamedTuple):
    line: int
    row: ContactRow | None
    error: str


def read_time(text: str, now: dt.datetime) -> dt.datetime:
    """A contact's or a rating's time: ISO text, London's wall clock unless it has an offset,
    never in the future. Shared with the feedback upload so both refuse alike."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise RowError(f"received_at {text!r} is not a date and time (YYYY-MM-DD HH:MM)") from None
    if value.tzinfo is not None:
        value = value.astimezone(LONDON)
        if value > now:
            raise RowError(f"received_at {text} is in the future")
    elif value > now.astimezone(LONDON).replace(tzinfo=None):
        raise RowError(f"received_at {text} is in the future")
    return value


def one_of(name: str, text: str, allowed: frozenset[str]) -> str:
    if text not in allowed:
        raise RowError(f"{name} {text!r} is not one of: {', '.join(sorted(allowed - {''}))}")
    return text


def read_flag(name: str, text: str) -> bool | None:
    try:
        return YES_NO[text.lower()]
    except KeyError:
        raise RowError(f"{name} {text!r} should be yes, no or empty") from None


class PointCodes(dict[str, int]):
    """A council's access point codes → ids, with the day each retired point closed: contacts
    from before that day may still name it (an old file loads), later ones may not."""

    def __init__(self, ids: Mapping[str, int], closed: Mapping[str, dt.date] | None = None):
        super().__init__(ids)
        self.closed = dict(closed or {})


def parse_row(values: Sequence[str], *, access_points: PointCodes, now: dt.datetime) -> ContactRow:
    """One row's fields in COLUMNS order. Every check is a set or dict look-up: this runs
    millions of times per load."""
    when, channel, point, service, request, first, resolved, avoidable, reason, area, excl = [
        v.strip() for v in values
    ]
    if point and point not in access_points:
        raise RowError(f"access_point {point!r} is not one of this council's access points")
    received_at = read_time(when, now)
    closed = access_points.closed.get(point) if point else None
    if closed is not None and received_at.date() >= closed:
        raise RowError(f"access_point {point!r} closed for good on {closed:%Y-%m-%d}")
    assessment = AVOIDABLE.get(avoidable.lower())
    if assessment is None:
        raise RowError(f"avoidable {avoidable!r} should be yes, no, unassessed or empty")
    if not rules.AREA_CODE.fullmatch(area):
        raise RowError(f"area_code {area!r} should be up to 12 letters and digits")
    try:
        rules.reason_only_when_avoidable(assessment, reason)
        rules.request_type_fits(request)
    except ValidationError as error:
        raise RowError("; ".join(error.messages)) from None
    return ContactRow(
        received_at,
        one_of("channel", channel, CHANNELS),
        access_points[point] if point else None,
        one_of("service", service.upper(), SERVICE_CODES),
        request,
        read_flag("resolved_first", first),
        bool(read_flag("request_resolved", resolved)),
        assessment,
        one_of("avoidable_reason", reason, REASONS),
        area,
        one_of("exclusion", excl, EXCLUSIONS),
    )


class Layout(NamedTuple):
    """Where each of COLUMNS sits in a file (``width`` for an absent optional column)."""

    positions: list[int]
    width: int
    in_order: bool


def read_header(values: Sequence[str]) -> Layout:
    """The layout a header line gives; a bad header raises RowError (it is line 1)."""
    header = [name.strip().lower() for name in values]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise RowError(f"line 1: the header lacks {', '.join(missing)}")
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise RowError(f"line 1: unknown columns {', '.join(unknown)}")
    width = len(header)
    positions = [header.index(name) if name in header else width for name in COLUMNS]
    return Layout(positions, width, header == list(COLUMNS))


def parse_csv(
    lines: Iterable[str], *, access_points: PointCodes, now: dt.datetime
) -> Iterator[Parsed]:
    """Each data line with its line number (the header is line 1), parsed or with the reason.
    A bad header raises RowError at once, before anything is read or stored."""
    reader = csv.reader(lines)
    layout = read_header(next(reader, []))
    return parse_records(reader, layout, access_points, now)


def parse_values(
    line: int,
    values: list[str],
    layout: Layout,
    access_points: PointCodes,
    now: dt.datetime,
) -> Parsed | None:
    """One record's fields as the file has them; None for a blank line (skipped silently)."""
    if len(values) != layout.width:
        if not any(v.strip() for v in values):
            return None
        return Parsed(line, None, f"has {len(values)} fields, the header has {layout.width}")
    if not layout.in_order:
        values = [[*values, ""][i] for i in layout.positions]
    try:
        row = parse_row(values, access_points=access_points, now=now)
    except RowError as error:
        return Parsed(line, None, str(error))
    return Parsed(line, row, "")


def parse_records(
    reader: Any,
    layout: Layout,
    access_points: PointCodes,
    now: dt.datetime,
    *,
    lines_before: int = 0,
) -> Iterator[Parsed]:
    """Records from a csv.reader, numbered by the line each ends on (after ``lines_before``)."""
    for values in reader:
        parsed = parse_values(lines_before + reader.line_num, values, layout, access_points, now)
        if parsed is not None:
            yield parsed
