"""Run a history import: every sheet's rows through the mapping into one kind's writer.

All or nothing: the whole run is one transaction. Rows that are wrong, or whose item is not in
Stocktake (when the mapping does not say to create it), are collected with their line numbers
and the transaction is rolled back. A dry run does all the same work and then rolls back, so
its report is exactly what the import would do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from django.db import transaction

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor
from stocktake.plans.models import Plan

from .fields import REQUIRED
from .models import Kind
from .reading import DatasetUnreadable, read_sheets
from .report import Report
from .rows import Layout, RowError, layout_for

__all__ = ["DatasetUnreadable", "MoveInRejected", "movein_run"]


class MoveInRejected(Exception):
    """Rows were wrong or unmatched; nothing was saved. The report lists them by line."""

    def __init__(self, report: Report) -> None:
        self.report = report
        parts = []
        if report.error_count:
            n = report.error_count
            parts.append(f"{n} {'problem' if n == 1 else 'problems'} in the rows")
        if report.unmatched_count:
            n = report.unmatched_count
            parts.append(
                f"{n} {'row names an item' if n == 1 else 'rows name items'} "
                "Stocktake does not have"
            )
        super().__init__("; ".join(parts))


class _DryRun(Exception):
    pass


class Writer(Protocol):
    report: Report

    def add(self, layout: Layout, where: str, cells: list[str]) -> None: ...

    def finish(self) -> None: ...


def _writer(
    kind: str, organisation: Organisation, plan: Plan | None, mapping: dict[str, Any], by: Actor
) -> Writer:
    # Imported here: each writer pulls in its own app's services.
    if kind == Kind.UPDATES:
        from .write_updates import UpdateWriter

        if plan is None:
            raise DatasetUnreadable(
                "progress updates are matched to actions within a plan: choose one"
            )
        return UpdateWriter(organisation, plan, mapping, by)
    if kind == Kind.INDICATORS:
        from .write_values import ValueWriter

        return ValueWriter(organisation, plan, mapping, by)
    from .write_reviews import ReviewWriter

    return ReviewWriter(organisation, plan, mapping, by)


def _check_columns(kind: str, layout: Layout) -> None:
    needed = [f for f in REQUIRED[kind] if f not in layout.columns]
    if kind == Kind.INDICATORS and "period" not in layout.columns and not layout.periods:
        needed.append("period (or periods across the columns)")
    if needed:
        where = f"sheet {layout.sheet.title}" if layout.sheet.title else "the file"
        raise DatasetUnreadable(f"{where} has no column mapped to {', '.join(needed)}")


def _first_pass(path: Path, mapping: dict[str, Any], writer: Any) -> None:
    """Indicators to create are found first and made together: one at a time is the slow part."""
    for sheet in read_sheets(path):
        layout = layout_for(sheet, mapping, wide_allowed=True)
        for _, cells in sheet.rows:
            writer.note(layout, cells)
    writer.create_missing()


def movein_run(
    *,
    path: Path,
    organisation: Organisation,
    mapping: dict[str, Any],
    by: Actor,
    plan: Plan | None = None,
    dry_run: bool = False,
    source: str = "",
    progress: Callable[[int], object] | None = None,
) -> dict[str, Any]:
    """Import the file's history and return the reconciliation report as JSON.

    Raises DatasetUnreadable when the file or its mapping cannot be used at all, and
    MoveInRejected (with the report) when rows are wrong; either way nothing is saved.
    """
    kind = mapping.get("kind", Kind.INDICATORS)
    report: Report | None = None
    try:
        with transaction.atomic():
            writer = _writer(kind, organisation, plan, mapping, by)
            report = writer.report
            report.source, report.dry_run = source or path.name, dry_run
            if kind == Kind.INDICATORS and mapping.get("unmatched") == "create":
                _first_pass(path, mapping, writer)
            for sheet in read_sheets(path):
                layout = layout_for(sheet, mapping, wide_allowed=kind == Kind.INDICATORS)
                _check_columns(kind, layout)
                count = 0
                for count, (line, cells) in enumerate(sheet.rows, start=1):
                    report.rows += 1
                    try:
                        writer.add(layout, sheet.where(line), cells)
                    except RowError as error:
                        report.error(sheet.where(line), str(error))
                    if progress is not None and count % 1000 == 0:
                        progress(1000)
                if progress is not None and count % 1000:
                    progress(count % 1000)  # the sheet's last rows: the count ends at its total
            if report.rows == 0:
                raise DatasetUnreadable(f"{report.source} has no rows under its header")
            if not report.blocked:
                writer.finish()
            if report.blocked:
                raise MoveInRejected(report)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    assert report is not None
    return report.as_json()
