"""Each role against each indicator page: allowed, forbidden (403, or sign-in) and not found."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.indicators.models import Indicator, Measurement
from stocktake.testing import World, publish

from .conftest import MakeIndicator

PAGES = ["list", "indicator", "enter", "mine", "plan scorecard", "service scorecard"]

# role → expected status for each page, for an indicator that is not public, in a draft plan.
PRIVATE = {
    "anonymous": [200, 302, 302, 302, 302, 302],
    "no membership": [200, 403, 403, 200, 403, 403],
    "Viewer": [200, 403, 403, 200, 403, 403],
    "Councillor": [200, 200, 403, 200, 403, 200],
    "Lead officer (owner)": [200, 200, 200, 200, 200, 200],
    "Lead officer (not owner)": [200, 200, 403, 200, 200, 200],
    "Lead officer (other unit)": [200, 403, 403, 200, 403, 403],
    "Performance officer": [200, 200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [200, 403, 403, 200, 403, 403],
    "superuser": [200, 200, 200, 200, 200, 200],
}

# The indicator marked public, in a published plan: anyone reads, only the right people enter.
PUBLIC = {
    "anonymous": [200, 200, 302, 302, 200, 302],
    "no membership": [200, 200, 403, 200, 200, 403],
    "Viewer": [200, 200, 403, 200, 200, 403],
    "Councillor": [200, 200, 403, 200, 200, 200],
    "Lead officer (owner)": [200, 200, 200, 200, 200, 200],
    "Lead officer (not owner)": [200, 200, 403, 200, 200, 200],
    "Lead officer (other unit)": [200, 200, 403, 200, 200, 403],
    "Performance officer": [200, 200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [200, 200, 403, 200, 200, 403],
    "superuser": [200, 200, 200, 200, 200, 200],
}


@pytest.fixture
def indicator(world: World, make_indicator: MakeIndicator, service: Unit) -> Indicator:
    plan, _, users = world
    owner = users["Lead officer (owner)"]
    assert owner is not None
    return make_indicator(plan.organisation, owner=owner.person, unit=service, plan=plan)


def _urls(indicator: Indicator) -> list[str]:
    assert indicator.plan is not None
    assert indicator.unit is not None
    return [
        reverse("indicators:indicator_list"),
        reverse("indicators:indicator_detail", args=[indicator.uuid]),
        reverse("indicators:measurement_add", args=[indicator.uuid]),
        reverse("indicators:my_indicators"),
        reverse("indicators:plan_scorecard", args=[indicator.plan.uuid]),
        reverse("indicators:unit_scorecard", args=[indicator.unit.uuid]),
    ]


def _statuses(client: Client, user: User | None, urls: list[str]) -> list[int]:
    if user is not None:
        client.force_login(user)
    return [client.get(url).status_code for url in urls]


@pytest.mark.parametrize("role", list(PRIVATE))
def test_each_role_sees_only_what_it_may_of_a_private_indicator(
    client: Client, world: World, indicator: Indicator, role: str
) -> None:
    got = _statuses(client, world[2][role], _urls(indicator))
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, PRIVATE[role], strict=True))


@pytest.mark.parametrize("role", list(PUBLIC))
def test_each_role_sees_only_what_it_may_of_a_public_indicator(
    client: Client, world: World, indicator: Indicator, officer: User, role: str
) -> None:
    indicator.is_public = True
    indicator.save()
    assert indicator.plan is not None
    publish(indicator.plan, officer)
    got = _statuses(client, world[2][role], _urls(indicator))
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, PUBLIC[role], strict=True))


@pytest.mark.parametrize(
    "name",
    [
        "indicators:indicator_detail",
        "indicators:measurement_add",
        "indicators:plan_scorecard",
        "indicators:unit_scorecard",
    ],
)
@pytest.mark.parametrize("key", ["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10", "not-a-uuid", "1"])
def test_unknown_items_are_not_found(client: Client, officer: User, name: str, key: str) -> None:
    client.force_login(officer)
    assert client.get(reverse(name, args=[key])).status_code == 404


def test_the_list_shows_only_indicators_the_user_may_see(
    client: Client,
    make_indicator: MakeIndicator,
    council: Organisation,
    other_council: Organisation,
    officer: User,
) -> None:
    ours = make_indicator(council, definition={"title": "Our own measure"})
    theirs = make_indicator(other_council, definition={"title": "Their private measure"})
    public = make_indicator(other_council, definition={"title": "Their public measure"})
    public.is_public = True
    public.save()
    client.force_login(officer)
    page = client.get(reverse("indicators:indicator_list")).content.decode()
    assert ours.definition.title in page
    assert public.definition.title in page
    assert theirs.definition.title not in page
    client.logout()
    page = client.get(reverse("indicators:indicator_list")).content.decode()
    assert public.definition.title in page
    assert ours.definition.title not in page


def test_someone_who_does_not_own_it_cannot_post_a_value(
    client: Client, world: World, indicator: Indicator
) -> None:
    user = world[2]["Lead officer (not owner)"]
    assert user is not None
    client.force_login(user)
    response = client.post(
        reverse("indicators:measurement_add", args=[indicator.uuid]),
        {"period": "Q1 2009/10", "value": "40"},
    )
    assert response.status_code == 403
    assert not Measurement.objects.exists()


def test_an_updater_may_enter_values(client: Client, world: World, indicator: Indicator) -> None:
    user = world[2]["Lead officer (not owner)"]
    assert user is not None
    indicator.updaters.add(user.person)
    client.force_login(user)
    response = client.post(
        reverse("indicators:measurement_add", args=[indicator.uuid]),
        {"period": "Q1 2009/10", "value": "40", "provisional": "on"},
    )
    assert response.status_code == 302
    assert Measurement.objects.get().value == D(40)
