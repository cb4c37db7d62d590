"""Next year's plan from this year's: narrative for revision, open items carried with their
next targets, finished items closed and left behind, and the change since last year shown."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.plans.models import Action
from stocktake.serviceplans import services
from stocktake.serviceplans.compare import documents_compare
from stocktake.serviceplans.document import plan_document
from stocktake.serviceplans.models import ServicePlan
from stocktake.serviceplans.rollforward import plan_roll_forward
from stocktake.testing import PASSWORD

pytestmark = pytest.mark.django_db


def _publish(plan: ServicePlan, by: User) -> None:
    from stocktake.serviceplans import services_workflow as workflow

    workflow.plan_submit(plan=plan, by=by)
    workflow.plan_approve(plan=plan, approved_by="Cabinet", by=by)
    workflow.plan_publish(plan=plan, by=by)


def _sections(plan: ServicePlan) -> dict[str, dict[str, Any]]:
    return {s["key"]: s for s in plan_document(plan)["sections"]}


def test_a_draft_cannot_be_rolled_forward(small_plan: ServicePlan, officer: User) -> None:
    with pytest.raises(ValidationError):
        plan_roll_forward(plan=small_plan, by=officer)


def test_rolling_forward_carries_open_items_and_closes_finished_ones(
    small_plan: ServicePlan, officer: User
) -> None:
    _publish(small_plan, officer)
    result = plan_roll_forward(plan=small_plan, by=officer)
    new = result.plan
    assert (new.year, new.year_label, new.status) == (2010, "2010/11", "draft")
    assert new.previous == small_plan
    assert new.tracked_plan == small_plan.tracked_plan
    s = _sections(new)
    assert s["functions"]["text"] == "We answer the phones."
    assert s["functions"]["needs_review"] is True
    assert s["workforce"]["rows"][0] == ["Contact Centre Manager", "1", "Contact Team"]
    assert [r[0] for r in s["council_actions"]["rows"]] == ["Set up user groups"]
    done = Action.objects.get(text="Run the mystery shop")
    assert done.closed_on is not None
    assert done.closure_agreed_by == "Cabinet"
    operational = s["operational"]
    assert operational["columns"][2:5] == ["2010/11", "2011/12", "2012/13"]
    assert [r[1] for r in operational["rows"]] == ["NI 14 – Avoidable contact"]
    assert operational["rows"][0][2:5] == ["28", "25", ""]
    assert [r[1] for r in s["risks"]["rows"]] == ["Calls go unanswered"]
    assert result.left["indicators"] == ["Publish the access strategy"]
    assert len(s["objectives"]["rows"]) == 1
    old = plan_document(small_plan)
    changed = {d.heading for d in documents_compare(old, plan_document(new)) if d.changed}
    assert {"Council actions implementation plan", "Operational plan", "Risks"} <= changed
    assert "Key functions and responsibilities" not in changed


def test_a_year_table_moves_its_figures_under_next_years_columns(
    small_plan: ServicePlan, officer: User
) -> None:
    resources = small_plan.contents.get(section__key="resources")
    # Columns: Budget line, Outturn {year-1}, Budget {year}, Budget {year+1}; the plan is 2009/10.
    services.section_save(
        content=resources,
        data={"text": "", "rows": [["Staff", "410", "420", "430"], ["Premises", "", "", ""]]},
        by=officer,
    )
    _publish(small_plan, officer)
    new = plan_roll_forward(plan=small_plan, by=officer).plan
    table = _sections(new)["resources"]
    assert table["columns"] == [
        "Budget line",
        "Outturn 2009/10",
        "Budget 2010/11",
        "Budget 2011/12",
    ]
    # Last year's budget for 2010/11 is this year's; this year's outturn and next budget are new.
    assert table["rows"] == [["Staff", "", "430", ""], ["Premises", "", "", ""]]


def test_editing_a_copied_section_marks_it_revised(small_plan: ServicePlan, officer: User) -> None:
    _publish(small_plan, officer)
    new = plan_roll_forward(plan=small_plan, by=officer).plan
    content = new.contents.select_related("section", "service_plan").get(section__key="functions")
    services.section_save(content=content, data={"text": "We answer phones and chats."}, by=officer)
    content.refresh_from_db()
    assert content.needs_review is False


def test_the_page_shows_what_changed_since_last_year(
    client: Any, small_plan: ServicePlan, officer: User
) -> None:
    _publish(small_plan, officer)
    new = plan_roll_forward(plan=small_plan, by=officer).plan
    assert client.login(username=officer.username, password=PASSWORD)
    page = client.get(f"/service-plans/{new.uuid}/versions/?against=last-year")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Last year&#x27;s plan (2009/10)" in html
    assert "Run the mystery shop" in html
