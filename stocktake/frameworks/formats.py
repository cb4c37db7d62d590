"""Framework files: JSON (nested) and CSV/XLSX (one row per thing) to the same plain dict.

The dict is what `services.framework_load` takes (see data/*.json):
{"code", "version", "title", "description", "source", "rule", "threshold", "target",
 "levels": [names], "scale": [{"value", "label", "description"}],
 "themes": [{"ref", "title", "description", "criteria": [
     {"ref", "title", "description", "level", "elements": [{"ref", "title"}]}]}]}

CSV and XLSX rows have the columns COLUMNS; `type` is one of framework, setting, level,
rating, theme, criterion, element (see docs in the framework upload page).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

COLUMNS = ["type", "ref", "parent", "title", "level", "value", "description"]
SETTINGS = ("version", "source", "rule", "threshold", "target")
FORMATS = (".json", ".csv", ".xlsx")


def read_framework_file(name: str, content: bytes) -> dict[str, Any]:
    """The framework in a file, by its suffix; bad files raise ValidationError."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(content.decode("utf-8-sig"))
            if not isinstance(data, dict):
                raise ValidationError("The JSON file must hold one framework object")
            return data
        if suffix == ".csv":
            text = content.decode("utf-8-sig")
            return from_rows(list(csv.reader(io.StringIO(text))))
        if suffix == ".xlsx":
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
            rows = [
                ["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(values_only=True)
            ]
            return from_rows(rows)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(f"The file could not be read: {error}") from error
    except (OSError, KeyError, IndexError, ValueError, zipfile.BadZipFile) as error:
        raise ValidationError(f"The spreadsheet could not be read: {error}") from error
    raise ValidationError("The file must be JSON, CSV or XLSX")


def _number(text: str, what: str) -> int:
    try:
        return int(float(text))
    except ValueError:
        raise ValidationError(f"{what} must be a whole number, not “{text}”") from None


def from_rows(rows: list[list[str]]) -> dict[str, Any]:
    if not rows or [c.strip().lower() for c in rows[0][: len(COLUMNS)]] != COLUMNS:
        raise ValidationError(f"The first row must be the headings: {', '.join(COLUMNS)}")
    data: dict[str, Any] = {"levels": [], "scale": [], "themes": []}
    themes: dict[str, dict[str, Any]] = {}
    criteria: dict[str, dict[str, Any]] = {}
    levels: list[tuple[int, str]] = []
    for number, raw in enumerate(rows[1:], start=2):
        cells = [c.strip() for c in raw] + [""] * len(COLUMNS)
        row = dict(zip(COLUMNS, cells, strict=False))
        kind = row["type"].lower()
        where = f"Row {number}"
        if not any(cells):
            continue
        if kind == "framework":
            data |= {"code": row["ref"], "title": row["title"], "description": row["description"]}
        elif kind == "setting":
            if row["ref"] not in SETTINGS:
                raise ValidationError(f"{where}: a setting is one of {', '.join(SETTINGS)}")
            value: Any = row["value"]
            if row["ref"] in ("threshold", "target"):
                value = _number(value, f"{where}: {row['ref']}")
            data[row["ref"]] = value
        elif kind == "level":
            levels.append((_number(row["value"], f"{where}: the level number"), row["title"]))
        elif kind == "rating":
            data["scale"].append(
                {
                    "value": _number(row["value"], f"{where}: the rating value"),
                    "label": row["title"],
                    "description": row["description"],
                }
            )
        elif kind == "theme":
            theme = {"ref": row["ref"], "title": row["title"], "description": row["description"]}
            themes[row["ref"]] = theme | {"criteria": []}
            data["themes"].append(themes[row["ref"]])
        elif kind == "criterion":
            if row["parent"] not in themes:
                raise ValidationError(f"{where}: no theme “{row['parent']}” above this criterion")
            criterion: dict[str, Any] = {
                "ref": row["ref"],
                "title": row["title"],
                "description": row["description"],
                "level": _number(row["level"], f"{where}: the level") if row["level"] else None,
                "elements": [],
            }
            criteria[row["ref"]] = criterion
            themes[row["parent"]]["criteria"].append(criterion)
        elif kind == "element":
            if row["parent"] not in criteria:
                raise ValidationError(f"{where}: no criterion “{row['parent']}” above this element")
            criteria[row["parent"]]["elements"].append({"ref": row["ref"], "title": row["title"]})
        else:
            raise ValidationError(f"{where}: unknown type “{row['type']}”")
    data["levels"] = [name for _, name in sorted(levels)]
    return data


def to_rows(data: dict[str, Any]) -> list[list[str]]:
    rows = [
        COLUMNS,
        ["framework", data["code"], "", data["title"], "", "", data.get("description", "")],
    ]
    rows += [["setting", key, "", "", "", str(data.get(key, "")), ""] for key in SETTINGS]
    rows += [["level", "", "", name, "", str(n), ""] for n, name in enumerate(data["levels"], 1)]
    rows += [
        ["rating", "", "", o["label"], "", str(o["value"]), o.get("description", "")]
        for o in data["scale"]
    ]
    for theme in data["themes"]:
        rows.append(
            ["theme", theme["ref"], "", theme["title"], "", "", theme.get("description", "")]
        )
        for c in theme["criteria"]:
            level = "" if c.get("level") is None else str(c["level"])
            rows.append(
                [
                    "criterion",
                    c["ref"],
                    theme["ref"],
                    c["title"],
                    level,
                    "",
                    c.get("description", ""),
                ]
            )
            rows += [["element", e["ref"], c["ref"], e["title"], "", "", ""] for e in c["elements"]]
    return rows


def to_csv(data: dict[str, Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(to_rows(data))
    return buffer.getvalue()


def to_xlsx(data: dict[str, Any]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Framework"
    for row in to_rows(data):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def criteria_of(data: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for theme in data.get("themes", []):
        yield from theme.get("criteria", [])
