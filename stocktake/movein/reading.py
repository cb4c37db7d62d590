"""Exports read as sheets: a header and then rows of text cells, streamed.

CSV goes through the indicator dataset reader (encoding sniffing, line numbers of records
that span lines). Excel is read here because an export may put each year on its own sheet:
every sheet with a header is read, in order, and its title is kept so a header such as "Q1"
can borrow the sheet's year.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stocktake.indicators.dataset_read import DatasetUnreadable, open_dataset

FORMATS = (".csv", ".tsv", ".txt", ".xlsx")

__all__ = ["FORMATS", "DatasetUnreadable", "Sheet", "read_sheets", "rows_about"]


@dataclass
class Sheet:
    title: str  # the worksheet's name; empty for a CSV
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]

    def where(self, line: int) -> str:
        return f"sheet {self.title}, row {line}" if self.title else f"line {line}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _xlsx_sheets(path: Path) -> Iterator[Sheet]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise DatasetUnreadable(f"{path.name} is not an Excel workbook: {error}") from error
    try:
        for worksheet in book.worksheets:
            rows = (
                (number, cells)
                for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
                if any(cells := [_text(v) for v in values])
            )
            first = next(rows, None)
            if first is None:
                continue
            header = first[1]
            while header and not header[-1]:
                header.pop()
            yield Sheet(str(worksheet.title), header, rows)
    finally:
        book.close()


def read_sheets(path: Path) -> Iterator[Sheet]:
    """Each sheet of the file in turn; DatasetUnreadable for what cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DatasetUnreadable(f"{path.name}: not an export this can read (CSV or .xlsx)")
    if suffix == ".xlsx":
        yield from _xlsx_sheets(path)
        return
    sheet = open_dataset(path)
    yield Sheet("", sheet.header, sheet.rows)


def rows_about(path: Path) -> int:
    """About how many rows the file holds, without reading them: the progress bar's length.

    A CSV's lines after the header (a quoted cell over two lines counts twice); a workbook's
    rows below each sheet's header as its saved dimensions say (0 when a writer left them out).
    """
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return 0
        try:
            return sum(max((sheet.max_row or 1) - 1, 0) for sheet in book.worksheets)
        finally:
            book.close()
    lines, last = 0, b"\n"
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    return max(lines - (last == b"\n"), 0)
