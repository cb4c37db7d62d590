"""Word documents: paragraphs (with heading and list styles) and tables in body order."""

from __future__ import annotations

import weakref
import zipfile
from io import BytesIO
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from stocktake.imports.markup import cell_from_plain, tidy
from stocktake.imports.model import Block, Cell, Document, ImportFailed, Row, Table, Text, guessed
from stocktake.imports.read_text import looks_like_heading

# Style names by style id, per document: python-docx finds a paragraph's style by searching
# every style in the document, which cost more than the rest of reading a cell.
_STYLE_NAMES: weakref.WeakKeyDictionary[Any, dict[str | None, str]] = weakref.WeakKeyDictionary()


def _style_name(paragraph: Paragraph) -> str:
    names = _STYLE_NAMES.setdefault(paragraph.part, {})
    style_id = paragraph._p.style
    if style_id not in names:
        style = paragraph.style
        names[style_id] = (style.name if style is not None else "") or ""
    return names[style_id]


def _is_list(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    return (ppr is not None and ppr.numPr is not None) or "List" in _style_name(paragraph)


def _cell(cell: _Cell) -> Cell:
    found = Cell()
    italics: list[str] = []
    chars = bold_chars = 0
    for paragraph in cell.paragraphs:
        found.extend(cell_from_plain(paragraph.text), mark="•" if _is_list(paragraph) else "")
        run_text: list[str] = []
        for run in paragraph.runs:
            size = len(run.text.strip())
            chars += size
            bold_chars += size if run.bold else 0
            if run.italic:
                run_text.append(run.text)
            elif run_text:
                italics.append(tidy("".join(run_text)))
                run_text = []
        if run_text:
            italics.append(tidy("".join(run_text)))
    found.italics = [i for i in italics if i]
    found.bold = chars > 0 and bold_chars == chars
    return found


def _table(table: DocxTable) -> Table:
    rows: list[Row] = []
    for tr in table.rows:
        seen: set[int] = set()
        row: Row = []
        for cell in tr.cells:
            # A merged cell is returned once per grid column it spans; read it once.
            row.append(Cell() if id(cell._tc) in seen else _cell(cell))
            seen.add(id(cell._tc))
        rows.append(row)
    return Table(rows)


def _paragraphs(paragraph: Paragraph, group: int) -> list[Text]:
    """A paragraph; one with line breaks is several lines of one group, as in plain text."""
    lines = [tidy(line) for line in paragraph.text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        found = _paragraph(paragraph, group)
        return [found] if found is not None else []
    return [guessed(line, group, heading=False) for line in lines]


def _paragraph(paragraph: Paragraph, group: int) -> Text | None:
    text = tidy(paragraph.text)
    if not text:
        return None
    style = _style_name(paragraph)
    if style.startswith("Heading") or style == "Title":
        digits = "".join(ch for ch in style if ch.isdigit())
        return Text("heading", text, int(digits) if digits else 1, group)
    if _is_list(paragraph):
        return Text("bullet", text, 0, group)
    bold = bool(paragraph.runs) and all(r.bold for r in paragraph.runs if r.text.strip())
    if bold and looks_like_heading(text):
        return Text("heading", text, 3, group)
    return guessed(text, group, heading=looks_like_heading(text))


def read_docx(data: bytes) -> Document:
    try:
        document: DocxDocument = docx.Document(BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailed("the Word file is damaged, encrypted or not a .docx file") from exc
    blocks: list[Block] = []
    for n, item in enumerate(document.iter_inner_content()):
        if isinstance(item, DocxTable):
            blocks.append(_table(item))
        else:
            blocks.extend(_paragraphs(item, n))
    return Document("docx", blocks)
