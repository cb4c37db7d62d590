"""Readers for indicator datasets: a header and then rows of text cells, read as they stream.

CSV and TSV go through the csv module a record at a time (quoted cells may hold newlines, so a
record can span lines; errors name the line it starts on). Excel is read with openpyxl's
read-only mode, which does not hold the sheet in memory. JSON has no streaming reader in the
standard library, so a JSON file is loaded whole: use CSV for national-scale data.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

FORMATS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".json": "json"}
# Excel's CSV export is often Windows-1252, not UTF-8; the first block decides.
_SNIFF_BYTES = 65536


class DatasetUnreadable(Exception):
    """The file cannot be read as a dataset at all; the message is one line for the user."""


@dataclass
class Sheet:
    format: str
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (line, row or record number, cells)
    unit: str = "line"  # how a position is named in messages


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


def _encoding(path: Path) -> str:
    with path.open("rb") as handle:
        start = handle.read(_SNIFF_BYTES)
    try:
        # A cut multi-byte character at the end of the block is not an error.
        start.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(start) - 3:
            return "cp1252"
    return "utf-8-sig"


def _csv_rows(reader: Any, handle: TextIO, name: str) -> Iterator[tuple[int, list[str]]]:
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield start, [cell.strip() for cell in cells]
            start = reader.line_num + 1
    except (UnicodeDecodeError, csv.Error) as error:
        raise DatasetUnreadable(f"{name}: cannot read line {start}: {error}") from error
    finally:
        handle.close()


def _open_csv(path: Path) -> Sheet:
    handle = path.open(encoding=_encoding(path), newline="")
    first = handle.readline()
    handle.seek(0)
    tab = path.suffix.lower() == ".tsv" or first.count("\t") > first.count(",")
    reader = csv.reader(handle, delimiter="\t" if tab else ",")
    rows = _csv_rows(reader, handle, path.name)
    try:
        _, header = next(rows)
    except StopIteration:
        raise DatasetUnreadable(f"{path.name} is empty") from None
    return Sheet("csv", header, rows)


def _xlsx_rows(workbook: Any) -> Iterator[tuple[int, list[str]]]:
    try:
        sheet = workbook.active
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_text(v) for v in values]
            if any(cells):
                yield number, cells
    finally:
        workbook.close()


def _open_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise DatasetUnreadable(f"{path.name} is not an Excel workbook: {error}") from error
    rows = _xlsx_rows(workbook)
    try:
        _, header = next(rows)
    except StopIteration:
        raise DatasetUnreadable(f"{path.name} has no rows") from None
    while header and not header[-1]:
        header.pop()
    return Sheet("xlsx", header, rows, unit="row")


def _records(data: Any) -> list[dict[str, Any]]:
    """A list of records, or {"indicators": [...], "measurements": [...]} (either may be absent)."""
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    if isinstance(data, dict):
        found: list[dict[str, Any]] = []
        for key in ("indicators", "definitions", "measurements", "values", "data", "rows"):
            found += _records(data.get(key) or [])
        return found
    return []


def _open_json(path: Path) -> Sheet:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            records = _records(json.load(handle))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DatasetUnreadable(f"{path.name} is not valid JSON: {error}") from error
    if not records:
        raise DatasetUnreadable(f"{path.name} holds no records")
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = (
        (number, [_text(record.get(key)) for key in header])
        for number, record in enumerate(records, start=1)
    )
    return Sheet("json", header, rows, unit="record")


def open_dataset(path: Path) -> Sheet:
    """The file's header and a stream of its rows; DatasetUnreadable for what cannot be read."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted({s.lstrip(".") for s in FORMATS}))
        raise DatasetUnreadable(f"{path.name}: not a dataset this can read ({known})")
    if not path.is_file():
        raise DatasetUnreadable(f"{path}: no such file")
    with contextlib.suppress(UnicodeDecodeError):
        if kind == "xlsx":
            return _open_xlsx(path)
        if kind == "json":
            return _open_json(path)
        return _open_csv(path)
    raise DatasetUnreadable(f"{path.name} is not text in a known encoding")
