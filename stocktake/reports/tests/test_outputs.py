"""PDF, Word, Excel and CSV of a performance report open and say what the page says."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pdfplumber
import pytest
from django.contrib.auth.models import User
from docx import Document
from openpyxl import load_workbook

from stocktake.accounts.models import Organisation
from stocktake.reports import render
from stocktake.reports.build import build_report
from stocktake.reports.fixtures import performance_plan
from stocktake.reports.selectors import Spec
from stocktake.reports.word import report_docx


@pytest.fixture
def report(council: Organisation, officer: User) -> dict[str, Any]:
    plan = performance_plan(organisation=council, by=officer, actions=12, indicator_count=2)
    spec = Spec(
        plans=[plan],
        layout="performance",
        as_at=dt.date(2009, 3, 31),
        compare_on=dt.date(2008, 6, 30),
        title="Quarterly performance report",
    )
    return build_report(spec, user=officer, today=dt.date(2009, 4, 1))


def test_a_red_item_always_has_a_corrective_action_cell(report: dict[str, Any]) -> None:
    rows = [r for g in report["groups"] for r in g["rows"]]
    red = [r for r in rows if r["rag"] == "red"]
    assert red
    assert all(r["cells"][8] for r in red)
    assert {r["cells"][6] for r in rows} >= {"Worsening", "No change", "Improving"}
    assert report["summary"]["total"] == 12
    assert len(report["indicators"]) == 2


def test_the_pdf_is_tagged_and_has_the_headings_and_rows(report: dict[str, Any]) -> None:
    pdf = render.report_pdf(report)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        catalog = document.doc.catalog
        assert "StructTreeRoot" in catalog  # tagged for screen readers
        assert catalog["Lang"] in (b"en-GB", "en-GB")
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)
        assert len(document.pages) >= 2
    for words in ["Quarterly performance report", "Summary", "Key risks", "Indicators"]:
        assert words in text
    assert "improvement 12" in text  # cells wrap in narrow columns
    assert "Page 1 of" in text
    assert "Internal: chase the owner" not in text


def test_the_word_file_uses_heading_styles_header_rows_and_chart_alt_text(
    report: dict[str, Any],
) -> None:
    document = Document(io.BytesIO(report_docx(report)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style is not None]
    assert ("Title", "Quarterly performance report") in headings
    assert ("Heading 1", "Summary") in headings
    assert ("Heading 2", "Objective 1") in headings
    items = [t for t in document.tables if t.rows[0].cells[0].text == "Ref"]
    assert items
    assert all("<w:tblHeader" in t.rows[0]._tr.xml for t in document.tables)
    texts = {c.text for t in items for r in t.rows for c in r.cells}
    assert "Deliver improvement 12" in texts
    descriptions = [
        e.get("descr") for e in document.element.body.iter() if e.tag.endswith("}docPr")
    ]
    assert len(descriptions) == 2
    assert all(d.startswith("Trend chart for LPI") for d in descriptions)


def test_the_word_footer_numbers_the_pages_once(
    report: dict[str, Any], settings: Any, tmp_path: Any
) -> None:
    made = report_docx(report)
    document = Document(io.BytesIO(made))
    footer = document.sections[0].footer
    fields = [e.text.strip() for e in footer._element.iter() if e.tag.endswith("}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in "".join(p.text for p in footer.paragraphs)
    # A template that numbers its own pages is left alone: use the output as the template.
    (tmp_path / "numbered.docx").write_bytes(made)
    settings.REPORT_WORD_TEMPLATE = str(tmp_path / "numbered.docx")
    again = Document(io.BytesIO(report_docx(report)))
    again_fields = [e for e in again.sections[0].footer._element.iter() if "instrText" in e.tag]
    assert len(again_fields) == 2


def test_excel_and_csv_hold_the_same_rows(report: dict[str, Any]) -> None:
    expected = render.flat_rows(report)
    sheet = load_workbook(io.BytesIO(render.report_xlsx(report))).active
    assert sheet is not None
    got = [[c or "" for c in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert got == expected
    lines = list(csv.reader(io.StringIO(render.report_csv(report))))
    assert lines[0] == ["Group", *report["columns"]]
    assert lines[1:] == expected


def test_the_pdf_draws_each_trend_chart_as_a_figure_with_its_alt_text(
    report: dict[str, Any],
) -> None:
    pdf = render.report_pdf(report)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        figures = [
            element
            for page in document.pages
            for element in page.structure_tree
            for element in _walk(element)
            if element["type"] == "Figure"
        ]
    alts = [f.get("alt_text", "") for f in figures]
    assert len([a for a in alts if a.startswith("Trend chart for")]) == len(report["indicators"])


def _walk(element: dict[str, Any]) -> list[dict[str, Any]]:
    return [element, *(e for child in element.get("children", []) for e in _walk(child))]


def test_an_indicator_with_no_values_gets_no_empty_chart_on_the_page_pdf_or_word(
    report: dict[str, Any],
) -> None:
    first, second = report["indicators"]
    assert render.has_values(first)
    assert render.has_values(second)
    blank = {
        **second,
        "trend": {**second["trend"], "values": [None] * len(second["trend"]["values"])},
    }
    data = {**report, "indicators": [first, blank]}
    page = render.report_html(data)
    assert page.count("<figure") == 1
    assert f"Trend chart for {first['code']}" in page
    assert f"Trend chart for {blank['code']}" not in page
    document = Document(io.BytesIO(report_docx(data)))
    assert len(document.inline_shapes) == 1
