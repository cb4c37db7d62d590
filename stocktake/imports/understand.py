"""Table understanding: a document model in, the preview object of import-json.md out.

One pass over the blocks in document order keeps the state a reader of the paper would keep:
the heading and section we are in, the header of the table being read (which carries over a
page break that does not repeat it), and the narrative under each heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stocktake.imports import aims, finishing
from stocktake.imports.cellines import find_cell_tables, is_total
from stocktake.imports.metadata import Meta, read_metadata
from stocktake.imports.model import GUESSED_HEADING, Document, Row, Table, Text
from stocktake.imports.narrative import Chunk, kv_target, list_items, split_kv
from stocktake.imports.rows import build_item
from stocktake.imports.runon import continue_tables
from stocktake.imports.schema import Schema, build_schema, header_row, is_period_row, signature
from stocktake.imports.sections import Section, Sections


@dataclass
class _State:
    meta: Meta
    as_at: str | None
    sections: Sections = field(default_factory=Sections)
    chunks: list[Chunk] = field(default_factory=list)
    chunk_sections: list[Section | None] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: Schema | None = None
    table_rows: int = 0
    pending_key: str | None = None
    # The key of a "Relevant Council Aim/s: A) …" line whose list may go on over more lines.
    list_key: str | None = None
    # Aims and approaches named since the last service objective, which they head.
    citing: dict[str, list[str]] = field(default_factory=dict)
    unrecognised_rows: int = 0

    def chunk(self) -> Chunk:
        if not self.chunks:
            self.new_chunk(None)
        return self.chunks[-1]

    def new_chunk(self, heading: str | None) -> None:
        self.flush_lists()
        self.chunks.append(Chunk(heading))
        self.chunk_sections.append(self.sections.current if heading else None)

    def flush_lists(self) -> None:
        if not self.chunks:
            return
        chunk, section = self.chunks[-1], self.chunk_sections[-1]
        for item in list_items(chunk):
            item.setdefault("flags", [])
            item.setdefault("fields", {})
            if item["kind"] == "risk":
                item["flags"].append("unscored")
            item["section"] = section.title if section else None
            if section:
                section.mark_used()
            self.items.append(item)
        chunk.lines = [line for line in chunk.lines if line[0] != "done"]


def understand(
    doc: Document, *, as_at: str | None, organisation: str | None, source: str
) -> dict[str, Any]:
    blocks, run_on = continue_tables(find_cell_tables(doc.blocks))
    meta = read_metadata(blocks)
    state = _State(meta, as_at or meta.as_at)
    state.warnings.extend(run_on)
    for block in blocks:
        if isinstance(block, Text):
            _text(state, block)
        else:
            _table(state, block)
    state.flush_lists()
    if state.schema is not None:
        _close_table(state)
    priorities, priority_warnings = aims.council_priorities(
        state.sections.all, state.chunks, state.items
    )
    state.warnings.extend(priority_warnings)
    preview: dict[str, Any] = {
        "source": source,
        "format": doc.format,
        "title": meta.title,
        "organisation": organisation or meta.organisation,
        "as_at": state.as_at,
        "tables": state.tables,
        "sections": state.sections.export(),
        "narrative": [
            {"heading": c.heading, "text": c.text()} for c in state.chunks if c.lines or c.heading
        ],
        "items": state.items,
        "warnings": state.warnings,
        "metadata": meta.metadata,
        "priorities": priorities,
    }
    finishing.finish(preview, meta=meta, as_at_given=as_at)
    return preview


def _text(state: _State, block: Text) -> None:
    # A line guessed to be a heading only from its look may still be a value or list entry.
    loose = block.kind != "heading" or block.level >= GUESSED_HEADING
    kind = "paragraph" if block.kind == "heading" else block.kind
    pending, listing = state.pending_key, state.list_key
    if pending and loose and not kv_target(block.text):
        if pending == "service_objective":
            state.pending_key = None
            _service_objective(state, block.text)
        elif block.kind != "heading" or aims.marked(block.text):
            _section_value(state, pending, block.text)
        else:
            pending = None
        if pending:
            state.chunk().lines.append((kind, block.text))
            return
    if listing and loose and aims.marked(block.text):
        _section_value(state, listing, block.text)
        state.chunk().lines.append((kind, block.text))
        return
    state.pending_key = state.list_key = None
    if block.kind == "heading":
        if block.text != state.meta.title:
            state.sections.open(block.text, 0)
            state.citing = {}
        state.new_chunk(block.text)
        return
    _line(state, block.text, group_row=False)
    state.chunk().lines.append((block.kind, block.text))


def _line(state: _State, text: str, *, group_row: bool) -> bool:
    """Metadata and sub-sections written as "Key: value"; True when the line was one."""
    target = kv_target(text)
    if target is None:
        return False
    scope, key, value = target
    state.pending_key = key if scope == "section" and not value and not group_row else None
    state.list_key = key if scope == "section" and key in aims.CITING_KEYS else None
    if scope == "section" and state.sections.repeated:
        # Aims or an objective after a repeated page heading start a new part of that page.
        state.sections.close_below(0)
        state.sections.repeated = False
    if scope == "section" and key == "service_objective" and value:
        _service_objective(state, value)
    elif scope == "section" and value:
        _section_value(state, key, value)
    return True


def _section_value(state: _State, key: str, value: str) -> None:
    section = state.sections.current
    if section is not None:
        section.metadata.setdefault(key, []).append(value)
    if key in aims.CITING_KEYS:
        state.citing.setdefault(key, []).append(value)


def _service_objective(state: _State, title: str) -> None:
    """A service objective opens a sub-section, which the aims and approaches named just
    above it (on the same page of the plan) are cited by."""
    section = state.sections.open(title, 1)
    section.metadata["kind"] = "service_objective"
    for key, values in state.citing.items():
        known = section.metadata.setdefault(key, [])
        known.extend(v for v in values if v not in known)
    state.citing = {}


def _single_cell(state: _State, text: str, *, in_table: bool) -> None:
    if is_total(text):
        state.warnings.append(
            f"stated total '{text}' ignored: items are counted from the rows themselves"
        )
        state.chunk().lines.append(("paragraph", text))
        return
    kv = split_kv(text)
    if _line(state, text, group_row=True) or (kv and kv[1] and not kv[0].isupper()):
        state.chunk().lines.append(("paragraph", text))
        return
    level = 1 if in_table and state.sections.has_heading else 0
    if state.sections.page_heading(text):
        in_table, level = False, 0
    state.sections.open(text, level, "row" if in_table else "heading")
    if level == 0:
        state.citing = {}


def _table(state: _State, table: Table) -> None:
    state.pending_key = state.list_key = None
    rows = table.rows
    first = True
    # Lines above the first header of a table are the plan's own headings and key/values.
    first_header = next((k for k, r in enumerate(rows) if header_row(r)), -1)
    i = 0
    while i < len(rows):
        row = rows[i]
        i += 1
        if i - 1 < first_header and not header_row(row):
            lone = [c for c in row if c]
            if len(lone) == 1:
                _single_cell(state, lone[0].text, in_table=False)
                continue
            if state.schema is None or len(row) != state.schema.width:
                _unrecognised(state, row)
                continue
        if not any(any(ch.isalnum() for ch in c.flat) for c in row):
            continue
        if header_row(row):
            periods = rows[i] if i < len(rows) and is_period_row(rows[i]) else None
            i += 1 if periods else 0
            if state.schema is None or signature(row) != state.schema.signature:
                if state.schema is not None:
                    _close_table(state)
                state.schema = build_schema(row, periods)
                state.warnings.extend(state.schema.warnings)
            first = False
            continue
        filled = [j for j, c in enumerate(row) if c]
        schema = state.schema
        fits = schema is not None and (not first or len(row) == schema.width)
        if len(filled) == 1 and (schema is None or filled[0] == 0 or not fits):
            _single_cell(state, row[filled[0]].text, in_table=schema is not None and fits)
            continue
        if schema is None or not fits:
            _unrecognised(state, row)
            continue
        first = False
        _data_row(state, row, schema)
    if state.unrecognised_rows:
        heading = state.chunk().heading or "the start"
        if state.unrecognised_rows >= 2:
            state.warnings.append(
                f"a table under '{heading}' has no recognisable header; its "
                f"{state.unrecognised_rows} rows are kept as narrative"
            )
        state.unrecognised_rows = 0


def _unrecognised(state: _State, row: Row) -> None:
    cells = [c.flat.strip() for c in row if c]
    if cells and cells[0].endswith(":"):
        state.chunk().lines.append(("paragraph", " ".join(cells)))
        return
    if row and not row[0] and state.chunk().lines and state.chunk().lines[-1][0] == "table":
        # A row with an empty first cell continues the row above (split at a page break).
        kind, text = state.chunk().lines[-1]
        state.chunk().lines[-1] = (kind, f"{text} {' '.join(cells)}")
        return
    state.unrecognised_rows += 1
    state.chunk().lines.append(("table", " | ".join(cells)))


def _data_row(state: _State, row: Row, schema: Schema) -> None:
    ident = schema.columns("ref") + schema.columns("text") + schema.columns("objective")
    ident += schema.columns("steps")
    if state.items and not any(i < len(row) and row[i] for i in ident):
        last = state.items[-1]
        if last.get("_schema") is schema:
            for h, cell in zip(schema.headers, row, strict=False):
                if cell:
                    last["fields"][h] = f"{last['fields'].get(h, '')}\n{cell.text}".strip()
            return
    item = build_item(row, schema, doc_as_at=state.as_at)
    objective_cols = schema.columns("objective")
    objective = (
        row[objective_cols[0]].text if objective_cols and objective_cols[0] < len(row) else ""
    )
    if objective and not item["from_objective"]:
        state.sections.close_below(1)
        state.sections.open(objective, 2).metadata["kind"] = "objective"
    section = state.sections.current
    item["section"] = section.title if section else None
    if section is not None:
        section.mark_used()
    item["_schema"] = schema
    item["_table"] = len(state.tables)
    state.sections.repeated = False
    state.items.append(item)
    state.table_rows += 1


def _close_table(state: _State) -> None:
    if state.schema is None:
        return
    if state.tables and state.tables[-1]["header"] == state.schema.headers:
        state.tables[-1]["rows"] += state.table_rows
    else:
        state.tables.append(state.schema.export(state.table_rows))
    state.table_rows = 0
