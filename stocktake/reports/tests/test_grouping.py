"""Report rows grouped by directorate, portfolio, committee and council priority."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts import services as accounts
from stocktake.accounts.governance import Committee, Portfolio
from stocktake.accounts.models import Organisation
from stocktake.plans import services as plans
from stocktake.plans.models import Plan
from stocktake.priorities.services import priority_create
from stocktake.reports import render
from stocktake.reports.build import build_report
from stocktake.reports.fixtures import performance_plan
from stocktake.reports.selectors import Spec
from stocktake.reports.word import report_docx

TODAY = dt.date(2009, 4, 1)


def _report(plan_list: list[Plan], group_by: str, user: User, **fields: Any) -> dict[str, Any]:
    spec = Spec(
        plans=plan_list,
        layout=fields.pop("layout", "actions"),
        as_at=dt.date(2009, 3, 31),
        group_by=group_by,
        **fields,
    )
    return build_report(spec, user=user, today=TODAY)


def _refs(report: dict[str, Any]) -> dict[str, list[str]]:
    return {g["heading"]: [r["ref"] for r in g["rows"]] for g in report["groups"]}


def test_rows_group_under_the_directorate_above_the_action_or_plan_unit(
    council: Organisation, officer: User
) -> None:
    people = accounts.unit_create(organisation=council, name="People", kind="directorate")
    care = accounts.unit_create(organisation=council, name="Care", kind="service", parent=people)
    team = accounts.unit_create(organisation=council, name="Reablement", kind="team", parent=care)
    place = accounts.unit_create(organisation=council, name="Place", kind="directorate")
    roads = accounts.unit_create(organisation=council, name="Roads", kind="service", parent=place)
    plan = plans.plan_create(organisation=council, title="Roads plan", unit=roads, by=officer)
    plans.action_create(plan=plan, ref="R1", text="Team action", unit=team, by=officer)
    plans.action_create(plan=plan, ref="R2", text="Directorate action", unit=people, by=officer)
    plans.action_create(plan=plan, ref="R3", text="Plan's own unit", by=officer)
    other = performance_plan(organisation=council, by=officer, actions=1, title="No unit")

    report = _report([plan, other], "directorate", officer)

    assert _refs(report) == {
        "People": ["R1", "R2"],
        "Place": ["R3"],
        "No directorate recorded": ["1.1"],
    }
    assert [g["heading"] for g in report["groups"]] == [
        "People",
        "Place",
        "No directorate recorded",
    ]


def test_rows_group_by_the_plans_portfolio_and_committee(
    council: Organisation, officer: User
) -> None:
    portfolio = Portfolio.objects.create(organisation=council, name="Adult social care")
    committee = Committee.objects.create(organisation=council, name="Audit Committee")
    care = plans.plan_create(
        organisation=council,
        title="Care plan",
        portfolio=portfolio,
        committee=committee,
        by=officer,
    )
    plans.action_create(plan=care, ref="C1", text="Review care homes", by=officer)
    bare = performance_plan(organisation=council, by=officer, actions=1, title="Bare plan")

    by_portfolio = _refs(_report([care, bare], "portfolio", officer))
    by_committee = _refs(_report([care, bare], "committee", officer))

    assert by_portfolio == {"Adult social care": ["C1"], "No portfolio recorded": ["1.1"]}
    assert by_committee == {"Audit Committee": ["C1"], "No committee recorded": ["1.1"]}


def test_an_action_under_several_priorities_appears_under_each_and_is_counted_once(
    council: Organisation, officer: User
) -> None:
    a1 = priority_create(organisation=council, code="A1", title="Safer streets")
    a5 = priority_create(organisation=council, code="A5", title="Healthy lives")
    civ = priority_create(organisation=council, code="Civ", title="Civic pride")
    plan = performance_plan(organisation=council, by=officer, actions=4)
    actions = {a.ref: a for a in plan.actions.all()}
    actions["1.1"].priorities.add(a1, a5)
    # Objective 2 serves Civ, so its action without links of its own is reported under Civ.
    plan.sections.get(ref="2").priorities.add(civ)
    report = _report([plan], "priority", officer, layout="performance")

    assert _refs(report) == {
        "(A1) Safer streets": ["1.1"],
        "(A5) Healthy lives": ["1.1"],
        "(Civ) Civic pride": ["2.2"],
        "No council priority recorded": ["3.3", "1.4"],
    }
    assert report["summary"]["total"] == 4
    assert len(render.flat_rows(report)) == 5
    assert report_docx(report)  # the Word writer copes with a row in two groups


@pytest.mark.parametrize("group_by", ["directorate", "portfolio", "committee", "priority"])
def test_the_builder_page_groups_by_each_new_grouping(
    client: Any, council: Organisation, officer: User, group_by: str
) -> None:
    plan = performance_plan(organisation=council, by=officer, actions=2)
    client.force_login(officer)
    page = client.get(f"/reports/new/?plans={plan.uuid}&layout=actions&group_by={group_by}")
    assert page.status_code == 200
    assert "Deliver improvement 2" in page.content.decode()


def test_a_performance_report_says_how_old_each_position_is_at_its_date(
    council: Organisation, officer: User
) -> None:
    plan = plans.plan_create(organisation=council, title="Freshness", by=officer)
    fresh = plans.action_create(plan=plan, ref="F1", text="Updated lately", by=officer)
    plans.action_create(plan=plan, ref="F2", text="Never updated", by=officer)
    plans.action_update_add(
        action=fresh, as_at=dt.date(2008, 12, 27), position="Going well", rag="green", by=officer
    )
    report = _report([plan], "plan", officer, layout="performance")
    assert report["columns"][-1] == "Last updated"
    last = {r["ref"]: r["cells"][-1] for g in report["groups"] for r in g["rows"]}
    assert last == {"F1": "27 Dec 2008 (94 days before)", "F2": "Never updated"}


def test_the_navigation_dashboard_opens_the_members_own_councils_health_card(
    client: Any, council: Organisation, officer: User
) -> None:
    from django.urls import reverse

    client.force_login(officer)
    response = client.get(reverse("reports:my_dashboard"))
    assert response["Location"] == reverse("reports:dashboard", args=[council.uuid])
    page = client.get(response["Location"])
    assert 'href="/dashboard/"' in page.text
    assert 'href="/contacts/"' in page.text
    contacts = client.get(reverse("customers:my_contacts"))
    assert contacts["Location"] == reverse("customers:dashboard", args=[council.uuid])
    client.logout()
    assert client.get(reverse("reports:my_dashboard")).status_code == 302  # to sign in
