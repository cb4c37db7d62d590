"""Write a document model back out as HTML, Word, Excel and PDF, as a council might have."""

from __future__ import annotations

import html
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph
from openpyxl import Workbook

from stocktake.imports.model import GUESSED_HEADING, Block, Cell, Document, Table, Text
from stocktake.imports.roles import is_header


def _paragraphs(blocks: list[Block]) -> list[Block | list[Text]]:
    """Tables, bullets and headings as they are; the lines of one paragraph (one blank-line
    group of the text) together, as a writer would have typed them. A heading the text reader
    only guessed from a line's look is written as the plain line it was."""
    out: list[Block | list[Text]] = []
    for block in blocks:
        plain = isinstance(block, Text) and (
            block.kind == "paragraph"
            or (block.kind == "heading" and block.level >= GUESSED_HEADING)
        )
        if not plain:
            out.append(block)
            continue
        assert isinstance(block, Text)
        last = out[-1] if out else None
        if isinstance(last, list) and last[-1].group == block.group:
            last.append(block)
        else:
            out.append([block])
    return out


def _italic_html(line: str, italics: list[str]) -> str:
    out = html.escape(line)
    for fragment in italics:
        escaped = html.escape(fragment)
        if escaped in out:
            out = out.replace(escaped, f"<i>{escaped}</i>", 1)
    return out


def _shown(cell: Cell) -> list[str]:
    """A cell's lines as a council types them: list items with their bullets."""
    return cell.listed.split("\n") if cell.lines else []


def _cell_html(cell: Cell) -> str:
    return "".join(f"<p>{_italic_html(line, cell.italics)}</p>" for line in _shown(cell))


def _table_html(table: Table) -> str:
    rows = [
        "<tr>" + "".join(f"<td>{_cell_html(c)}</td>" for c in row) + "</tr>" for row in table.rows
    ]
    # A header row goes in <thead>, which a printed table repeats at the top of every page,
    # as word processors do with a header row marked to repeat.
    if len(rows) > 1 and is_header([c.flat for c in table.rows[0]]):
        return f"<table><thead>{rows[0]}</thead><tbody>{''.join(rows[1:])}</tbody></table>"
    return f"<table>{''.join(rows)}</table>"


def to_html(doc: Document) -> str:
    parts = [
        "<html><head><meta charset='utf-8'><style>td{border:1px solid #000;vertical-align:top;"
        "font-size:7pt}tr{page-break-inside:avoid}"
        # Tables stand apart, as two tables must in a word processor or they become one.
        "table{border-collapse:collapse;width:100%;margin-bottom:1em}"
        # Paragraphs are spaced apart, as in any word processor's default style, so that a
        # reader can tell them from lines broken within one paragraph; lines in a cell are not.
        "p{margin:0 0 .5em}td p{margin:0}h2{font-size:8pt}</style></head><body>"
    ]
    bullets: list[str] = []
    for block in _paragraphs(doc.blocks):
        if isinstance(block, list):
            if bullets:
                parts.append(f"<ul>{''.join(bullets)}</ul>")
                bullets = []
            parts.append(f"<p>{'<br>'.join(html.escape(b.text) for b in block)}</p>")
            continue
        if isinstance(block, Text) and block.kind == "bullet":
            bullets.append(f"<li>{html.escape(block.text)}</li>")
            continue
        if bullets:
            parts.append(f"<ul>{''.join(bullets)}</ul>")
            bullets = []
        if isinstance(block, Table):
            parts.append(_table_html(block))
        elif block.kind == "heading":
            parts.append(f"<h2>{html.escape(block.text)}</h2>")
        else:
            parts.append(f"<p>{html.escape(block.text)}</p>")
    if bullets:
        parts.append(f"<ul>{''.join(bullets)}</ul>")
    return "".join(parts) + "</body></html>"


def _docx_line(paragraph: Paragraph, line: str, italics: list[str]) -> None:
    for fragment in italics:
        if fragment in line:
            before, _, after = line.partition(fragment)
            paragraph.add_run(before)
            paragraph.add_run(fragment).italic = True
            paragraph.add_run(after)
            return
    paragraph.add_run(line)


def to_docx(doc: Document, path: Path) -> None:
    out = docx.Document()
    for block in _paragraphs(doc.blocks):
        if isinstance(block, list):
            paragraph = out.add_paragraph()
            for n, text in enumerate(block):
                run = paragraph.add_run(text.text)
                if n < len(block) - 1:
                    run.add_break()
            continue
        if isinstance(block, Table):
            width = max(len(r) for r in block.rows)
            table = out.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    target = table.cell(r, c)
                    for n, line in enumerate(_shown(cell)):
                        paragraph = target.paragraphs[0] if n == 0 else target.add_paragraph()
                        _docx_line(paragraph, line, cell.italics)
        elif block.kind == "heading":
            out.add_heading(block.text, level=2)
        elif block.kind == "bullet":
            out.add_paragraph(block.text, style="List Bullet")
        else:
            out.add_paragraph(block.text)
    out.save(str(path))


def to_xlsx(doc: Document, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for block in _paragraphs(doc.blocks):
        if isinstance(block, list):
            for line in block:
                sheet.append([line.text])
        elif isinstance(block, Table):
            for row in block.rows:
                sheet.append([c.listed for c in row])
        else:
            sheet.append([f"- {block.text}" if block.kind == "bullet" else block.text])
        sheet.append([])
    book.save(str(path))


def to_pdf(doc: Document, path: Path) -> None:
    from weasyprint import HTML  # type: ignore[import-untyped]

    HTML(string=to_html(doc)).write_pdf(str(path))
