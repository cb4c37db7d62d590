"""Exports read as sheets: a header and then rows of text cells, streamed.

CSV (and .tsv or .txt) is read with its delimiter sniffed from the header: comma, semicolon or
tab; its encoding from the first block (UTF-8, else Windows-1252); records that span lines are
named by the line they start on. In Excel an export may put each year on its own sheet: every
sheet with a header is read, in order, and its title is kept so a header such as "Q1" can
borrow the sheet's year.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stocktake.indicators.dataset_read import DatasetUnreadable

FORMATS = (".csv", ".tsv", ".txt", ".xlsx")
DELIMITERS = (",", ";", "\t")
_SNIFF = 65536  # bytes: the first block decides the encoding (Excel's CSV is often cp1252)

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


def _delimiter(path: Path) -> str:
    """Comma, semicolon (Excel in much of Europe) or tab: whichever splits the header most."""
    with path.open("rb") as handle:
        first = handle.readline(_SNIFF).decode("utf-8", errors="replace")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d])  # ties go to the comma


def _csv_rows(path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The records of a delimited file, with the line each starts on."""
    with path.open("rb") as handle:
        start = handle.read(_SNIFF)
    try:
        start.decode("utf-8-sig")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as error:  # a character cut at the block's end is not an error
        encoding = "utf-8-sig" if error.start >= len(start) - 3 else "cp1252"
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        line = 1
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield line, [cell.strip() for cell in cells]
                line = reader.line_num + 1
        except (UnicodeDecodeError, csv.Error) as error:
            raise DatasetUnreadable(f"{path.name}: cannot read line {line}: {error}") from error


def _csv_sheet(path: Path) -> Sheet:
    rows = _csv_rows(path, _delimiter(path))
    first = next(rows, None)
    if first is None:
        raise DatasetUnreadable(f"{path.name} is empty")
    header = first[1]
    if len(header) < 2:
        raise DatasetUnreadable(
            f"{path.name} reads as a single column: save the export as CSV, with commas, "
            "semicolons or tabs between its columns"
        )
    return Sheet("", header, rows)


def read_sheets(path: Path) -> Iterator[Sheet]:
    """Each sheet of the file in turn; DatasetUnreadable for what cannot be read.

    A .txt or .tsv export is read as delimited text like a CSV, and refused if it does not read
    as one (a single column).
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DatasetUnreadable(f"{path.name}: not an export this can read (CSV or .xlsx)")
    if not path.is_file():
        raise DatasetUnreadable(f"{path.name}: no such file")
    if suffix == ".xlsx":
        yield from _xlsx_sheets(path)
        return
    yield _csv_sheet(path)


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
