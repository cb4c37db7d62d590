"""The plan as a Word document and a PDF in the shape of a council service plan, and the
Word document read back (so a round trip can be checked and edited files re-read).

Word uses the council's report template (settings.REPORT_WORD_TEMPLATE) for its styles:
Title, Heading 1, List Bullet and Table Grid.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from weasyprint import HTML  # type: ignore[import-untyped]

GRID_HEADER = {"pestle": ["Driver", "What it means for the service"], "swot": ["", "Analysis"]}
BULLET_STYLE = "List Bullet"


def _style(document: DocumentObject, name: str) -> str | None:
    return name if name in {s.name for s in document.styles} else None


def _table(document: DocumentObject, header: list[str], rows: list[list[str]]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(header))
    table.style = _style(document, "Table Grid")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    # The first row is a header row: repeated on each page and read as headers.
    header_mark = OxmlElement("w:tblHeader")
    header_mark.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header_mark)
    for values in rows:
        row = table.add_row()  # type: ignore[no-untyped-call]
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = str(text)
    return table


def _section(document: DocumentObject, section: dict[str, Any]) -> None:
    document.add_heading(section["heading"], level=1)
    for line in (section.get("text") or "").splitlines():
        if line.strip():
            document.add_paragraph(line)
    for item in section.get("points") or []:
        document.add_paragraph(item, style=_style(document, BULLET_STYLE))
    if section["kind"] in GRID_HEADER:
        header = GRID_HEADER[section["kind"]]
        _table(document, header, [[label, text] for label, text in section["cells"]])
    elif "rows" in section:
        _table(document, section["columns"], section["rows"])


def plan_docx(data: dict[str, Any]) -> bytes:
    document = Document(settings.REPORT_WORD_TEMPLATE)
    document.core_properties.title = data["title"]
    document.core_properties.language = "en-GB"
    document.add_paragraph(data["organisation"])
    document.add_paragraph(data["title"], style=_style(document, "Title"))
    document.add_paragraph(data["year_label"])
    if data.get("approved_by"):
        document.add_paragraph(f"Approved by {data['approved_by']} on {data['approved_on']}")
    for section in data["sections"]:
        _section(document, section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _blocks(document: DocumentObject) -> list[Paragraph | Table]:
    """Paragraphs and tables in document order."""
    blocks: list[Paragraph | Table] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            blocks.append(Paragraph(element, document))
        elif element.tag == qn("w:tbl"):
            blocks.append(Table(element, document))
    return blocks


def docx_sections(content: bytes) -> list[dict[str, Any]]:
    """Read a plan's Word file back: each Heading 1 with its text, bullet items and table."""
    document = Document(io.BytesIO(content))
    sections: list[dict[str, Any]] = []
    for block in _blocks(document):
        if isinstance(block, Table):
            if sections:
                rows = [[cell.text for cell in row.cells] for row in block.rows]
                sections[-1]["columns"], sections[-1]["rows"] = rows[0], rows[1:]
            continue
        style = block.style.name if block.style is not None else ""
        if style == "Heading 1":
            sections.append({"heading": block.text, "text": [], "points": []})
        elif sections and style == BULLET_STYLE:
            sections[-1]["points"].append(block.text)
        elif sections:
            sections[-1]["text"].append(block.text)
    for section in sections:
        section["text"] = "\n".join(section["text"])
    return sections


def plan_pdf(data: dict[str, Any]) -> bytes:
    page = render_to_string("serviceplans/print.html", {"document": data})
    # Tagged PDF/UA so screen readers get the headings and tables.
    pdf: bytes = HTML(string=page).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf
