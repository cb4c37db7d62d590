"""Exports of our own making, in the shapes other systems produce, and indicators to match."""

from __future__ import annotations

import csv
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django_q.conf import Conf
from openpyxl import Workbook

from stocktake.accounts.models import Organisation
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Indicator

QUARTERS = [f"Q{q} {y}/{(y + 1) % 100:02d}" for y in (2007, 2008) for q in (1, 2, 3, 4)]

MakeIndicators = Callable[..., list[Indicator]]
Worker = Callable[[], AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def worker(monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any) -> Worker:
    """`with worker(): ...` runs the tasks the block queues as it ends, through django-q's own
    sync mode in this process, once the test's transaction would have committed."""
    monkeypatch.setattr(Conf, "SYNC", True)
    return lambda: django_capture_on_commit_callbacks(execute=True)


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def value_of(n: int, quarter: int) -> float:
    """Indicator n's value in the quarter-th quarter: rising steadily, so it improves."""
    return round(50 + n % 7 + quarter * 1.5, 1)


@pytest.fixture
def make_indicators(officer: User) -> MakeIndicators:
    def make(
        organisation: Organisation, count: int, *, target: str | None = None
    ) -> list[Indicator]:
        made = []
        for n in range(1, count + 1):
            definition = indicators.definition_create(
                organisation=organisation,
                code=f"PI {n:03d}",
                title=f"Performance indicator {n}",
                data_type="percentage",
                decimal_places=1,
                polarity="higher",
                frequency="quarterly",
                by=officer,
            )
            indicator = indicators.indicator_create(
                organisation=organisation, definition=definition, by=officer
            )
            if target is not None:
                for year in ("2007/08", "2008/09"):
                    indicators.target_set(
                        indicator=indicator, period=year, value=Decimal(target), by=officer
                    )
            made.append(indicator)
        return made

    return make


@pytest.fixture
def long_csv(tmp_path: Path) -> Callable[[int], Path]:
    """A long export, Pentana style: one row per indicator and quarter."""

    def make(count: int) -> Path:
        rows: list[list[Any]] = [["PI Code", "Short Name", "Period", "Value", "Status", "Note"]]
        for n in range(1, count + 1):
            for q, period in enumerate(QUARTERS):
                rows.append([f"PI {n:03d}", f"Indicator {n}", period, value_of(n, q), "OK", ""])
        return write_csv(tmp_path / "pentana.csv", rows)

    return make


@pytest.fixture
def wide_xlsx(tmp_path: Path) -> Callable[[int], Path]:
    """A wide workbook: one row per indicator, quarters across as "Jun-07"-style headings."""

    def make(count: int) -> Path:
        months = ["Jun-07", "Sep-07", "Dec-07", "Mar-08", "Jun-08", "Sep-08", "Dec-08", "Mar-09"]
        rows: list[list[Any]] = [["Measure ID", "Measure Name", *months]]
        for n in range(1, count + 1):
            rows.append([f"PI {n:03d}", f"Indicator {n}", *[value_of(n, q) for q in range(8)]])
        return write_xlsx(tmp_path / "corvu.xlsx", {"Measures": rows})

    return make


@pytest.fixture
def yearly_xlsx(tmp_path: Path) -> Callable[[int], Path]:
    """One sheet per financial year, quarters across as bare "Q1".."Q4"."""

    def make(count: int) -> Path:
        sheets: dict[str, list[list[Any]]] = {}
        for y, year in enumerate(("2007-08", "2008-09")):
            rows: list[list[Any]] = [["Code", "Title", "Q1", "Q2", "Q3", "Q4"]]
            for n in range(1, count + 1):
                rows.append(
                    [f"PI {n:03d}", f"Indicator {n}", *[value_of(n, y * 4 + q) for q in range(4)]]
                )
            sheets[year] = rows
        return write_xlsx(tmp_path / "inphase.xlsx", sheets)

    return make
