from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Plan


def test_three_revisions_are_kept_and_shown_in_order(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    moves = [
        ("June 2008", dt.date(2008, 2, 1), "Waiting for the LSP funding decision", "LSP board"),
        ("December 2008", dt.date(2008, 6, 15), "Budget cut", "Cabinet"),
        ("Q1 2009/10", dt.date(2008, 11, 30), "CRM upgrade delayed", "Audit Committee"),
    ]
    for due, on, reason, agreed in moves:
        services.action_due_revise(
            action=action,
            new_due_text=due,
            revised_on=on,
            reason=reason,
            agreed_by=agreed,
            by=officer,
        )
    action.refresh_from_db()
    assert action.original_due_text == "March 2008"
    assert action.original_due_date == dt.date(2008, 3, 31)
    assert action.due_text == "Q1 2009/10"
    assert action.due_date == dt.date(2009, 6, 30)
    revisions = list(action.due_revisions.all())
    assert [(r.previous_due_text, r.new_due_text) for r in revisions] == [
        ("March 2008", "June 2008"),
        ("June 2008", "December 2008"),
        ("December 2008", "Q1 2009/10"),
    ]

    client.force_login(officer)
    page = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    positions = [page.index(reason) for _, _, reason, _ in moves]
    assert positions == sorted(positions)
    assert "moved 3 times" in page


def test_a_due_date_cannot_move_without_a_reason(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    with pytest.raises(ValidationError) as error:
        services.action_due_revise(action=action, new_due_text="June 2008", reason=" ", by=officer)
    assert "due_reason" in error.value.message_dict
    action.refresh_from_db()
    assert action.due_text == "March 2008"
    assert not action.due_revisions.exists()


def test_a_revision_cannot_predate_the_previous_one(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    services.action_due_revise(
        action=action,
        new_due_text="June 2008",
        reason="a",
        revised_on=dt.date(2008, 5, 1),
        by=officer,
    )
    with pytest.raises(ValidationError):
        services.action_due_revise(
            action=action,
            new_due_text="July 2008",
            reason="b",
            revised_on=dt.date(2008, 4, 1),
            by=officer,
        )
    assert action.due_revisions.count() == 1


def test_the_plan_shows_the_due_date_that_stood_at_the_as_at_date(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=1)
    action = plan.actions.get()
    services.action_due_revise(
        action=action,
        new_due_text="September 2008",
        reason="Slipped",
        revised_on=dt.date(2008, 3, 20),
        by=officer,
    )
    client.force_login(officer)
    url = reverse("plans:plan_detail", args=[plan.uuid])
    before = client.get(url, {"as_at": "2008-03-01"}).content.decode()
    after = client.get(url, {"as_at": "2008-04-01"}).content.decode()
    assert "March 2008" in before
    assert "September 2008" not in before
    assert "September 2008" in after
    assert "moved 1 time" in after
