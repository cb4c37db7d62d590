"""The annual report as a chart, a PDF and a Word document, from annual_report()'s data."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from docx import Document
from docx.shared import Cm
from matplotlib.figure import Figure
from weasyprint import HTML  # type: ignore[import-untyped]

from stocktake.reports import charts

STAGE_COLOURS = ("#1d70b8", "#f47738", "#4c2c92", "#505a5f")


def _figure(data: dict[str, Any]) -> Figure:
    rows = data["services"] or [{"service": "No complaints", "stages": {}}]
    figure = Figure(figsize=(7, 0.5 + 0.4 * len(rows)))
    axes = figure.add_subplot()
    names = [row["service"][:40] for row in rows]
    numbers = sorted({n for row in rows for n in row["stages"]}) or [1]
    left = [0] * len(rows)
    for number in numbers:
        counts = [row["stages"].get(number, 0) for row in rows]
        colour = STAGE_COLOURS[(number - 1) % len(STAGE_COLOURS)]
        axes.barh(names, counts, left=left, color=colour, label=f"Stage {number}")
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("Complaints at each stage")
    axes.legend(frameon=False, ncols=len(numbers), loc="lower right", fontsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    return figure


def chart_alt(data: dict[str, Any]) -> str:
    parts = [
        f"{row['service']}: "
        + ", ".join(f"stage {n} {count}" for n, count in sorted(row["stages"].items()))
        for row in data["services"]
        if row["stages"]
    ]
    return "Complaints by service and stage. " + ("; ".join(parts) or "None in the year.")


def chart_svg(data: dict[str, Any]) -> str:
    return charts.svg(_figure(data), chart_alt(data))


def report_pdf(data: dict[str, Any]) -> bytes:
    page = render_to_string(
        "complaints/annual_print.html", {"report": data, "chart": chart_svg(data)}
    )
    pdf: bytes = HTML(string=page).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def _table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    if "Table Grid" in {s.name for s in document.styles}:
        table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text


def _pc(value: float | None) -> str:
    return "—" if value is None else f"{value}%"


def report_docx(data: dict[str, Any]) -> bytes:
    document = Document()
    document.add_heading(f"Annual complaints report {data['label']}", level=0)
    document.add_paragraph(data["organisation"])
    document.add_paragraph(
        f"{data['received']} complaints received between {data['start']:%-d %B %Y} and "
        f"{data['end']:%-d %B %Y}; {data['refused']} not accepted. "
        f"{_pc(data['percent_acknowledged_on_time'])} acknowledged on time."
    )
    document.add_heading("Stages", level=1)
    _table(
        document,
        ["Stage", "Started", "Answered", "On time", "Upheld", "Partly", "Not upheld", "Withdrawn"],
        [
            [str(s["stage"]), str(s["started"]), str(s["answered"]), _pc(s["percent_on_time"]),
             *(str(v) for v in s["outcomes"].values())]
            for s in data["stages"]
        ],
    )  # fmt: skip
    document.add_heading("By service", level=1)
    document.add_picture(io.BytesIO(charts.png(_figure(data))), width=Cm(16))
    document.add_paragraph(chart_alt(data))
    _table(
        document,
        ["Service", "Received", "At stage 2 or later"],
        [
            [r["service"], str(r["received"]), str(sum(c for n, c in r["stages"].items() if n > 1))]
            for r in data["services"]
        ],
    )
    document.add_heading("Ombudsman", level=1)
    document.add_paragraph(f"{data['ombudsman']['referred']} complaints referred.")
    for decision, count in data["ombudsman"]["decisions"].items():
        document.add_paragraph(f"{decision}: {count}", style="List Bullet")
    document.add_heading("Who complained", level=1)
    document.add_paragraph(
        "Equality monitoring answers given by complainants; counts under 5 are not shown."
    )
    for question, answers in data.get("who_complained", {}).items():
        shown = "; ".join(f"{answer}: {count}" for answer, count in answers.items())
        document.add_paragraph(f"{question}: {shown or 'no complaints'}", style="List Bullet")
    document.add_heading("What we learned", level=1)
    for item in data["learning"]:
        document.add_paragraph(f"{item['service']}: {item['what_changed']}", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
