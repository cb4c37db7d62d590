"""The reconciliation report: what an import would do (a dry run) or did, in numbers and lines.

It is what the preview and the reconciliation page show and what the command prints; it is
stored as JSON on the move-in, so every list in it is capped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from stocktake.core.periods import fy_label, fy_quarter, fy_start_year

LISTED = 200  # how many of each kind of line a report keeps; counts are always whole


@dataclass
class Report:
    kind: str
    source: str
    dry_run: bool
    rows: int = 0
    skipped: int = 0
    created: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    periods: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    unmatched: list[str] = field(default_factory=list)
    unmatched_count: int = 0
    warnings: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    gap_count: int = 0
    bad_values: list[str] = field(default_factory=list)
    bad_value_count: int = 0
    differences: list[dict[str, str]] = field(default_factory=list)
    difference_count: int = 0
    compared: int = 0

    def error(self, where: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < LISTED:
            self.errors.append(f"{where}: {message}")

    def missing(self, where: str, message: str) -> None:
        """A row whose item is not in Stocktake and is not to be created: it blocks the import."""
        self.unmatched_count += 1
        if len(self.unmatched) < LISTED:
            self.unmatched.append(f"{where}: {message}")

    def warn(self, message: str) -> None:
        if len(self.warnings) < LISTED:
            self.warnings.append(message)

    def gap(self, message: str) -> None:
        self.gap_count += 1
        if len(self.gaps) < LISTED:
            self.gaps.append(message)

    def bad_value(self, where: str, message: str) -> None:
        self.bad_value_count += 1
        if len(self.bad_values) < LISTED:
            self.bad_values.append(f"{where}: {message}")

    def difference(self, item: str, period: str, source: str, ours: str, why: str) -> None:
        self.difference_count += 1
        if len(self.differences) < LISTED:
            self.differences.append(
                {"item": item, "period": period, "source": source, "ours": ours, "why": why}
            )

    def covers(self, label: str, start: dt.date, end: dt.date) -> None:
        self.periods.setdefault(label, (start, end))

    def covers_day(self, day: dt.date) -> None:
        """Dated rows (updates, reviews) are summarised by the financial quarters they fall in."""
        year = fy_start_year(day)
        label = f"Q{fy_quarter(day)} {fy_label(year)}"
        if label not in self.periods:
            start_month = 4 + 3 * (fy_quarter(day) - 1)
            start = dt.date(year + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
            self.periods[label] = (start, start)

    @property
    def blocked(self) -> bool:
        return bool(self.error_count or self.unmatched_count)

    def as_json(self) -> dict[str, Any]:
        ordered = sorted(self.periods, key=lambda label: self.periods[label])
        return {
            "kind": self.kind,
            "source": self.source,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "skipped": self.skipped,
            "created": dict(self.created),
            "changed": dict(self.changed),
            "unchanged": dict(self.unchanged),
            "periods": ordered,
            "first_period": ordered[0] if ordered else "",
            "last_period": ordered[-1] if ordered else "",
            "errors": self.errors,
            "error_count": self.error_count,
            "unmatched": self.unmatched,
            "unmatched_count": self.unmatched_count,
            "warnings": self.warnings,
            "gaps": self.gaps,
            "gap_count": self.gap_count,
            "bad_values": self.bad_values,
            "bad_value_count": self.bad_value_count,
            "differences": self.differences,
            "difference_count": self.difference_count,
            "compared": self.compared,
        }


def quarter_gaps(days: list[dt.date]) -> list[str]:
    """Financial quarters between the first and last date with nothing dated in them."""
    if not days:
        return []
    seen = {(fy_start_year(d), fy_quarter(d)) for d in days}
    first, last = min(seen), max(seen)
    missing = []
    year, quarter = first
    while (year, quarter) < last:
        if (year, quarter) not in seen:
            missing.append(f"Q{quarter} {fy_label(year)}")
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return missing
