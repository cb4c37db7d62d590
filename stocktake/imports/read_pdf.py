"""Text-based PDFs through pdfplumber, in a child process with a time limit.

A hostile or pathological PDF can keep pdfminer busy for minutes; reading it in a forked
process lets us abandon it cleanly after the limit and report a clear error instead.
"""

from __future__ import annotations

import multiprocessing
import re
from io import BytesIO
from multiprocessing.connection import Connection
from typing import Any

import pdfplumber

from stocktake.imports.markup import cell_from_plain, tidy
from stocktake.imports.model import Block, Cell, Document, ImportFailed, Row, Table
from stocktake.imports.read_text import blocks_from_lines
from stocktake.imports.roles import is_header

PDF_TIME_LIMIT = 30.0
_NEW_LINE = re.compile(r"^\s*(?:[•❑▪◦●\-–*]|\d{1,2}[.)]\s)")
_TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def _cell_text(text: str | None) -> str:
    """Re-join the lines pdfplumber wrapped, keeping breaks before bullets and steps."""
    out: list[str] = []
    for piece in (text or "").split("\n"):
        if out and not _NEW_LINE.match(piece) and not out[-1].rstrip().endswith(":"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return "\n".join(out)


def _italics(page: Any, bbox: tuple[float, float, float, float] | None) -> list[str]:
    if bbox is None:
        return []
    fragments: list[str] = []
    run: list[str] = []
    for char in page.crop(bbox).chars:
        if re.search(r"italic|oblique", char.get("fontname", ""), re.I):
            run.append(char["text"])
        elif run:
            fragments.append("".join(run))
            run = []
    if run:
        fragments.append("".join(run))
    return [t for t in (tidy(f) for f in fragments) if t]


def _table(page: Any, found: Any) -> Table:
    rows: list[Row] = []
    for texts, row in zip(found.extract(), found.rows, strict=False):
        cells: Row = []
        for text, bbox in zip(texts, row.cells, strict=False):
            cell = cell_from_plain(_cell_text(text)) if text else Cell()
            cell.italics = _italics(page, bbox) if text else []
            cells.append(cell)
        rows.append(cells)
    return Table(rows)


def _page_blocks(page: Any) -> list[tuple[float, list[Block]]]:
    found = page.find_tables()
    if not found:
        candidates = page.find_tables(_TEXT_SETTINGS)
        found = [
            t for t in candidates if t.extract() and is_header([c or "" for c in t.extract()[0]])
        ]
    boxes = [t.bbox for t in found]

    def outside(obj: dict[str, Any]) -> bool:
        x, top = obj.get("x0", 0), obj.get("top", 0)
        return not any(b[0] <= x <= b[2] and b[1] <= top <= b[3] for b in boxes)

    placed: list[tuple[float, list[Block]]] = [(t.bbox[1], [_table(page, t)]) for t in found]
    for line in page.filter(outside).extract_text_lines():
        placed.append((line["top"], blocks_from_lines([line["text"]], tabs=False)))
    return sorted(placed, key=lambda p: p[0])


def _read(data: bytes) -> Document | str:
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            blocks: list[Block] = []
            for page in pdf.pages:
                for _, found in _page_blocks(page):
                    blocks.extend(found)
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        # pdfplumber wraps pdfminer's errors; the wrapped error's name says what went wrong.
        name = " ".join(f"{type(e).__name__} {e}" for e in (exc, *exc.args)).lower()
        if "password" in name or "encrypt" in name:
            return "the PDF is encrypted"
        return f"the PDF could not be read ({type(exc).__name__})"
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
