"""Spreadsheets and delimited text: every sheet's rows, read as one table per sheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from stocktake.imports.markup import cell_from_html
from stocktake.imports.model import Block, Document, ImportFailed, Row, Table, Text
from stocktake.imports.read_text import text_blocks


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(data: bytes) -> Document:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailed("the spreadsheet is damaged, encrypted or not an .xlsx file") from exc
    blocks: list[Block] = []
    try:
        for sheet in book.worksheets:
            rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            if any(any(c.strip() for c in r) for r in rows) and len(book.worksheets) > 1:
                blocks.append(Text("heading", str(sheet.title), 1))
            blocks.extend(sheet_blocks(rows))
    finally:
        book.close()
    return Document("xlsx", blocks)


def sheet_blocks(rows: list[list[str]]) -> list[Block]:
    """Blank rows separate a sheet into tables; a run of lone first-column cells between
    them is the text around the tables (titles, headings, notes)."""
    blocks: list[Block] = []
    run: list[list[str]] = []
    for n, row in enumerate([*rows, []]):
        if any(c.strip() for c in row):
            run.append(row)
            continue
        if run and all(sum(1 for c in r if c.strip()) == 1 and r[0].strip() for r in run):
            # Lines with no blank row between them are one paragraph, as in plain text.
            for r in run:
                blocks.extend(text_blocks(r[0], n))
        elif run:
            table: list[Row] = [[cell_from_html(c) for c in r] for r in run]
            blocks.append(Table(table))
        run = []
    return blocks


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_csv(data: bytes, *, default: str = ",") -> Document:
    text = decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",\t;|")
    except csv.Error:
        dialect = csv.excel_tab if default == "\t" else csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise ImportFailed(f"the delimited file could not be read ({exc})") from exc
    return Document("csv", sheet_blocks(rows))
