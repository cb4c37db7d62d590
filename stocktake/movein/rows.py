"""Reading one row through a mapping: which cell is which field, and the cells' values."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from textwrap import shorten
from typing import Any, Generic, TypeVar

from django.utils import timezone

from stocktake.core.fuzzydates import parse_fuzzy_date
from stocktake.core.periods import Period

from .fields import normalise
from .periods import header_periods, period_in
from .reading import Sheet
from .report import Report

T = TypeVar("T")

# Blank cells and the markers exports use for a value not collected.
MISSING = {"", "-", "–", "..", ".", "n/a", "na", "tbc", "nd", "no data", "not available"}
EARLIEST = dt.date(1990, 1, 1)  # earlier dates in these exports are placeholders or slips


class RowError(Exception):
    """This row cannot be imported; the message says why, for the user."""


@dataclass
class Layout:
    """One sheet read through the mapping: field → column index, and period columns if wide."""

    sheet: Sheet
    mapping: dict[str, Any]
    columns: dict[str, int] = field(default_factory=dict)
    periods: list[tuple[int, Period]] = field(default_factory=list)

    def cell(self, cells: list[str], name: str) -> str:
        index = self.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    def period(self, text: str) -> Period | None:
        return period_in(
            text,
            sheet=self.sheet.title,
            date_periods=self.mapping.get("date_periods", ""),
            overrides=self.mapping.get("periods") or None,
        )


def layout_for(sheet: Sheet, mapping: dict[str, Any], *, wide_allowed: bool) -> Layout:
    by_words = {normalise(h): i for i, h in enumerate(sheet.header) if h.strip()}
    layout = Layout(sheet, mapping)
    for name, header in (mapping.get("columns") or {}).items():
        index = by_words.get(normalise(header or ""))
        if header and index is not None:
            layout.columns[name] = index
    if wide_allowed and "period" not in layout.columns:
        layout.periods = header_periods(
            sheet.header,
            sheet=sheet.title,
            date_periods=mapping.get("date_periods", ""),
            used=set(layout.columns.values()),
        )
    return layout


def number(text: str) -> Decimal | None:
    """A number as exports write it ("1,234", "85%", "£12.50"); None for a missing marker."""
    if text.strip().casefold() in MISSING:
        return None
    cleaned = text.replace(",", "").replace("£", "").replace("%", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise RowError(f"“{text}” is not a number") from None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
        raise RowError(f"“{text}” is not a number this can store")
    return value


def business_date(text: str) -> tuple[dt.date, str]:
    """The date a row is about, with its precision; a month or quarter means its last day.

    History describes days that have passed: a date after today (a quarter may be the one under
    way) or before 1990 is a typing slip or a placeholder, and is refused with its line.
    """
    fuzzy = parse_fuzzy_date(text)
    if fuzzy.end is None:
        raise RowError(f"“{text}” is not a date")
    if (fuzzy.start or fuzzy.end) > timezone.localdate():
        raise RowError(f"“{text}” is in the future: history can only be dated up to today")
    if fuzzy.end < EARLIEST:
        raise RowError(f"“{text}” is before {EARLIEST.year}: check the date")
    return fuzzy.end, fuzzy.precision.value if fuzzy.precision.value != "none" else "day"


class RefIndex(Generic[T]):
    """Existing items by reference, and what to do with a row whose reference matches none:
    skip it, report it once as missing, or (when the mapping says so) have it created."""

    def __init__(
        self, mapping: dict[str, Any], report: Report, name: Callable[[T], str] = str
    ) -> None:
        self.by_ref: dict[str, list[T]] = defaultdict(list)
        self.name = name
        self.unmatched = mapping.get("unmatched", "")
        self.report = report
        self.missing: set[str] = set()

    def add(self, ref: str, item: T) -> None:
        if ref.strip():
            self.by_ref[ref.strip().casefold()].append(item)

    def find(self, ref: str, where: str, *, several: str, absent: str) -> tuple[T | None, bool]:
        """The one item with the reference, or None and whether the row should create it.

        `several` is the message for a reference shared by items: {n} is how many, {items}
        their names."""
        found = self.by_ref.get(ref.casefold(), [])
        if len(found) > 1:
            names = "; ".join(
                f"“{shorten(self.name(item), 80, placeholder='…')}”" for item in found
            )
            raise RowError(several.format(n=len(found), items=names))
        if found:
            return found[0], False
        if self.unmatched == "skip":
            self.report.skipped += 1
            return None, False
        if self.unmatched != "create":
            key = ref.casefold()
            self.report.unmatched_count += key in self.missing
            if key not in self.missing:
                self.missing.add(key)
                self.report.missing(where, absent)
            return None, False
        return None, True
