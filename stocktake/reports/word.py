"""The report as an editable Word document on the council's own template.

The template (settings.REPORT_WORD_TEMPLATE) supplies page set-up, headers and styles; we use
its Title, Heading 1-3 and Table Grid styles, so the council's look carries through.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.conf import settings
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from . import charts
from .render import has_values
from .summaries import SummaryTable, complaints_tables, consultations_tables


def _style(document: DocumentObject, name: str, fallback: str | None = None) -> str | None:
    names = {s.name for s in document.styles}
    return name if name in names else fallback


def _repeat_header(table: Table) -> None:
    """Mark the first row as a header row, repeated on every page and read as headers."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document: DocumentObject, header: list[str], rows: list[list[str]]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(header))
    table.style = _style(document, "Table Grid")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table)
    for values in rows:
        row = table.add_row()  # type: ignore[no-untyped-call]
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = str(text)
    return table


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word works out when the document is shown."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _page_numbers(document: DocumentObject) -> None:
    """ "Page N of M" in the footer, unless the council's template numbers its pages itself."""
    footer = document.sections[0].footer
    if any(" PAGE " in (t.text or "") for t in footer._element.iter(qn("w:instrText"))):
        return
    paragraph = footer.add_paragraph(style=_style(document, "Footer"))
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES")


def _picture(document: DocumentObject, png: bytes, alt: str) -> None:
    shape = document.add_picture(io.BytesIO(png), width=Cm(15))
    properties = shape._inline.docPr
    properties.set("descr", alt)
    properties.set("title", alt[:100])


def report_docx(data: dict[str, Any]) -> bytes:
    document = Document(settings.REPORT_WORD_TEMPLATE)
    document.core_properties.title = data["title"]
    document.core_properties.language = "en-GB"
    _page_numbers(document)
    document.add_paragraph(data["title"], style=_style(document, "Title", "Heading 1"))
    as_at = dt.date.fromisoformat(data["as_at"])
    dates = f"Position at {as_at:%-d %B %Y}"
    if data["compare_on"]:
        dates += f", compared with {dt.date.fromisoformat(data['compare_on']):%-d %B %Y}"
    document.add_paragraph(f"{data['organisation']}: {', '.join(data['plans'])}. {dates}.")
    if "summary" in data:
        _summary(document, data)
    document.add_heading(data["layout_name"], level=1)
    for group in data["groups"]:
        if group["heading"]:
            document.add_heading(group["heading"], level=2)
        _table(document, data["columns"], [r["cells"] for r in group["rows"]])
    if not data["groups"]:
        document.add_paragraph("No items match this report.")
    if data["layout"] == "performance":
        _indicators(document, data["indicators"])
    _summaries(document, data)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _summary(document: DocumentObject, data: dict[str, Any]) -> None:
    summary = data["summary"]
    document.add_heading("Summary", level=1)
    document.add_paragraph(f"{summary['total']} items; {summary['overdue']} overdue.")
    _table(document, ["RAG", "Items"], [[k, str(n)] for k, n in summary["by_rag"]])
    _table(document, ["Status", "Items"], [[k, str(n)] for k, n in summary["by_status"]])
    document.add_heading("Key risks", level=1)
    if not data["risks"]:
        document.add_paragraph("No open risks are recorded against these plans.")
        return
    rows = [
        [
            r["ref"],
            r["title"],
            f"{r['score'] or 'Not scored'} ({r['band']})",
            r["owner"],
            r["mitigation"],
        ]
        for r in data["risks"]
    ]
    _table(document, ["Ref", "Risk", "Score", "Owner", "Mitigation"], rows)


def _indicators(document: DocumentObject, indicators: list[dict[str, Any]]) -> None:
    document.add_heading("Indicators", level=1)
    if not indicators:
        document.add_paragraph("No indicators are attached to these plans.")
    for pi in indicators:
        document.add_heading(f"{pi['code']} {pi['title']}".strip(), level=2)
        line = f"Status: {pi['status_label']}. Direction: {pi['direction']}."
        if pi["period"]:
            line += f" Latest value {pi['value'] or '—'} for {pi['period']}."
        document.add_paragraph(line)
        for text in (pi["explanation"], pi["note"] and f"Commentary: {pi['note']}"):
            if text:
                document.add_paragraph(text)
        if has_values(pi):
            _picture(document, charts.trend_png(pi), charts.trend_alt(pi))


def _summaries(document: DocumentObject, data: dict[str, Any]) -> None:
    """The complaints and consultations summaries, each table under its own heading."""
    complaints = data.get("complaints")
    if complaints:
        document.add_heading(f"Complaints summary {complaints['label']}", level=1)
        document.add_paragraph(
            f"Complaints received: {complaints['received']}; not accepted: "
            f"{complaints['refused']}. Changes made because of complaints: "
            f"{complaints['learning']}. Referred to the ombudsman: "
            f"{complaints['ombudsman']['referred']}. Figures are totals only."
        )
        _summary_tables(document, complaints_tables(complaints))
    elif data.get("complaints_withheld"):
        document.add_heading("Complaints summary", level=1)
        document.add_paragraph("You cannot see this council's complaints figures.")
    consultations = data.get("consultations")
    if consultations:
        document.add_heading(f"Consultations summary {consultations['label']}", level=1)
        document.add_paragraph(
            f"Consultations in the year: {consultations['total']}. "
            f"“You said, we did” responses: {consultations['feedback_lines']}, for "
            f"{consultations['with_feedback']} consultations."
        )
        _summary_tables(document, consultations_tables(consultations))


def _summary_tables(document: DocumentObject, tables: dict[str, SummaryTable]) -> None:
    for title, (header, rows) in tables.items():
        if rows:  # an empty table says less than no table
            document.add_heading(title, level=2)
            _table(document, header, [[str(v) for v in row] for row in rows])
