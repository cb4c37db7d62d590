"""Calendar arithmetic for UK council reporting periods.

The public names are re-exported by `stocktake.core.fuzzydates`, which also parses periods
from text; import them from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

Span = tuple[date, date]
# The span something written without a year would have in a given calendar year, or in the
# financial year starting then; None where it does not exist (29 February).
Placer = Callable[[int], Span | None]


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date
    kind: str  # "financial_year" | "quarter" | "month" | "year"


def month_start(year: int, month: int) -> date:
    # Months past December are allowed so quarters and financial years can count on from April.
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def month_end(year: int, month: int) -> date:
    return month_start(year, month + 1) - timedelta(days=1)


def month_number(word: str) -> int:
    """1-12 for a month name or any abbreviation of at least three letters."""
    return [n[:3].lower() for n in MONTH_NAMES].index(word[:3].lower()) + 1


def month_abbr(d: date) -> str:
    return MONTH_NAMES[d.month - 1][:3]


def fy_start_year(d: date) -> int:
    """The calendar year in which d's April-to-March financial year begins."""
    return d.year if d.month >= 4 else d.year - 1


def fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def fy_quarter(d: date) -> int:
    """The financial quarter containing d: Q1 is April to June."""
    return (d.month - 4) % 12 // 3 + 1


def expand_year(text: str) -> int:
    """A written year; two digits fall in 1970-2069, as in papers from the 2000s."""
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def fy_start_year_of(first: str, second: str) -> int | None:
    """The start year of the financial year written "first/second", if the two follow on."""
    y = expand_year(first)
    follows = int(second) == (y + 1 if len(second) == 4 else (y + 1) % 10 ** len(second))
    return y if follows else None


def day_place(day: int, month: int) -> Placer:
    def place(y: int) -> Span | None:
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return d, d

    return place


def month_place(month: int) -> Placer:
    return lambda y: (month_start(y, month), month_end(y, month))


def quarter_place(quarter: int, first_month: int) -> Placer:
    """Quarter 1-4 of the year starting in first_month (4 for financial, 1 for calendar)."""
    start_month = first_month + 3 * (quarter - 1)
    return lambda y: (month_start(y, start_month), month_end(y, start_month + 2))


def fy_place(y: int) -> Span | None:
    return date(y, 4, 1), date(y + 1, 3, 31)


def calendar_year_place(y: int) -> Span | None:
    return date(y, 1, 1), date(y, 12, 31)


def financial_year_of(d: date) -> Period:
    """The UK public-sector financial year (1 April to 31 March) containing d."""
    y = fy_start_year(d)
    return Period(fy_label(y), date(y, 4, 1), date(y + 1, 3, 31), "financial_year")
