from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.plans import services
from stocktake.plans.models import Plan
from stocktake.priorities import selectors
from stocktake.priorities.services import priority_create


def test_actions_are_counted_once_per_aim_and_by_owning_team(
    make_plan: Callable[..., Plan], council: Organisation, service: Unit, officer: User
) -> None:
    aim = priority_create(organisation=council, code="(A)", title="Active citizens")
    a1 = priority_create(organisation=council, code="(A1)", title="Engage", parent=aim)
    a5 = priority_create(organisation=council, code="(A5)", title="Inform", parent=aim)
    plan = make_plan(council, actions=3, unit=service)
    first = plan.actions.order_by("position").first()
    assert first is not None
    first.priorities.add(a1, a5)  # one action serving two approaches counts once for the aim
    section = plan.sections.get()
    section.priorities.add(a5)  # every action in the section serves (A5)
    rows = {r.priority.code: r for r in selectors.priority_tree(council, officer)}
    assert rows["A"].actions == 3
    approaches = {r.priority.code: r.actions for r in rows["A"].approaches}
    assert approaches == {"A1": 1, "A5": 3}
    assert rows["A"].by_team == {"Customer Services": 3}


def test_the_priorities_page_counts_only_plans_the_reader_may_see(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    aim = priority_create(organisation=council, code="Civ", title="Civic pride")
    plan = make_plan(council, actions=2)
    for action in plan.actions.all():
        action.priorities.add(aim)
    anonymous = client.get(reverse("priorities:priority_list")).content.decode()
    assert "(Civ) Civic pride" in anonymous
    client.force_login(officer)
    signed_in = client.get(reverse("priorities:priority_list")).content.decode()
    assert ">2<" in signed_in.replace(" ", "")
    assert ">2<" not in anonymous.replace(" ", "")
    services.action_create(plan=plan, text="Unlinked", by=officer)
