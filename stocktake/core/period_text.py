"""Reading one reporting period from text, and saying why text is not one.

The date scanner in `stocktake.core.fuzzydates` skips what it cannot read, which suits
running prose but would turn "Q5 2009/10" into the whole year and "Q1 2009/12" into a
calendar quarter of 2009. A period names one stretch of time exactly, so these mistakes are
looked for first and the text is refused, never read as some other period.
"""

from __future__ import annotations

import re
from datetime import date

from stocktake.core.fuzzydates import FuzzyDate, Precision, _clean, _scan, parse_fuzzy_date
from stocktake.core.periods import (
    MONTH_NAMES,
    Period,
    expand_year,
    fy_label,
    fy_start_year_of,
    month_end,
)

EXAMPLES = '"Q1 2009/10", "2009/10" or "June 2009"'

_QUARTER = re.compile(r"(?<![a-z])(?:q|qtr|quarter)\s*([0-9]+)(?![0-9])", re.IGNORECASE)
# "06/2009" is June 2009 in UK usage, so a one- or two-digit number before a full year is a
# month; it is tried before the year pair, which would otherwise claim it.
_MONTH_YEAR = re.compile(r"(?<![0-9/.-])([0-9]{1,2})\s*[/.-]\s*((?:19|20)[0-9]{2})(?![0-9/.-])")
_YEAR_PAIR = re.compile(
    r"(?<![0-9/.-])((?:19|20)[0-9]{2}|[0-9]{2})\s*[/-]\s*([0-9]{4}|[0-9]{1,2})(?![0-9/.-])"
)


class PeriodError(ValueError):
    """Text that is not one reporting period; the message says why, for the person."""


def numeric_month(text: str) -> tuple[int, int] | None:
    """(year, month) for text that is only a month number and a full year, as "06/2009"."""
    m = _MONTH_YEAR.fullmatch(text.strip())
    return (int(m[2]), int(m[1])) if m and 1 <= int(m[1]) <= 12 else None


def problem(text: str) -> str | None:
    """What is impossible in the text as a period: a quarter, month or year pair that cannot be."""
    for m in _QUARTER.finditer(text):
        if not 1 <= int(m[1]) <= 4:
            return (
                f"There is no quarter {int(m[1])}: quarters run from Q1 (April to June) "
                "to Q4 (January to March)"
            )
    for m in _MONTH_YEAR.finditer(text):
        if not 1 <= int(m[1]) <= 12:
            return (
                f"There is no month {int(m[1])}: enter a month from 1 to 12, "
                f"or its name, as in {MONTH_NAMES[5]} {m[2]}"
            )
    for m in _YEAR_PAIR.finditer(text):
        if _MONTH_YEAR.fullmatch(m[0]) is None and fy_start_year_of(m[1], m[2]) is None:
            first = expand_year(m[1])
            return (
                f"{m[0].strip()} is not a financial year: the second year must follow the "
                f"first, as in {fy_label(first)}"
            )
    return None


def not_a_period(understood: str | None) -> str:
    """The message for text that reads as no single period: a day, a range, or nothing."""
    if understood:
        return f"{understood} is not a single month, quarter or year: enter one such as {EXAMPLES}"
    return f"Enter a period such as {EXAMPLES}"


def stray_words(leftover: str) -> str | None:
    """For typed entry: a word beside the period that is none of the usual ones ("Smarch")."""
    for word in re.findall(r"[a-z0-9]+", leftover, re.IGNORECASE):
        if word.lower() not in _ALLOWED:
            return f'"{word}" is not part of a period: enter one such as {EXAMPLES}'
    return None


_ALLOWED = {"fy", "financial", "calendar", "year", "yr", "of", "the", "for", "in"}

_KINDS = {Precision.MONTH: "month", Precision.QUARTER: "quarter", Precision.YEAR: "year"}


def read_period(text: str, *, strict: bool = False) -> Period:
    """A single month, quarter, calendar year or financial year; PeriodError says why not.

    Never a different period from the one meant: an impossible quarter, month or year pair
    is refused, not skipped. `strict`, for text a person types, also refuses stray words.
    """
    cleaned = _clean(text)
    if found := problem(cleaned):
        raise PeriodError(found)
    if month := numeric_month(cleaned):
        fd = FuzzyDate(text, date(*month, 1), month_end(*month), Precision.MONTH)
    else:
        fd = parse_fuzzy_date(text)
    kind = _KINDS.get(fd.precision)
    if kind is None or fd.start is None or fd.end is None:
        raise PeriodError(not_a_period(fd.format() if fd.start else None))
    if strict and not month:
        tokens = _scan(cleaned)
        leftover = f"{cleaned[: tokens[0].start]} {cleaned[tokens[-1].end :]}"
        if found := stray_words(leftover):
            raise PeriodError(found)
    if fd.precision is Precision.YEAR and fd.start.month == 4:
        kind = "financial_year"
    return Period(fd.format(), fd.start, fd.end, kind)
