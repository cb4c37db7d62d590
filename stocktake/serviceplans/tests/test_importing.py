"""Seed 003, imported by the document importer, becomes a service plan in the template."""

from __future__ import annotations

from typing import Any

import pytest

from stocktake.serviceplans.document import plan_document
from stocktake.serviceplans.importing import match_heading, place_narrative
from stocktake.serviceplans.models import ServicePlan, TemplateSection

pytestmark = pytest.mark.django_db


def _sections(plan: ServicePlan) -> dict[str, dict[str, Any]]:
    return {s["key"]: s for s in plan_document(plan)["sections"]}


def test_the_service_plan_gets_each_narrative_section_of_the_paper(plan_003: ServicePlan) -> None:
    s = _sections(plan_003)
    assert s["functions"]["text"].startswith("The key functions of the Community")
    assert "Communications Team" in s["functions"]["text"]
    assert "❑" not in s["functions"]["text"]
    assert (
        "Rural areas with differing communication needs"
        in dict(s["drivers"]["cells"])["Environmental"]
    )
    drivers = dict(s["drivers"]["cells"])
    assert all(drivers[label] for label in ["Political", "Economic", "Social", "Legislative"])
    assert s["drivers"]["text"] == "The following external drivers will influence the service"
    assert len(s["partners"]["rows"]) == 9
    assert s["partners"]["rows"][0][0] == "Members of Cambridgeshire Together"
    assert "formal with full terms of reference" in s["partners"]["text"]
    swot = dict(s["swot"]["cells"])
    assert swot["Strengths"].startswith("Team skills and experience")
    assert "Investor in People" in swot["Opportunities"]
    assert "discontinuation of Improvement Board" in swot["Threats"]
    assert "To create safe communities" in s["objectives"]["text"]
    assert "We are committed to being a listening Council" in s["objectives"]["text"]
    assert "Internal customers" in s["customers"]["text"]
    assert len(s["achievements"]["points"]) == 16
    assert len(s["outstanding"]["points"]) == 8
    assert "outturn for 2008/09" in s["resources"]["text"]
    assert s["value"]["text"].startswith("The teams within the service are small")
    assert "disproportionate number of Council Actions" in s["workforce"]["text"]
    assert "equality impact assessments" in s["equalities"]["text"]
    assert "key risks have been identified" in s["risks"]["text"]


def test_the_workforce_becomes_posts_with_fte_by_team(plan_003: ServicePlan) -> None:
    rows = _sections(plan_003)["workforce"]["rows"]
    assert [rows[2][1], rows[2][0]] == ["0.6", "Community Safety Officer"]
    teams = {row[2] for row in rows}
    assert {"Partnerships Team", "Policy and Performance Team", "Communications Team"} <= teams
    receptionists = next(r for r in rows if r[0] == "Receptionists")
    assert receptionists[1:] == ["2", "Electoral and Support Services team"]
    assert len(rows) == 21


def test_the_tables_list_the_imported_tracked_items(plan_003: ServicePlan) -> None:
    s = _sections(plan_003)
    assert len(s["risks"]["rows"]) == 16
    assert s["risks"]["rows"][0][0] == "a)"
    assert len(s["equalities"]["rows"]) == 8
    assert len(s["council_actions"]["rows"]) == 12
    assert s["council_actions"]["rows"][0][0].startswith("Work with voluntary groups")
    assert "Recruit Community Liaison Officer" in s["council_actions"]["rows"][0][1]
    assert len(s["improvement"]["rows"]) == 22
    assert len(s["operational"]["rows"]) >= 60
    sx52 = next(r for r in s["operational"]["rows"] if r[1].startswith("SX52"))
    assert sx52[2:5] == ["90%", "90%", "90%"]
    assert len(s["objectives"]["rows"]) >= 25
    assert plan_003.tracked_plan is not None


def test_headings_match_by_alias_and_numbering_not_by_the_papers_wording(
    plan_003: ServicePlan,
) -> None:
    sections = list(TemplateSection.objects.filter(template=plan_003.template))
    assert match_heading("11. Workforce", sections).key == "workforce"  # type: ignore[union-attr]
    assert match_heading("(b) SWOT analysis", sections).key == "swot"  # type: ignore[union-attr]
    assert (
        match_heading("A sentence about the budget that runs on and on", sections, exact=True)
        is None
    )
    placed, unplaced = place_narrative(
        [("1. Our partners", "• The county council"), ("12. Appendix", "A table")], sections
    )
    assert placed == {"partners": ["• The county council"]}
    assert unplaced == ["12. Appendix"]
