"""Periods as exports write them: "Q1 2008/09", "Jun-08", "2008/09 Q1", a date, or "Q1" on a
sheet named for its year. A council can also say what any period text means."""

from __future__ import annotations

import re
from functools import lru_cache

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date, parse_period
from stocktake.core.periods import (
    MONTH_NAMES,
    Period,
    financial_year_of,
    fy_label,
    fy_quarter,
    fy_start_year,
    month_number,
)

DATE_PERIODS = [
    ("", "As written: a date is not a period, a month is a month"),
    ("month", "The month a date falls in"),
    ("quarter", "The financial quarter a date or month falls in (quarterly data by month end)"),
    ("financial_year", "The financial year a date, month or quarter falls in"),
]
_WIDER = {"quarter": {"month"}, "financial_year": {"month", "quarter"}}
_QUARTER = re.compile(r"^(?:q|qtr|quarter)\s*([1-4])$", re.I)
_MONTH = re.compile(r"^[a-z]{3,9}$", re.I)


@lru_cache(maxsize=8192)
def _year_of_sheet(title: str) -> Period | None:
    found = parse_period(title) if title and any(c.isdigit() for c in title) else None
    return found if found is not None and found.kind == "financial_year" else None


def _within_year(text: str, year: Period) -> Period | None:
    quarter = _QUARTER.match(text)
    if quarter:
        return parse_period(f"Q{quarter.group(1)} {year.label}")
    if _MONTH.match(text):
        try:
            month = month_number(text)
        except ValueError:
            return None
        calendar_year = year.start.year + (1 if month < 4 else 0)
        return parse_period(f"{MONTH_NAMES[month - 1]} {calendar_year}")
    return None


def _of_date(text: str, kind: str) -> Period | None:
    fuzzy = parse_fuzzy_date(text)
    if fuzzy.precision != Precision.DAY or fuzzy.start is None:
        return None
    day = fuzzy.start
    if kind == "month":
        return parse_period(f"{MONTH_NAMES[day.month - 1]} {day.year}")
    if kind == "quarter":
        return parse_period(f"Q{fy_quarter(day)} {fy_label(fy_start_year(day))}")
    if kind == "financial_year":
        return financial_year_of(day)
    return None


@lru_cache(maxsize=8192)
def _interpret(text: str, sheet: str, date_periods: str) -> Period | None:
    if not text or not any(c.isalnum() for c in text):
        return None
    found = parse_period(text) if any(c.isdigit() for c in text) else None
    if found is not None and found.kind in _WIDER.get(date_periods, set()):
        return _of_date(found.end.isoformat(), date_periods)
    if found is not None:
        return found
    year = _year_of_sheet(sheet)
    if year is not None:
        found = _within_year(text.strip(), year)
        if found is not None:
            return found
    return _of_date(text, date_periods) if date_periods else None


def period_in(
    text: str, *, sheet: str = "", date_periods: str = "", overrides: dict[str, str] | None = None
) -> Period | None:
    """The period a cell names; None if it names none. Overrides map texts to period texts."""
    text = text.strip()
    if overrides and text in overrides:
        text = overrides[text]
    return _interpret(text, sheet, date_periods)


def header_periods(
    header: list[str], *, sheet: str, date_periods: str, used: set[int]
) -> list[tuple[int, Period]]:
    """Period columns of a wide sheet: the headers, not already mapped, that name a period."""
    found = []
    for index, text in enumerate(header):
        if index in used:
            continue
        period = period_in(text, sheet=sheet, date_periods=date_periods)
        if period is not None:
            found.append((index, period))
    return found
