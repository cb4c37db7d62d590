"""Tables written one cell per line, header first, as text exports of Word tables often are.

A run of short lines that together read as a header starts such a table; the lines after it
are dealt out into rows of the same width until a heading, a table or a stated total ends it.
"""

from __future__ import annotations

import re

from stocktake.imports.markup import cell_from_plain
from stocktake.imports.model import GUESSED_HEADING, Block, Cell, Row, Table, Text
from stocktake.imports.roles import is_header, role_of

_TOTAL = re.compile(r"^\s*(?:grand\s+)?total\b|^\s*\d+\s+\w+\s+in\s+total\b", re.IGNORECASE)
_MAX_COLUMNS = 10


def is_total(text: str) -> bool:
    return bool(_TOTAL.match(text))


def _header_at(blocks: list[Block], i: int) -> int:
    """The width of a cell-per-line header starting at blocks[i], or 0."""
    texts: list[str] = []
    for block in blocks[i : i + _MAX_COLUMNS]:
        if not isinstance(block, Text) or len(block.text) > 60 or role_of(block.text) is None:
            break
        texts.append(block.text)
    for width in range(len(texts), 2, -1):
        if is_header(texts[:width]):
            return width
    return 0


def _cells(blocks: list[Text], by_group: bool) -> list[Cell]:
    cells: list[Cell] = []
    last_group: int | None = None
    for block in blocks:
        joins = (by_group and block.group == last_group) or (block.kind == "bullet" and cells)
        # The reader took a bullet's marker off its text; the cell shows it again.
        mark = "•" if block.kind == "bullet" else ""
        if joins:
            cells[-1].extend(cell_from_plain(block.text), mark=mark)
        else:
            cells.append(Cell())
            cells[-1].extend(cell_from_plain(block.text), mark=mark)
        last_group = block.group
    return cells


def find_cell_tables(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        width = _header_at(blocks, i) if isinstance(blocks[i], Text) else 0
        if not width:
            out.append(blocks[i])
            i += 1
            continue
        header = [b for b in blocks[i : i + width] if isinstance(b, Text)]
        by_group = len({b.group for b in header}) == width
        j = i + width
        body: list[Text] = []
        while j < len(blocks):
            block = blocks[j]
            if not isinstance(block, Text) or is_total(block.text):
                break
            if block.kind == "heading" and block.level < GUESSED_HEADING:
                break
            body.append(block)
            j += 1
        cells = _cells(body, by_group)
        rows: list[Row] = [[cell_from_plain(b.text) for b in header]]
        rows += [cells[k : k + width] for k in range(0, len(cells), width)]
        out.append(Table(rows))
        i = j
    return out
