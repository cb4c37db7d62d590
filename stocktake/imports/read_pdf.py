"""Text-based PDFs through pdfplumber, in a child process with a time limit.

Tables are found by their rules; a table that runs on at the top of the next page with the
same columns is joined to the one before, without the header row repeated there. Text in
cells and around tables is rebuilt into typed lines and paragraphs by `pdf_text`; headings are
told by weight or size, bullets by their marks.

A hostile or pathological PDF can keep pdfminer busy for minutes; reading it in a forked
process lets us abandon it cleanly after the limit and report a clear error instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from multiprocessing.connection import Connection
from typing import Any

import pdfplumber

from stocktake.imports.markup import cell_from_plain
from stocktake.imports.model import Block, Cell, Document, ImportFailed, Row, Table, Text, guessed
from stocktake.imports.pdf_text import Line, lines_of, paragraphs
from stocktake.imports.read_text import looks_like_heading
from stocktake.imports.roles import is_header

logger = logging.getLogger(__name__)

PDF_TIME_LIMIT = 30.0
_TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}
_BULLET = re.compile(r"^[-*•❑▪◦●○■□➢►\uf0b7\uf0a7]\s+(.*)$")
# A heading is set apart by weight or size; a bold passage longer than this is emphasis.
_HEADING_WORDS = 25
_LARGER = 1.15
# Column edges of a table continued on the next page line up to within this many points.
_SAME_EDGE = 2.0

Char = dict[str, Any]
Box = tuple[float, float, float, float]


@dataclass
class _Found:
    """A table as found on one page: its cells, and its column edges to match a
    continuation on the next page against."""

    table: Table
    edges: list[float]
    page: int


_Placed = _Found | Line


def _inside(char: Char, box: Box) -> bool:
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell(chars: list[Char], box: Box) -> Cell:
    lines = lines_of(chars)
    if not lines:
        return Cell()
    # Cells pad both sides alike: the text's offset from the left border gives the right edge.
    padding = max(0.0, min(line.x0 for line in lines) - box[0])
    found = paragraphs(lines, box[2] - padding)
    cell = cell_from_plain("\n".join(t for p in found for t in p.texts()))
    cell.italics = [i for p in found for i in p.italics()]
    cell.bold = all(line.bold for line in lines)
    return cell


def _columns(found: Any) -> dict[int, tuple[float, float]]:
    spans: dict[int, tuple[float, float]] = {}
    for row in found.rows:
        for i, box in enumerate(row.cells):
            if box and i not in spans:
                spans[i] = (box[0], box[2])
    return spans


def _table(chars: list[Char], found: Any) -> Table:
    columns = _columns(found)
    rows: list[Row] = []
    for row in found.rows:
        top, bottom = row.bbox[1], row.bbox[3]
        in_row = [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom]
        drawn = [box for box in row.cells if box]
        cells: Row = []
        for i, box in enumerate(row.cells):
            if box:
                cells.append(_cell([c for c in in_row if _inside(c, box)], box))
                continue
            # A cell whose rules pdfplumber could not close (a row wider than the header
            # above it) is read within its column; text a spanning cell holds stays there.
            x0, x1 = columns.get(i, (0.0, 0.0))
            box = (x0, top, x1, bottom)
            loose = [c for c in in_row if _inside(c, box) and not any(_inside(c, d) for d in drawn)]
            cells.append(_cell(loose, box))
        rows.append(cells)
    return Table(rows)


def _tables(page: Any) -> list[Any]:
    found = page.find_tables()
    if found:
        return list(found)
    # A table drawn without rules is only taken when its first row reads as a header row.
    candidates = page.find_tables(_TEXT_SETTINGS)
    return [t for t in candidates if t.extract() and is_header([c or "" for c in t.extract()[0]])]


def _page(page: Any, number: int) -> list[_Placed]:
    chars: list[Char] = [c for c in page.chars if c["text"]]
    placed: list[tuple[float, _Placed]] = []
    boxes: list[Box] = []
    for found in _tables(page):
        box: Box = found.bbox
        boxes.append(box)
        inside = [c for c in chars if _inside(c, box)]
        edges = sorted({round(x, 1) for cell in found.cells for x in (cell[0], cell[2])})
        placed.append((box[1], _Found(_table(inside, found), edges, number)))
    outside = [c for c in chars if not any(_inside(c, b) for b in boxes)]
    lines = lines_of(outside)
    if lines:
        lines[0].new_page = True
    placed.extend((line.top, line) for line in lines)
    return [p for _, p in sorted(placed, key=lambda p: p[0])]


def _continues(earlier: _Found, later: _Found) -> bool:
    """A table at the top of a page that goes on from the one that ended the page before:
    same columns, same edges."""
    return (
        later.page == earlier.page + 1
        and len(later.edges) == len(earlier.edges)
        and all(abs(a - b) <= _SAME_EDGE for a, b in zip(earlier.edges, later.edges, strict=True))
    )


def _texts(row: Row) -> list[str]:
    return [c.flat for c in row]


def _join_tables(placed: list[_Placed]) -> list[_Placed]:
    out: list[_Placed] = []
    for item in placed:
        last = out[-1] if out else None
        if isinstance(item, _Found) and isinstance(last, _Found) and _continues(last, item):
            rows = item.table.rows
            # Word repeats the header row at the top of each page; it is not a row of data.
            if rows and last.table.rows and _texts(rows[0]) == _texts(last.table.rows[0]):
                rows = rows[1:]
            out[-1] = _Found(Table([*last.table.rows, *rows]), item.edges, item.page)
        else:
            out.append(item)
    return out


def _narrative(lines: list[Line], right_edge: float, body: float, first: int) -> list[Block]:
    blocks: list[Block] = []
    for group, paragraph in enumerate(paragraphs(lines, right_edge), start=first):
        texts = paragraph.texts()
        larger = paragraph.size > body * _LARGER
        short = len(" ".join(texts).split()) <= _HEADING_WORDS
        if texts and (larger or (paragraph.bold and short)):
            blocks.append(Text("heading", " ".join(texts), 1 if larger else 2, group))
            continue
        for i, text in enumerate(texts):
            if m := _BULLET.match(text):
                blocks.append(Text("bullet", m[1], 0, group))
            else:
                heading = i == 0 and looks_like_heading(text)
                blocks.append(guessed(text, group, heading=heading))
    return blocks


def _blocks(placed: list[_Placed]) -> list[Block]:
    lines = [p for p in placed if isinstance(p, Line)]
    # The text column ends where the longest lines end; the usual body size is the commonest.
    right_edge = max((line.x1 for line in lines), default=0.0)
    sizes = Counter(round(line.size, 1) for line in lines for _ in line.glyphs)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    blocks: list[Block] = []
    run: list[Line] = []
    groups = 1  # each run has no more paragraphs than lines, so groups never collide
    for item in [*placed, None]:
        if isinstance(item, Line):
            run.append(item)
            continue
        if run:
            blocks.extend(_narrative(run, right_edge, body, first=groups))
            groups += len(run)
            run = []
        if item is not None:
            blocks.append(item.table)
    return blocks


def _read(data: bytes) -> Document | str:
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            placed: list[_Placed] = []
            for number, page in enumerate(pdf.pages):
                placed.extend(_page(page, number))
        blocks = _blocks(_join_tables(placed))
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        # pdfplumber wraps pdfminer's errors; the wrapped error's name says what went wrong.
        name = " ".join(f"{type(e).__name__} {e}" for e in (exc, *exc.args)).lower()
        if "password" in name or "encrypt" in name:
            return "the PDF is encrypted"
        # The cause is for the logs; the person importing needs to know the file is at fault.
        logger.warning("Could not read a PDF", exc_info=True)
        return "the PDF is damaged or not really a PDF, and could not be read"
    if not blocks:
        return "the PDF has no text layer (a scanned PDF needs OCR first)"
    return Document("pdf", blocks)


def _child(data: bytes, conn: Connection) -> None:
    conn.send(_read(data))
    conn.close()


def read_pdf(data: bytes, *, time_limit: float = PDF_TIME_LIMIT) -> Document:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(data, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(time_limit):
            raise ImportFailed(
                f"the PDF took longer than {time_limit:g} s to read and was abandoned"
            )
        result = receiver.recv()
    except EOFError as exc:
        raise ImportFailed("the PDF reader stopped unexpectedly") from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if isinstance(result, str):
        raise ImportFailed(result)
    if not isinstance(result, Document):
        raise ImportFailed("the PDF reader returned nothing")
    return result
