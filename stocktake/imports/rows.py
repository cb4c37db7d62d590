"""One table row under a recognised header becomes one preview item."""

from __future__ import annotations

import re
from typing import Any

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date
from stocktake.imports import notes, steps
from stocktake.imports.indicators import area_note, baselines, split_code
from stocktake.imports.markup import cell_from_plain
from stocktake.imports.model import Cell, Row
from stocktake.imports.schema import Schema
from stocktake.imports.statuses import Status, is_bare_status, read_status

# "(A1)" closing an action is its council action code; "(Q3)" is a quarter.
_TRAILING_CODE = re.compile(r"\s*\(((?!Q[1-4]\))[A-Z]\d{1,2}(?:\s+and\s+[A-Z]\d{1,2})*)\)\s*$")
_BRACKET_DATE = re.compile(r"\(\s*([^()]*\d{2}[^()]*?)\s*\)\s*\.?\s*$")
_EMPTY = re.compile(r"^[\s\-–—?.]*$|^n/?a$", re.IGNORECASE)
_AGREED = [
    (re.compile(r"^\W*(partly|partially|in part)\b", re.I), "partly_agreed"),
    (re.compile(r"^\W*(no|not agreed|rejected|declined)\b", re.I), "not_agreed"),
    (re.compile(r"^\W*(yes|agreed|accepted|y)\b", re.I), "agreed"),
    (re.compile(r"^\W*(not yet|tbc|pending)\b", re.I), "not_yet_considered"),
]


def _first(row: Row, cols: list[int]) -> Cell:
    for i in cols:
        if i < len(row) and row[i]:
            return row[i]
    return Cell()


def _value(cell: Cell) -> str | None:
    text = cell.flat.strip()
    return text or None


def _lines(cell: Cell) -> str | None:
    text = "\n".join(line.strip() for line in cell.lines if line.strip())
    return text or None


def _agreement(raw: str | None) -> str | None:
    for pattern, value in _AGREED:
        if raw and pattern.search(raw):
            return value
    return None


def build_item(row: Row, schema: Schema, *, doc_as_at: str | None) -> dict[str, Any]:
    cells = row + [Cell()] * (schema.width - len(row))
    item: dict[str, Any] = {"kind": schema.kind, "flags": []}
    item["fields"] = {h: cells[i].text for i, h in enumerate(schema.headers)}
    item["ref"] = _value(_first(cells, schema.columns("ref")))
    text_cell = _first(cells, schema.columns("text"))
    from_objective = False
    if not text_cell:
        text_cell = _first(cells, schema.columns("steps"))
    if not text_cell:
        text_cell = _first(cells, schema.columns("objective"))
        from_objective = bool(text_cell)
    item["from_objective"] = from_objective
    # An indicator's text is read for its code and baseline; other items keep their lists.
    shown = text_cell.text if schema.kind == "indicator" else text_cell.listed
    text, internal = notes.internal_notes(shown)
    if not item["ref"] and (m := _TRAILING_CODE.search(text)):
        item["ref"] = m[1].split()[0]
        item["priority_refs"] = re.findall(r"[A-Z]\d{1,2}", m[1])
        text = text[: m.start()]
    item["text"] = text
    _owner(item, cells, schema)
    _due(item, cells, schema)
    _updates(item, cells, schema, doc_as_at)
    _status(item, cells, schema)
    _other_columns(item, cells, schema, internal)
    if schema.kind == "indicator":
        _indicator(item, cells, schema)
    if schema.kind == "risk" and not (item.get("likelihood") or item.get("impact")):
        item["flags"].append("unscored")
    if len(row) < schema.width and any(c for c in row):
        item["flags"].append("incomplete_row")
    return item


def _owner(item: dict[str, Any], cells: Row, schema: Schema) -> None:
    item["owner"] = _value(_first(cells, schema.columns("owner")))
    item["owners"] = []


def _due(item: dict[str, Any], cells: Row, schema: Schema) -> None:
    due_cell = _first(cells, schema.columns("due"))
    step_lines = _first(cells, schema.columns("steps")).lines
    item["milestones"] = steps.milestones(step_lines, due_cell.lines) if step_lines else []
    if not item["milestones"] and len(due_cell.lines) >= 2:
        item["milestones"] = steps.dated_lines(due_cell.lines)
    raw = _value(due_cell)
    item["due_source"] = schema.headers[schema.columns("due")[0]] if raw else None
    if raw is None:
        # Papers without a due column often give the target date in italics inside the
        # position statement: "… (November 2007)".
        for i in schema.columns("update"):
            for fragment in cells[i].italics:
                if parse_fuzzy_date(fragment).precision is not Precision.NONE:
                    raw = fragment.strip("() ")
                    item["due_source"] = f"italic date in '{schema.headers[i]}'"
                    break
            if raw:
                break
    if raw is None:
        # Without italics (a spreadsheet, a plain export) a bracketed date closing the dated
        # position statement is the same target date.
        for i, dated in schema.update_dates.items():
            m = _BRACKET_DATE.search(cells[i].flat) if dated else None
            if m and parse_fuzzy_date(m[1]).precision not in (Precision.NONE, Precision.RANGE):
                raw = m[1].strip()
                item["due_source"] = f"bracketed date in '{schema.headers[i]}'"
                break
    # Several dated steps keep a line each, as the paper set them out.
    item["due"] = _lines(due_cell) if raw is not None and raw == _value(due_cell) else raw
    numbered = steps.numbered(due_cell.lines)
    if numbered and len(numbered) == len(due_cell.lines):
        fd = steps.combine([parse_fuzzy_date(v) for v in numbered.values()], raw or "")
    elif item["milestones"] and len(due_cell.lines) >= 2:
        fd = steps.combine([parse_fuzzy_date(m["due"]) for m in item["milestones"]], raw or "")
    else:
        fd = parse_fuzzy_date(raw)
    item.update(steps.date_fields(fd))
    item["due_marker"] = fd.marker.value if fd.marker else None


def _updates(item: dict[str, Any], cells: Row, schema: Schema, doc_as_at: str | None) -> None:
    updates: list[dict[str, Any]] = []
    for i in schema.columns("update"):
        text = cells[i].listed.strip()
        if not text:
            continue
        dated = schema.update_dates.get(i)
        updates.append({"as_at": dated or doc_as_at, "label": schema.headers[i], "text": text})
    future = _value(_first(cells, schema.columns("future")))
    item["future"] = future
    if future and updates:
        updates[-1]["future"] = future
    item["updates"] = updates


def _status(item: dict[str, Any], cells: Row, schema: Schema) -> None:
    raw = _value(_first(cells, schema.columns("status")))
    if raw is None and item["updates"] and is_bare_status(item["updates"][-1]["text"]):
        raw = item["updates"][-1]["text"]
    status = read_status(raw)
    milestones = item.get("milestones") or []
    done = [m for m in milestones if m.get("completed_on")]
    if status.code is None and done and len(done) < len(milestones):
        # Silent on status, but some of its dated steps are done and some are not.
        status = Status("in_progress", "in_progress", None, ["progress_from_milestones"])
    item["status"] = raw
    item["status_code"] = status.code
    item["progress_status"] = status.progress
    item["rag"] = status.rag
    item["flags"].extend(status.flags)


def _other_columns(item: dict[str, Any], cells: Row, schema: Schema, internal: list[str]) -> None:
    notes_found = [{"column": "text", "text": n} for n in internal]
    for i, header in enumerate(schema.headers):
        if schema.roles[i] in ("text", "ref"):
            continue
        stripped, found = notes.internal_notes(cells[i].listed)
        notes_found += [{"column": header, "text": n} for n in found]
        if found and schema.roles[i] in ("update", "deliverable", "supporting"):
            cells[i] = cell_from_plain(stripped)
    item["internal_notes"] = notes_found
    if notes_found:
        item["flags"].append("internal_note")
        item["updates"] = [u for u in item["updates"] if notes.internal_notes(u["text"])[0]]
    deliverable = _first(cells, schema.columns("deliverable"))
    item["deliverables"] = [line for line in deliverable.lines if not _EMPTY.match(line)]
    supporting = _first(cells, schema.columns("supporting"))
    item["supporting"] = steps.supporting_info(supporting.text) or (
        {"text": supporting.text} if supporting else {}
    )
    priority = _value(_first(cells, schema.columns("priority")))
    item["priority"] = priority
    agreed = _value(_first(cells, schema.columns("agreed")))
    item["agreed"] = agreed
    item["agreement"] = _agreement(agreed)
    item["date_added"] = _value(_first(cells, schema.columns("date_added")))
    for role in ("likelihood", "impact", "mitigation", "cabinet_member"):
        if schema.columns(role):
            item[role] = _value(_first(cells, schema.columns(role)))


def _indicator(item: dict[str, Any], cells: Row, schema: Schema) -> None:
    code, rest = split_code(item["text"])
    item["code"] = code
    targets = []
    for i in schema.columns("target"):
        value = cells[i].flat.strip()
        if value and not _EMPTY.match(value):
            targets.append({"period": schema.headers[i], "value": value})
    item["targets"] = targets
    found = baselines(item["text"])
    item["baselines"] = found
    item["baseline"] = (
        {k: v for k, v in found[-1].items() if k in ("period", "value", "date", "source")}
        if found
        else None
    )
    item["area"] = area_note(item["text"], *(t["value"] for t in targets))
    item["title_without_code"] = rest
