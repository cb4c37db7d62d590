"""Those who may publish put an indicator on its public plan page and in the open data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser, publish

from .conftest import MakeIndicator


@pytest.fixture
def plan_indicator(
    make_plan: Callable[..., Plan],
    make_indicator: MakeIndicator,
    council: Organisation,
    officer: User,
) -> tuple[Plan, Indicator]:
    plan = publish(make_plan(council, actions=1), officer)
    return plan, make_indicator(council, plan=plan)


def test_a_performance_officer_publishes_an_indicator_and_the_public_sees_it(
    client: Client, plan_indicator: tuple[Plan, Indicator], officer: User
) -> None:
    plan, indicator = plan_indicator
    public_page = reverse("reports:public_scorecard", args=[plan.uuid])
    assert b"No indicators are published for this plan" in client.get(public_page).content
    assert indicator.definition.code.encode() not in client.get("/open/indicators.csv").content
    client.force_login(officer)
    detail = reverse("indicators:indicator_detail", args=[indicator.uuid])
    assert b"Publish this indicator" in client.get(detail).content
    url = reverse("indicators:indicator_publish", args=[indicator.uuid])
    page = client.post(url, {"public": "yes"}, follow=True).content.decode()
    assert "Indicator published" in page
    assert "Stop publishing" in page
    client.logout()
    indicator.refresh_from_db()
    assert indicator.is_public
    assert indicator.history.first().history_user == officer
    shown = client.get(public_page).content.decode()
    assert indicator.definition.title in shown
    assert "No indicators are published" not in shown
    assert indicator.definition.title in client.get("/open/indicators.csv").content.decode()


def test_a_performance_officer_stops_publishing_an_indicator(
    client: Client, plan_indicator: tuple[Plan, Indicator], officer: User
) -> None:
    _, indicator = plan_indicator
    client.force_login(officer)
    url = reverse("indicators:indicator_publish", args=[indicator.uuid])
    client.post(url, {"public": "yes"})
    client.post(url, {"public": "no"})
    indicator.refresh_from_db()
    assert not indicator.is_public


def test_a_lead_officer_has_no_publish_control_and_cannot_publish(
    client: Client,
    plan_indicator: tuple[Plan, Indicator],
    make_user: MakeUser,
    council: Organisation,
) -> None:
    _, indicator = plan_indicator
    user, person = make_user("Lead officer", council)
    indicator.owner_person = person
    indicator.save()
    client.force_login(user)
    detail = reverse("indicators:indicator_detail", args=[indicator.uuid])
    assert b"Publish this indicator" not in client.get(detail).content
    url = reverse("indicators:indicator_publish", args=[indicator.uuid])
    assert client.post(url, {"public": "yes"}).status_code == 403
    indicator.refresh_from_db()
    assert not indicator.is_public


def test_publishing_is_a_post_and_anonymous_visitors_are_sent_to_sign_in(
    client: Client, plan_indicator: tuple[Plan, Indicator]
) -> None:
    _, indicator = plan_indicator
    url = reverse("indicators:indicator_publish", args=[indicator.uuid])
    assert client.post(url, {"public": "yes"}).status_code == 302
    indicator.refresh_from_db()
    assert not indicator.is_public
