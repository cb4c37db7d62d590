"""The same export as a zip of CSV files, one per table, for spreadsheets and BI tools.

Columns are the JSON's fields; lists and objects are written as JSON text in their cell.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any


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
