"""The report page and the health card issue the same queries for 10 and 100 actions."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation
from stocktake.plans import services as plans_services
from stocktake.plans.models import Plan
from stocktake.priorities.services import priority_create
from stocktake.reports.fixtures import performance_plan
from stocktake.testing import MakeUser

from .customer_data import customer_data


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _link_priorities_and_units(council: Organisation, plans: list[Plan], by: User) -> None:
    """Every action under two priorities and a team, so the groupings have links to follow."""
    aims = [priority_create(organisation=council, code=f"A{n}", title=f"Aim {n}") for n in (1, 2)]
    directorate = accounts.unit_create(organisation=council, name="People", kind="directorate")
    team = accounts.unit_create(organisation=council, name="Team", kind="team", parent=directorate)
    for plan in plans:
        plan.sections.first().priorities.add(aims[0])  # type: ignore[union-attr]
        for action in plan.actions.all():
            action.priorities.add(*aims)
            plans_services.action_edit(action=action, unit=team, by=by)


def test_report_pages_do_not_grow_with_rows(
    client: Client, council: Organisation, officer: User, make_user: MakeUser
) -> None:
    small = performance_plan(organisation=council, by=officer, actions=10, title="Small")
    large = performance_plan(organisation=council, by=officer, actions=100, title="Large")
    _link_priorities_and_units(council, [small, large], officer)
    client.force_login(officer)
    base = reverse("reports:report_builder")
    for query in [
        "layout=performance&compare_on=2008-07-01",
        "layout=actions&exceptions=red&exceptions=stale",
        "layout=progress&compare_on=2008-07-01&group_by=owner",
        "layout=actions&group_by=directorate",
        "layout=actions&group_by=portfolio",
        "layout=actions&group_by=committee",
        "layout=performance&group_by=priority",
        "layout=actions&include=complaints&include=consultations",
    ]:
        counts = [_count(client, f"{base}?plans={p.uuid}&{query}") for p in (small, large)]
        assert counts[0] == counts[1], (query, counts)
    dashboard = reverse("reports:dashboard", args=[council.uuid])
    few = _count(client, dashboard)
    performance_plan(organisation=council, by=officer, actions=30, title="More")
    handlers = [make_user("Lead officer", council)[1] for _ in range(3)]
    customer_data(council, officer, handlers)  # complaints and consultations to count
    customer_data(council, officer, handlers)
    assert _count(client, dashboard) == few
