"""Each role against each customer page: public pages for everyone, contact figures for those
who read the council's data, entry for those who update, sampling for editors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from stocktake.customers import services
from stocktake.testing import World

PAGES = [
    "places",
    "place",
    "standards",
    "dashboard",
    "segments",
    "feedback",
    "ni14",
    "record",
    "sampling",
]
EXPECTED = {
    "anonymous": [200, 200, 200, 302, 302, 302, 302, 302, 302],
    "no membership": [200, 200, 200, 403, 403, 403, 403, 403, 403],
    "Viewer": [200, 200, 200, 403, 403, 403, 403, 403, 403],
    "Councillor": [200, 200, 200, 200, 200, 200, 200, 403, 403],
    "Lead officer (owner)": [200, 200, 200, 200, 200, 200, 200, 200, 403],
    "Lead officer (other unit)": [200, 200, 200, 200, 200, 200, 200, 200, 403],
    "Performance officer": [200, 200, 200, 200, 200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [200, 200, 200, 403, 403, 403, 403, 403, 403],
    "superuser": [200, 200, 200, 200, 200, 200, 200, 200, 200],
}


def _urls(world: World, *, public: bool) -> list[str]:
    plan, _, _ = world
    point = services.access_point_create(
        organisation=plan.organisation,
        code="london-road",
        name="London Road offices",
        kind="service_centre",
        is_public=public,
        by=None,
    )
    services.session_add(
        access_point=point, weekday=0, opens=dt.time(9), closes=dt.time(17), by=None
    )
    org = plan.organisation.uuid
    return [
        reverse("customers:access_point_list"),
        reverse("customers:access_point_detail", args=[point.uuid]),
        reverse("customers:standards"),
        reverse("customers:dashboard", args=[org]),
        reverse("customers:segments", args=[org]),
        reverse("customers:feedback", args=[org]),
        reverse("customers:ni14", args=[org]),
        reverse("customers:contact_entry", args=[org]),
        reverse("customers:sampling", args=[org]),
    ]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_only_the_customer_pages_it_may(
    client: Client, world: World, role: str
) -> None:
    urls = _urls(world, public=True)
    user = world[2][role]
    if user is not None:
        client.force_login(user)
    assert [client.get(url).status_code for url in urls] == EXPECTED[role]


def test_an_unpublished_access_point_is_for_readers_only(client: Client, world: World) -> None:
    url = _urls(world, public=False)[1]
    assert client.get(url).status_code == 302
    client.force_login(world[2]["Viewer"])  # type: ignore[arg-type]
    assert client.get(url).status_code == 403
    client.force_login(world[2]["Councillor"])  # type: ignore[arg-type]
    assert client.get(url).status_code == 200


def test_unknown_things_are_not_found(client: Client, world: World) -> None:
    client.force_login(world[2]["superuser"])  # type: ignore[arg-type]
    missing = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"
    assert client.get(reverse("customers:dashboard", args=[missing])).status_code == 404
    assert client.get(reverse("customers:access_point_detail", args=["x"])).status_code == 404
