"""Rows that run on past a page break as one paragraph per cell, with no header.

Word tables exported to text sometimes lose their tabs on a later page: the page heading that
stood over the table ("IMPROVEMENT PLAN") is repeated, and each cell of the next rows follows
as a paragraph of its own. Such a run is read as rows of the table above only when every
paragraph lines up with the column it would fall in (a date under the due column, "Key: value"
lines under supporting information, a short name under the owner); a single line before a
row that lines up is a group row. Anything else stays narrative, with a warning when it looks
like rows that could not be read.
"""

from __future__ import annotations

import re

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date
from stocktake.imports.markup import cell_from_plain
from stocktake.imports.model import GUESSED_HEADING, Block, Cell, Row, Table, Text
from stocktake.imports.schema import Schema, build_schema, header_row

_KEY_LINE = re.compile(r"^[A-Z][\w /&'(),-]{1,50}:")
# Columns whose cells can be told apart by their look; a table needs one to be continued.
_DISTINCT = ("due", "owner", "supporting", "ref")


def _is_date(cell: Cell) -> bool:
    fd = parse_fuzzy_date(cell.flat)
    return fd.precision is not Precision.NONE or fd.marker is not None


def _fits_column(cell: Cell, role: str) -> bool:
    flat = cell.flat.strip()
    keyed = any(_KEY_LINE.match(line) for line in cell.lines)
    if role == "due":
        return _is_date(cell)
    if role == "owner":
        return (
            len(flat.split()) <= 12 and ":" not in flat and not flat.endswith(".")
        ) and not _is_date(cell)
    if role == "supporting":
        return keyed
    if role == "ref":
        return len(flat.split()) <= 2 and any(c.isdigit() for c in flat)
    if role in ("text", "objective"):
        return not keyed and not _is_date(cell)
    return True


def _width(schema: Schema) -> int:
    """The columns that have a heading; a sheet pads its rows with empty ones."""
    named = [i for i, h in enumerate(schema.headers) if not re.fullmatch(r"Column \d+", h)]
    return named[-1] + 1 if named else schema.width


def _fits(cells: list[Cell], schema: Schema) -> bool:
    width = _width(schema)
    return len(cells) == width and all(
        _fits_column(cell, role) for cell, role in zip(cells, schema.roles[:width], strict=True)
    )


def _padded(cells: list[Cell], schema: Schema) -> Row:
    return cells + [Cell() for _ in range(schema.width - len(cells))]


def _group_row(cell: Cell) -> bool:
    text = cell.flat.strip()
    return len(cell.lines) == 1 and not text.endswith((".", ":")) and _fits_column(cell, "text")


def _deal(cells: list[Cell], schema: Schema) -> tuple[list[Row], int]:
    """The rows the cells make from the start, and how many cells they take."""
    rows: list[Row] = []
    k, width = 0, _width(schema)
    while k < len(cells):
        if _fits(cells[k : k + width], schema):
            rows.append(_padded(cells[k : k + width], schema))
            k += width
        elif _group_row(cells[k]) and _fits(cells[k + 1 : k + 1 + width], schema):
            rows.append(_padded([cells[k]], schema))
            rows.append(_padded(cells[k + 1 : k + 1 + width], schema))
            k += 1 + width
        else:
            break
    return rows, k


def _cells(run: list[Text]) -> tuple[list[Cell], list[int]]:
    """One cell per paragraph, and the number of blocks each took."""
    cells: list[Cell] = []
    sizes: list[int] = []
    last: int | None = None
    for block in run:
        # The reader took a bullet's marker off its text; the cell shows it again.
        mark = "•" if block.kind == "bullet" else ""
        if block.group == last:
            cells[-1].extend(cell_from_plain(block.text), mark=mark)
            sizes[-1] += 1
        else:
            cells.append(Cell())
            cells[-1].extend(cell_from_plain(block.text), mark=mark)
            sizes.append(1)
        last = block.group
    return cells, sizes


def _run(blocks: list[Block], start: int, pages: set[str]) -> list[Text]:
    run: list[Text] = []
    for block in blocks[start:]:
        if not isinstance(block, Text) or block.text in pages:
            break
        if block.kind == "heading" and block.level < GUESSED_HEADING:
            break
        run.append(block)
    return run


def continue_tables(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The blocks with run-on rows made into tables, and warnings for runs left as text."""
    out: list[Block] = []
    warnings: list[str] = []
    schema: Schema | None = None
    pages: set[str] = set()  # headings that stood right over a table
    heading: str | None = None
    after_table = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        out.append(block)
        i += 1
        if isinstance(block, Table):
            headers = [r for r in block.rows if header_row(r)]
            schema = build_schema(headers[-1], None) if headers else schema
            if heading:
                pages.add(heading)
            after_table = True
            continue
        if block.kind != "heading":
            after_table = False
            heading = None
            continue
        heading = block.text
        if not (after_table and schema and block.text in pages):
            continue
        if not any(r in _DISTINCT for r in schema.roles):
            continue
        cells, sizes = _cells(_run(blocks, i, pages))
        rows, taken = _deal(cells, schema)
        if rows:
            out.append(Table(rows))
            i += sum(sizes[:taken])
            after_table = True
        rest = cells[taken:]
        if len(rest) >= _width(schema) - 1 and any(_is_date(c) for c in rest):
            warnings.append(
                f"under '{block.text}' after a table, {len(rest)} paragraphs look like more "
                f"rows of it (first: '{rest[0].flat[:60]}') but do not line up with its "
                "columns; kept as narrative"
            )
    return out, warnings
