"""Rows that run on after a page break as one paragraph per cell, with no header (layouts of
our own making): read when every paragraph lines up with its column, warned about otherwise,
never invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stocktake.imports.services import preview_document

HEADER = (
    "ACTION PLAN\n\n"
    "Improvement Objective\tActions\tSupporting Information\tCompletion by Month"
    "\tResponsible Officer\n"
    "Improve the website\t1. Audit pages 2. Rewrite top tasks\tOutputs: new pages\tJune 2011"
    "\tJo Bloggs\n\n"
)
RUN_ON = """ACTION PLAN

Reduce avoidable contact

1. Measure contact
2. Publish results

Outputs: monthly report
Outcomes: fewer calls

March 2012

Sam Smith

Customer Access

Train reception staff

Deliver training to all staff

Outputs: trained staff

September 2011

Alex Jones
"""


def _preview(tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return preview_document(path)


def test_rows_running_on_after_a_repeated_page_heading_are_read(tmp_path: Path) -> None:
    p = _preview(tmp_path, HEADER + RUN_ON)
    items = p["items"]
    assert [i["text"] for i in items] == [
        "Improve the website",
        "Reduce avoidable contact",
        "Train reception staff",
    ]
    contact, reception = items[1], items[2]
    assert [m["text"] for m in contact["milestones"]] == ["Measure contact", "Publish results"]
    assert contact["supporting"]["outcomes"] == "fewer calls"
    assert (contact["due_date"], contact["owners"]) == ("2012-03-31", ["Sam Smith"])
    # A lone line before a row is a group row, as in the table itself.
    assert reception["section"] == "Customer Access"
    assert reception["owners"] == ["Alex Jones"]
    assert p["tables"][0]["rows"] == 3


def test_paragraphs_that_do_not_line_up_stay_narrative_with_a_warning(tmp_path: Path) -> None:
    shuffled = RUN_ON.replace("March 2012\n\nSam Smith", "Sam Smith\n\nMarch 2012")
    p = _preview(tmp_path, HEADER + shuffled.split("Customer Access")[0])
    assert [i["text"] for i in p["items"]] == ["Improve the website"]
    assert any("look like more rows" in w and "Reduce avoidable" in w for w in p["warnings"])
    assert any("Reduce avoidable contact" in n["text"] for n in p["narrative"])


def test_paragraphs_after_a_table_under_a_new_heading_are_narrative(tmp_path: Path) -> None:
    p = _preview(tmp_path, HEADER + RUN_ON.replace("ACTION PLAN", "Notes on the plan"))
    assert [i["text"] for i in p["items"]] == ["Improve the website"]
    assert not any("look like more rows" in w for w in p["warnings"])
