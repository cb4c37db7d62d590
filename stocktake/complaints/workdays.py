"""Working days for complaint timescales: weekends and the region's bank holidays are skipped.

The bank holidays come from the `holidays` package (offline, maintained), so substitute days
such as Boxing Day (observed) are counted the way the council's own calendar counts them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from django.db import models


class Region(models.TextChoices):
    ENGLAND_AND_WALES = "ENG", "England and Wales"
    SCOTLAND = "SCT", "Scotland"
    NORTHERN_IRELAND = "NIR", "Northern Ireland"


@lru_cache(maxsize=8)
def _calendar(region: str) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=region)


def is_working_day(day: dt.date, region: str = Region.ENGLAND_AND_WALES) -> bool:
    return day.weekday() < 5 and day not in _calendar(region)


def add_working_days(start: dt.date, days: int, region: str = Region.ENGLAND_AND_WALES) -> dt.date:
    """The date `days` working days after `start`; the day of receipt itself does not count."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day, region):
            remaining -= 1
    return day


def working_days_between(
    start: dt.date, end: dt.date, region: str = Region.ENGLAND_AND_WALES
) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
    if end < start:
        return -working_days_between(end, start, region)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + dt.timedelta(days=offset), region)
    )
