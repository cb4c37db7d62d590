"""Council priorities (aims, approaches, council actions) listed and cited, in layouts of our
own making."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stocktake.imports.services import preview_document

PLAN = """Borsetshire District Council

Corporate Plan Aims

- We will keep Borsetshire clean and green
- We will support a thriving local economy
- We will be an open and listening council

DELIVERY PLAN: Waste Team

Relevant Council Aim/s: (A) We will keep Borsetshire clean and green
Relevant Council Approach/es:
(i) Reducing waste sent to landfill
(ii) Keeping streets clean

Service Objective:
Increase recycling across the district

Action\tLead Officer\tTarget Date
Roll out food waste collections (A2)\tJo Bloggs\tJune 2011
Review street cleansing rounds, as Council Actions (B3 and A2) ask\tSam Smith\tMarch 2012

DELIVERY PLAN: Economy Team

Relevant Council Aim/s: B) We will support a thriving local economy
C) We will be an open and listening council
Relevant Council Approach/es: B) i) Helping Local Businesses Grow
C) ii) Publishing Our Spending Online
(iii) Working with partners

Service Objective: Grow the local economy

Action\tLead Officer\tTarget Date
Hold a business breakfast\tJo Bloggs\tMay 2011
"""


def _preview(tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return preview_document(path)


def _section(p: dict[str, Any], title: str) -> dict[str, Any]:
    return next(s for s in p["sections"] if s["title"] == title)


def test_aims_and_approaches_become_council_priorities(tmp_path: Path) -> None:
    p = _preview(tmp_path, PLAN)
    by_code = {x["code"]: x for x in p["priorities"]}
    assert by_code["A"] == {
        "code": "A",
        "title": "We will keep Borsetshire clean and green",
        "kind": "aim",
        "parent": None,
    }
    # An unlettered list takes its letters from its order: A and C, lettered elsewhere, agree.
    assert by_code["B"]["title"] == "We will support a thriving local economy"
    assert by_code["Ai"] == {
        "code": "Ai",
        "title": "Reducing waste sent to landfill",
        "kind": "approach",
        "parent": "A",
    }
    assert by_code["Cii"]["title"] == "Publishing Our Spending Online"
    assert [x["code"] for x in p["priorities"]] == [
        "A", "Ai", "Aii", "A2", "B", "Bi", "B3", "C", "Cii"
    ]  # fmt: skip


def test_sections_and_items_cite_the_codes_they_name(tmp_path: Path) -> None:
    p = _preview(tmp_path, PLAN)
    assert _section(p, "Increase recycling across the district")["priorities"] == ["A", "Ai", "Aii"]
    economy = _section(p, "Grow the local economy")
    assert economy["parent"] == "DELIVERY PLAN: Economy Team"
    assert sorted(economy["priorities"]) == ["B", "Bi", "C", "Cii"]
    assert [i["priorities"] for i in p["items"]] == [["A2"], ["B3", "A2"], []]


def test_a_list_entry_that_looks_like_a_heading_is_not_a_section(tmp_path: Path) -> None:
    p = _preview(tmp_path, PLAN)
    assert not any("Publishing" in s["title"] for s in p["sections"])


def test_codes_cited_but_never_listed_are_kept_untitled_with_a_warning(tmp_path: Path) -> None:
    p = _preview(tmp_path, PLAN)
    by_code = {x["code"]: x for x in p["priorities"]}
    assert by_code["B3"] == {"code": "B3", "title": None, "kind": "action", "parent": "B"}
    assert any("never listed: A2, B3" in w for w in p["warnings"])
    assert any("'(iii) Working with partners' does not say" in w for w in p["warnings"])


def test_a_paper_with_no_list_of_priorities_still_lists_what_it_cites(tmp_path: Path) -> None:
    text = (
        "Action\tLead Officer\n"
        "Improve the website (P1)\tJo Bloggs\n"
        "Support the council priorities (P1 and R2)\tSam Smith\n"
        "Publish the report (Q3)\tAlex Jones\n"
    )
    p = _preview(tmp_path, text)
    assert [(x["code"], x["title"], x["kind"]) for x in p["priorities"]] == [
        ("P", None, "aim"),
        ("P1", None, "action"),
        ("R", None, "aim"),
        ("R2", None, "action"),
    ]
    assert [i["priorities"] for i in p["items"]] == [["P1"], ["P1", "R2"], []]
    assert any("never listed: P, P1, R, R2" in w for w in p["warnings"])


def test_a_paper_without_codes_has_no_priorities(tmp_path: Path) -> None:
    text = "Ref\tAction\tOwner\n1\tAgree the plan (by June)\tJo Bloggs\n2\tSee appendix (A)\tSam\n"
    p = _preview(tmp_path, text)
    assert p["priorities"] == []
    assert all(i["priorities"] == [] for i in p["items"])
