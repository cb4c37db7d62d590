"""The acceptance counts of issue 5, measured on the real council papers."""

from __future__ import annotations

from collections import Counter
from typing import Any

Previews = dict[str, dict[str, Any]]


def _by_ref(preview: dict[str, Any], ref: str) -> list[dict[str, Any]]:
    return [i for i in preview["items"] if i["ref"] == ref]


def test_000_has_four_groups_and_39_recommendations(previews: Previews) -> None:
    p = previews["000"]
    assert [s["title"][:22] for s in p["sections"]] == [
        "Develop deeper underst",
        "Embed equality, divers",
        "Improve the customer e",
        "Other issues raised in",
    ]
    counts = Counter(i["section"][:5] for i in p["items"])
    assert len(p["items"]) == 39
    assert counts["Other"] == 28
    assert counts["Devel"] + counts["Embed"] + counts["Impro"] == 11


def test_000_updates_are_dated_august_2007_and_current_position_waits_for_a_date(
    previews: Previews,
) -> None:
    p = previews["000"]
    first = p["items"][0]
    assert first["updates"][0] == {
        "as_at": "2007-08-31",
        "label": "Situation @ August 2007",
        "text": "Purchase Mosaic to enable customer profiling and segmentation. (November 2007)",
    }
    assert first["updates"][1]["label"] == "Current position"
    assert first["updates"][1]["as_at"] is None
    assert first["updates"][1]["future"].startswith("No further action")
    assert p["as_at"] is None
    assert any("no as-at date" in w for w in p["warnings"])


def test_000_italic_target_dates_become_original_due_dates(previews: Previews) -> None:
    items = previews["000"]["items"]
    assert (items[0]["due"], items[0]["due_date"]) == ("November 2007", "2007-11-30")
    dated = [i for i in items if i["due_date"]]
    assert len(dated) >= 25
    assert all(i["due_source"] for i in dated)


def test_000_as_above_is_a_cross_reference(previews: Previews) -> None:
    item = next(i for i in previews["000"]["items"] if i["text"].startswith("Developing a system"))
    assert "cross_reference" in item["flags"]


def test_an_as_at_date_given_dates_the_current_position(tmp_path: Any) -> None:
    import datetime as dt

    from stocktake.imports.services import preview_document
    from stocktake.imports.tests.conftest import seed

    p = preview_document(seed("000"), as_at=dt.date(2008, 9, 30))
    assert p["items"][0]["updates"][1]["as_at"] == "2008-09-30"
    assert not any("no as-at date" in w for w in p["warnings"])


def test_001_reads_the_committee_header_and_three_risks(previews: Previews) -> None:
    p = previews["001"]
    assert p["title"] == "Access to Services Inspection Action Plan"
    assert p["metadata"]["committee"] == "Performance Select"
    assert p["metadata"]["date_iso"] == "2007-08-02"
    risks = [i for i in p["items"] if i["kind"] == "risk"]
    assert len(risks) == 3
    assert {(r["likelihood"], r["impact"]) for r in risks} == {("Low", "Medium")}
    assert all(r["mitigation"] for r in risks)


def test_002_reads_the_project_header(previews: Previews) -> None:
    meta = previews["002"]["metadata"]
    assert meta["project_title"] == "Customer Access to Services"
    assert meta["project_executive"] == "Steve Phipps"
    assert meta["project_manager"] == "Caroline Marshall"
    assert len(meta["project_team"]) == 12
    assert meta["aim"].startswith("To ensure that Charnwood Borough Council")
    assert previews["002"]["organisation"] == "Charnwood Borough Council"


def test_002_has_nine_objectives_and_121_actions(previews: Previews) -> None:
    p = previews["002"]
    assert len(p["sections"]) == 9
    assert all(s["title"].startswith("OBJECTIVE") for s in p["sections"])
    assert len(p["items"]) == 121
    assert {i["kind"] for i in p["items"]} == {"action"}


def test_002_keeps_both_copies_of_refs_3_4_and_3_5_with_warnings(previews: Previews) -> None:
    p = previews["002"]
    for ref in ("3.4", "3.5"):
        assert len(_by_ref(p, ref)) == 2
        assert any(w.startswith(f"duplicate ref {ref} in OBJECTIVE 3") for w in p["warnings"])


def test_002_owners_dates_and_statuses_as_written(previews: Previews) -> None:
    p = previews["002"]
    assert _by_ref(p, "1.2")[0]["owners"] == ["Caroline Marshall", "Helen Walton"]
    assert _by_ref(p, "5.11")[0]["owners"] == ["Sarah Cromie"]
    assert _by_ref(p, "5.13")[0]["owners"] == ["Aymen Khan", "Matt Wade", "Karlie Thompson"]
    assert any("Aymen Khan Matt Wade Karlie Thompson" in w for w in p["warnings"])
    ranged = _by_ref(p, "5.10")[0]
    assert (ranged["due_start"], ranged["due_date"]) == ("2006-10-01", "2007-03-31")
    assert _by_ref(p, "3.11")[0]["due_precision"] == "none"
    assert _by_ref(p, "3.11")[0]["flags"].count("date_required") == 1
    assert _by_ref(p, "3.11")[0]["status_code"] is None
    assert _by_ref(p, "4.5")[0]["flags"].count("update_required") == 1
    partial = _by_ref(p, "5.6")[0]
    assert partial["status"] == "40% year 1 completed"
    assert partial["status_code"] == "in_progress"
    assert "percent" not in partial
    assert _by_ref(p, "6.3")[0]["cross_references"][0]["target"] == "3.2"
    assert "internal_note" in _by_ref(p, "5.16")[0]["flags"]
    assert _by_ref(p, "5.16")[0]["deliverables"] == []


def test_003_council_actions_have_numbered_steps_as_milestones(previews: Previews) -> None:
    p = previews["003"]
    council = [i for i in p["items"] if "Council Action" in i["fields"]]
    assert len(council) == 12
    first = council[0]
    assert [m["due"] for m in first["milestones"]] == [
        "April 2009",
        "April 2009",
        "May 2009",
        "Ongoing throughout the year",
    ]
    assert first["supporting"]["outputs"].startswith("Information and advice")
    user_groups = next(i for i in council if i["ref"] == "A1")
    assert [m["due"] for m in user_groups["milestones"]][:2] == ["Jan 09", "Jun 09"]
    member = next(i for i in council if i["text"].startswith("Introduce a Member Champion"))
    assert "internal_note" in member["flags"]
    assert "DELETE" not in member["text"]


def test_003_risks_and_equality_assessments(previews: Previews) -> None:
    items = previews["003"]["items"]
    risks = [i for i in items if i["kind"] == "risk"]
    assert [r["ref"] for r in risks] == [f"{c})" for c in "abcdefghijklmnop"]
    assert all({"unscored", "unassigned"} <= set(r["flags"]) for r in risks)
    assert risks[0]["risk"]["consequence"] == "unfavourable review by Government Office"
    eqia = Counter(i["priority"] for i in items if i["kind"] == "equality_assessment")
    assert eqia == {"HIGH": 2, "MEDIUM": 6}


def test_003_indicators_have_three_yearly_targets_and_baselines(previews: Previews) -> None:
    p = previews["003"]
    by_code = {i["code"]: i for i in p["items"] if i.get("code")}
    values = {c: [t["value"] for t in by_code[c]["targets"]] for c in ("SX52", "NI 4", "SX18")}
    assert values == {
        "SX52": ["90%", "90%", "90%"],
        "NI 4": ["34%", "38%", "39%"],
        "SX18": ["37", "40", "43"],
    }
    assert [t["period"] for t in by_code["NI 4"]["targets"]] == ["2009/10", "2010/11", "2011/12"]
    assert by_code["NI 4"]["baseline"] == {"period": "2008", "value": "33.9%"}
    assert by_code["NI 14"]["targets"][0]["value"].startswith("Baseline to be set")
    assert "NI 1" in by_code
    assert "NI 140" in by_code
    assert by_code["NI 7"]["area"] == "County wide figure"
    assert any("'11/11' read by position as 2011/12" in w for w in p["warnings"])
    assert len([i for i in p["items"] if i["kind"] == "indicator"]) == 70


def test_003_keeps_narrative_sections_in_order(previews: Previews) -> None:
    headings = [n["heading"] for n in previews["003"]["narrative"] if n["heading"]]
    wanted = ["1. Key Functions", "2. Context", "4. Our Customers", "8. Workforce", "10. Risk"]
    positions = [next(i for i, h in enumerate(headings) if h.startswith(w)) for w in wanted]
    assert positions == sorted(positions)


def test_003_never_takes_the_stated_33_council_actions_for_a_count(previews: Previews) -> None:
    assert len([i for i in previews["003"]["items"] if "Council Action" in i["fields"]]) == 12


def test_004_recommendations_with_posts_agreement_and_milestones(previews: Previews) -> None:
    p = previews["004"]
    r1, r2, r3 = p["items"]
    assert [r["ref"] for r in p["items"]] == ["R1", "R2", "R3"]
    assert r2["owners"] == ["Head of Benefits, Revenues and Customer Services"]
    assert r1["owners"] == ["Deputy Director of Finance"]
    assert {r["agreement"] for r in p["items"]} == {"agreed"}
    assert {r["priority"] for r in p["items"]} == {"not prioritised"}
    assert [(m["due_date"], m["text"], m["completed_on"]) for m in r1["milestones"]] == [
        ("2008-12-10", "10 December 2008 – completed", "2008-12-10"),
        ("2009-04-23", "further report", None),
    ]
    assert r2["due_date"] == r3["due_date"] == "2009-12-31"
    assert p["as_at"] == "2009-03-31"
    assert r1["updates"][0]["as_at"] == "2009-03-31"
    assert p["organisation"] is None


def test_003_lists_the_councils_aims_and_approaches_as_priorities(previews: Previews) -> None:
    p = previews["003"]
    by_code = {x["code"]: x for x in p["priorities"]}
    assert [c for c, x in by_code.items() if x["kind"] == "aim"] == ["A", "B", "C", "D", "E"]
    # D is written only in the unlettered list of aims, whose order the lettered ones confirm.
    assert by_code["D"]["title"].startswith("We are committed to assisting provision for local")
    assert by_code["Civ"] == {
        "code": "Civ",
        "title": "Working with local residents to promote community cohesion and addressing "
        "the needs of the most vulnerable in the community",
        "kind": "approach",
        "parent": "C",
    }
    approaches = [c for c, x in by_code.items() if x["kind"] == "approach"]
    assert approaches == ["Ai", "Aii", "Aiii", "Aiv", "Av", "Bi", "Bii", "Civ", "Ei", "Eii"]
    assert by_code["A1"]["kind"] == "action"
    assert by_code["A1"]["title"].startswith("Set up user")
    assert all(x["title"] for x in p["priorities"])
    assert not any("never listed" in w for w in p["warnings"])


def test_003_objectives_and_actions_link_to_the_priorities_they_cite(previews: Previews) -> None:
    p = previews["003"]
    sections = {s["title"][:40]: s for s in p["sections"] if s["parent"] != "IMPROVEMENT PLAN"}
    assert sections["Promote equality and diversity, targetin"]["priorities"] == ["C", "Civ"]
    assert sections["To create safe communities where residen"]["priorities"] == [
        "B",
        "Bi",
        "Bii",
    ]
    # Written without codes: matched to the aims and approaches by their titles.
    democratic = sections["To support the democratic process by str"]["priorities"]
    assert democratic == ["A", "E", "Aiii", "Aiv", "Av"]
    surveys = next(i for i in p["items"] if i["text"].startswith("Work to develop corporate"))
    assert surveys["priorities"] == ["A1", "A5"]
    assert next(i for i in p["items"] if i["ref"] == "C3")["priorities"] == ["C3"]


def test_003_service_objective_on_its_own_line_heads_the_improvement_plan(
    previews: Previews,
) -> None:
    p = previews["003"]
    objective = next(s for s in p["sections"] if s["title"].startswith("Support the definition"))
    assert objective["parent"] == "IMPROVEMENT PLAN"
    assert objective["priorities"] == ["A", "C", "Ai", "Aiv", "Av", "Civ"]
    assert objective["metadata"]["kind"] == "service_objective"


def test_003_improvement_objectives_written_one_paragraph_per_cell(previews: Previews) -> None:
    items = previews["003"]["items"]
    plan = [i for i in items if any("Improvement" in h for h in i["fields"])]
    assert len(plan) == 22
    service_first = next(i for i in plan if i["text"].startswith("Support Service First"))
    assert len(service_first["milestones"]) == 8
    assert service_first["priorities"] == ["A1", "A5"]
    assert service_first["owners"] == ["Customer Service Project Officer"]
    reviews = next(i for i in plan if i["text"].startswith("Improve services through"))
    assert (reviews["due_date"], reviews["owners"]) == ("2010-03-31", ["Steve Sparkes"])
    compliance = next(i for i in plan if i["text"].startswith("Achieve compliance with equal"))
    assert compliance["section"].startswith("Promote equality and diversity")
    assert compliance["owners"] == ["Paul Swift", "E&D Officer"]
