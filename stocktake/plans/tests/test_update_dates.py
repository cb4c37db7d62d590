"""An update's as-at date is a business date the plan can have known about: not in the future,
not before the plan's period (or, where a plan gives none, before 1990)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Plan


@pytest.mark.parametrize("as_at", ["1066-10-14", "0001-01-01", "1989-12-31"])
def test_an_as_at_date_before_1990_is_refused_with_a_message_when_the_plan_has_no_start(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    as_at: str,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    response = client.post(
        reverse("plans:action_update", args=[action.uuid]),
        {"as_at": as_at, "position": "Something"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'href="#id_as_at"' in page
    assert "The as-at date must be on or after 1 January 1990" in page
    assert not action.updates.exists()


def test_an_as_at_date_on_the_floor_is_accepted(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    response = client.post(
        reverse("plans:action_update", args=[action.uuid]),
        {"as_at": "1990-01-01", "position": "Something"},
    )
    assert response.status_code == 302
    assert action.updates.get().as_at == dt.date(1990, 1, 1)


def test_an_as_at_date_before_the_plans_period_starts_is_refused(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=1, period_start=dt.date(2008, 4, 1))
    action = plan.actions.get()
    client.force_login(officer)
    url = reverse("plans:action_update", args=[action.uuid])
    refused = client.post(url, {"as_at": "2008-03-31", "position": "Too early"})
    message = "on or after 1 April 2008, when the plan's period starts"
    assert message in html.unescape(refused.content.decode())
    assert not action.updates.exists()
    assert client.post(url, {"as_at": "2008-04-01", "position": "First day"}).status_code == 302


def test_an_action_added_before_its_plans_period_may_be_updated_from_when_it_was_added(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=0, period_start=dt.date(2008, 4, 1))
    action = services.action_create(
        plan=plan, text="Carried forward", date_added=dt.date(2007, 10, 1), by=officer
    )
    services.action_update_add(
        action=action, as_at=dt.date(2007, 10, 1), position="Carried over", by=officer
    )
    with pytest.raises(ValidationError) as refused:
        services.action_update_add(
            action=action, as_at=dt.date(2007, 9, 30), position="Earlier", by=officer
        )
    assert refused.value.message_dict["as_at"] == [
        "The as-at date must be on or after 1 October 2007, when the action was added"
    ]
    assert action.updates.count() == 1


def test_imports_record_old_positions_as_the_paper_dates_them(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    services.action_update_add(
        action=action,
        as_at=dt.date(1988, 3, 31),
        position="As the paper says",
        by=officer,
        enforce_rules=False,
    )
    assert action.updates.count() == 1
