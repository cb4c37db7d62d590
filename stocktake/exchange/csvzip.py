"""The same export as a zip of CSV files, one per table, for spreadsheets and BI tools.

Columns are the JSON's fields; lists and objects are written as JSON text in their cell.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import IO, Any

from stocktake.accounts.models import Organisation

from .encode import FORMAT, VERSION, encoded


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict | bool):
        return json.dumps(value)
    return str(value)


def export_zip(export: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in export["tables"].items():
            if not rows:
                continue
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(v) for k, v in row.items()})
            archive.writestr(f"{name}.csv", text.getvalue())
        about = {k: v for k, v in export.items() if k != "tables"}
        archive.writestr("export.json", json.dumps(about, indent=1))
    return buffer.getvalue()


def _table_csv(archive: zipfile.ZipFile, name: str, rows: Iterable[dict[str, Any]]) -> None:
    found: Iterator[dict[str, Any]] = iter(rows)
    first = next(found, None)
    if first is None:
        return
    with (
        archive.open(f"{name}.csv", "w") as member,
        io.TextIOWrapper(member, encoding="utf-8", newline="") as text,
    ):
        writer = csv.DictWriter(text, fieldnames=list(first), lineterminator="\n")
        writer.writeheader()
        for row in chain([first], found):
            writer.writerow({k: _cell(v) for k, v in row.items()})


def write_zip(*, organisation: Organisation, file: IO[bytes]) -> None:
    """The same zip as export_zip, written into a file as it is read: a streamed table
    (contacts) is never held whole."""
    encoder, tables, written = encoded(organisation)
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            rows = encoder.stream(table, organisation) if table.stream else written[table.name]
            _table_csv(archive, table.name, rows)
        about = {"format": FORMAT, "version": VERSION, "organisation": str(organisation.uuid)}
        archive.writestr("export.json", json.dumps(about, indent=1))
