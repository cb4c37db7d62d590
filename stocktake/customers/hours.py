"""Opening hours: which sessions apply on a day, whether a place is open at an instant, and the
week's table. Pure functions over plain data, so they test without a database.

Times are wall-clock times in Europe/London. Instants are compared in UTC: Python compares two
datetimes sharing a tzinfo by their wall-clock fields, which is wrong across a clock change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


@dataclass(frozen=True)
class Session:
    opens: dt.time
    closes: dt.time  # at or before `opens`: runs past midnight into the next day


@dataclass(frozen=True)
class Special:
    """An exception for one date: no session means closed all day."""

    session: Session | None
    reason: str


@dataclass(frozen=True)
class Pattern:
    weekly: Mapping[int, tuple[Session, ...]]
    specials: Mapping[dt.date, Special]
    always_open: bool = False
    closed_on_bank_holidays: bool = True
    region: str = "ENG"


@dataclass(frozen=True)
class DayHours:
    date: dt.date
    sessions: tuple[Session, ...]
    note: str  # why the day differs from the usual pattern, if it does


@cache
def _bank_holidays(region: str, year: int) -> Mapping[dt.date, str]:
    return holidays.country_holidays("GB", subdiv=region, years=year)


def bank_holiday(day: dt.date, region: str = "ENG") -> str:
    return str(_bank_holidays(region, day.year).get(day) or "")


def hours_on(pattern: Pattern, day: dt.date) -> DayHours:
    if pattern.always_open:
        return DayHours(day, (Session(dt.time(0), dt.time(0)),), "")
    special = pattern.specials.get(day)
    if special is not None:
        sessions = (special.session,) if special.session else ()
        return DayHours(day, sessions, special.reason)
    holiday = bank_holiday(day, pattern.region)
    if holiday and pattern.closed_on_bank_holidays:
        return DayHours(day, (), f"Closed: {holiday}")
    return DayHours(day, tuple(pattern.weekly.get(day.weekday(), ())), "")


def _instant(day: dt.date, at: dt.time) -> dt.datetime:
    # A wall-clock time the spring change skips (01:30) resolves forward, as a clock on the wall.
    return dt.datetime.combine(day, at, tzinfo=LONDON).astimezone(UTC)


def session_span(day: dt.date, session: Session) -> tuple[dt.datetime, dt.datetime]:
    end_day = day if session.closes > session.opens else day + dt.timedelta(days=1)
    return _instant(day, session.opens), _instant(end_day, session.closes)


def is_open(pattern: Pattern, at: dt.datetime) -> bool:
    """Open at this instant? Yesterday's late session may still be running after midnight."""
    if pattern.always_open:
        return True
    moment = at.astimezone(UTC)
    local_day = at.astimezone(LONDON).date()
    for day in (local_day - dt.timedelta(days=1), local_day):
        for session in hours_on(pattern, day).sessions:
            start, end = session_span(day, session)
            if start <= moment < end:
                return True
    return False


def week_of(pattern: Pattern, any_day: dt.date) -> list[DayHours]:
    monday = any_day - dt.timedelta(days=any_day.weekday())
    return [hours_on(pattern, monday + dt.timedelta(days=n)) for n in range(7)]


def describe(hours: DayHours) -> str:
    if not hours.sessions:
        return "Closed"
    if hours.sessions == (Session(dt.time(0), dt.time(0)),):
        return "Open 24 hours"
    return ", ".join(f"{s.opens:%H:%M} to {s.closes:%H:%M}" for s in hours.sessions)


def weekly_from(rows: Iterable[tuple[int, dt.time, dt.time]]) -> dict[int, tuple[Session, ...]]:
    weekly: dict[int, tuple[Session, ...]] = {}
    for weekday, opens, closes in rows:
        weekly[weekday] = (*weekly.get(weekday, ()), Session(opens, closes))
    return weekly
