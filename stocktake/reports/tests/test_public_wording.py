"""The public scorecard says in words where each action stands."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services as plans
from stocktake.plans.models import Plan
from stocktake.testing import publish


def test_an_overdue_action_gives_the_date_it_was_due_not_the_papers_list_of_phrases(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=0)
    plans.action_create(
        plan=plan, text="Review the contact centre", ref="2.1", by=officer,
        due_text="1. March 2008 2. Ongoing",
    )  # fmt: skip
    publish(plan, officer)
    page = client.get(reverse("reports:public_scorecard", args=[plan.uuid])).content.decode()
    assert "It was due by 31 March 2008 and is not finished." in page
    assert "due by 1. March" not in page
    assert "1. March 2008 2. Ongoing" in page  # the paper's words, in their column
