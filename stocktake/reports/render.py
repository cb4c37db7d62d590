"""One report's data out as an HTML fragment, a PDF, an Excel workbook or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from weasyprint import HTML  # type: ignore[import-untyped]

from . import charts
from .models import Exception_
from .summaries import summary_rows

_EXCEPTIONS = dict(Exception_.choices)


def _context(data: dict[str, Any], *, printed: bool = False) -> dict[str, Any]:
    report = dict(data)
    report["indicators"] = [_with_chart(pi, printed) for pi in data.get("indicators", [])]
    report["exceptions"] = [_EXCEPTIONS.get(e, e) for e in data.get("exceptions", [])]
    return {
        "report": report,
        "as_at": dt.date.fromisoformat(data["as_at"]),
        "compare_on": dt.date.fromisoformat(data["compare_on"]) if data["compare_on"] else None,
    }


def has_values(indicator: dict[str, Any]) -> bool:
    """Whether a trend chart would show anything: an empty axis only takes a reader's time."""
    return any(value is not None for value in indicator["trend"]["values"])


def _with_chart(indicator: dict[str, Any], printed: bool) -> dict[str, Any]:
    if not has_values(indicator):
        return indicator
    drawing = charts.trend_svg(indicator)
    if not printed:
        return {**indicator, "svg": drawing}
    image = charts.as_image_source(drawing)
    return {**indicator, "chart_image": image, "chart_alt": charts.trend_alt(indicator)}


def report_html(data: dict[str, Any]) -> str:
    """The report body shared by the page, the PDF and the published snapshot."""
    return render_to_string("reports/_report_body.html", _context(data))


def report_pdf(data: dict[str, Any]) -> bytes:
    page = render_to_string("reports/report_print.html", _context(data, printed=True))
    # Tagged PDF/UA so screen readers get the headings, tables and chart labels.
    pdf: bytes = HTML(string=page).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def flat_rows(data: dict[str, Any]) -> list[list[str]]:
    """The same rows as the page: a Group column first, then the layout's columns."""
    return [[g["heading"], *r["cells"]] for g in data["groups"] for r in g["rows"]]


def report_csv(data: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Group", *data["columns"]])
    writer.writerows(flat_rows(data))
    return buffer.getvalue()


def report_xlsx(data: dict[str, Any]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Report"
    sheet.append(["Group", *data["columns"]])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3F2F1")
    for values in flat_rows(data):
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter in "ABCDEFGHIJ"[: len(data["columns"]) + 1]:
        sheet.column_dimensions[letter].width = 30
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.auto_filter.ref = sheet.dimensions
    _summary_sheets(book, data)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _summary_sheets(book: Workbook, data: dict[str, Any]) -> None:
    """One sheet per summary table, so the figures can be filtered and charted as they are."""
    for title, (header, rows) in summary_rows(data).items():
        sheet = book.create_sheet(title[:31])  # Excel's limit on a sheet name
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="F3F2F1")
        for values in rows:
            sheet.append(values)
        sheet.column_dimensions["A"].width = 40
        sheet.freeze_panes = "A2"
