"""Reporting periods next to a given one: the previous period and the same period a year ago."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from stocktake.core.fuzzydates import parse_period
from stocktake.core.periods import MONTH_NAMES, Period, fy_label, fy_quarter, fy_start_year

_MONTHS = {"month": 1, "quarter": 3, "financial_year": 12, "year": 12}


def _label(kind: str, start: date) -> str:
    if kind == "quarter":
        return f"Q{fy_quarter(start)} {fy_label(fy_start_year(start))}"
    if kind == "month":
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if kind == "financial_year":
        return fy_label(start.year)
    return str(start.year)


# Bulk imports ask for the same few neighbours thousands of times; parsing is the cost.
@lru_cache(maxsize=4096)
def shifted(period: Period, months: int) -> Period | None:
    """The period of the same kind `months` earlier (negative) or later; None if unknown kind."""
    if period.kind not in _MONTHS:
        return None
    total = period.start.year * 12 + period.start.month - 1 + months
    start = date(total // 12, total % 12 + 1, 1)
    return parse_period(_label(period.kind, start))


def previous(period: Period) -> Period | None:
    return shifted(period, -_MONTHS.get(period.kind, 0)) if period.kind in _MONTHS else None


def year_before(period: Period) -> Period | None:
    return shifted(period, -12)
