"""A page's query count must not grow with its row count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser


def _fill(plan: Plan, officer: User, owner: object) -> None:
    for i, action in enumerate(plan.actions.all()):
        services.action_owner_add(action=action, person=owner, by=officer)  # type: ignore[arg-type]
        services.action_update_add(
            action=action,
            as_at=dt.date(2007, 8, 31),
            position=f"Position {i}",
            progress_status="in_progress",
            rag="green",
            by=officer,
        )
        if i % 3 == 0:
            services.action_due_revise(
                action=action, new_due_text="June 2008", reason="Slipped", by=officer
            )


def _count(client: Client, url: str, params: dict[str, str] | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def test_the_plan_page_issues_the_same_queries_for_10_and_300_actions(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    _, owner = make_user("Lead officer", council)
    small = make_plan(council, actions=10, title="Small")
    large = make_plan(council, actions=300, title="Large")
    _fill(small, officer, owner)
    _fill(large, officer, owner)
    client.force_login(officer)
    for params in [None, {"as_at": "2008-01-01", "overdue": "on", "rag": "green"}]:
        counts = [
            _count(client, reverse("plans:plan_detail", args=[p.uuid]), params)
            for p in (small, large)
        ]
        assert counts[0] == counts[1], counts


def test_my_actions_and_the_plan_list_do_not_grow_with_rows(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    make_user: MakeUser,
    officer: User,
) -> None:
    user, owner = make_user("Lead officer", council)
    client.force_login(user)
    plan = make_plan(council, actions=5)
    _fill(plan, officer, owner)
    few = (_count(client, reverse("plans:my_actions")), _count(client, reverse("plans:plan_list")))
    for n in range(5):
        more = make_plan(council, actions=20, title=f"Plan {n}")
        _fill(more, officer, owner)
    many = (_count(client, reverse("plans:my_actions")), _count(client, reverse("plans:plan_list")))
    assert few == many


def test_the_plan_page_issues_the_same_queries_for_1_and_8_of_each_thing_the_plan_brought(
    client: Client, council: Organisation, officer: User
) -> None:
    from stocktake.indicators import services as indicators
    from stocktake.risks import services as risks
    from stocktake.risks import services_equality as equality

    def plan_with(n: int) -> Plan:
        plan = services.plan_create(organisation=council, title=f"Plan of {n}", by=officer)
        section = services.section_create(plan=plan, title="Measures", by=officer)
        for i in range(n):
            definition = indicators.definition_create(
                organisation=council, title=f"Measure {n}.{i}", by=officer
            )
            indicators.indicator_create(
                organisation=council, definition=definition, plan=plan, section=section, by=officer
            )
            risks.risk_create(
                organisation=council, plan=plan, title=f"Risk {i}", checked=False, by=officer
            )
            equality.assessment_create(
                organisation=council, plan=plan, title=f"Policy {i}", checked=False, by=officer
            )
        return plan

    client.force_login(officer)
    counts = [
        _count(client, reverse("plans:plan_detail", args=[plan_with(n).uuid])) for n in (1, 8)
    ]
    assert counts[0] == counts[1], counts
