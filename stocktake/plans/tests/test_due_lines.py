"""A due cell of dated steps reads one step a line on the plan and action pages."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Plan


def test_each_dated_step_of_a_due_cell_is_on_its_own_line(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=0)
    action = services.action_create(
        plan=plan, text="Report to committee", ref="R1", by=officer,
        due_text="10 December 2008 – completed\n23 April 2009 – further report",
    )  # fmt: skip
    client.force_login(officer)
    lines = "10 December 2008 – completed<br>23 April 2009 – further report"
    assert lines in client.get(reverse("plans:plan_detail", args=[plan.uuid])).content.decode()
    detail = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert lines in detail
