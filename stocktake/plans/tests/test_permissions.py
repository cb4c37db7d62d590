"""Each role against each page: allowed, forbidden (403, or sign-in for anonymous) and not found."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Action, Plan
from stocktake.testing import MakeUser, World, publish

PAGES = ["plan", "action", "update", "edit", "mine"]

# role → expected status for each page of a DRAFT plan in the Customer Services unit.
DRAFT = {
    "anonymous": [302, 302, 302, 302, 302],
    "no membership": [403, 403, 403, 403, 200],
    "Viewer": [403, 403, 403, 403, 200],
    "Councillor": [403, 403, 403, 403, 200],
    "Lead officer (owner)": [200, 200, 200, 403, 200],
    "Lead officer (not owner)": [200, 200, 403, 403, 200],
    "Lead officer (other unit)": [403, 403, 403, 403, 200],
    "Performance officer": [200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200],
    "Performance officer (other council)": [403, 403, 403, 403, 200],
    "superuser": [200, 200, 200, 200, 200],
}

# The same plan once published: anyone may read it, only the right people may change it.
PUBLISHED = {
    "anonymous": [200, 200, 302, 302, 302],
    "no membership": [200, 200, 403, 403, 200],
    "Viewer": [200, 200, 403, 403, 200],
    "Councillor": [200, 200, 403, 403, 200],
    "Lead officer (owner)": [200, 200, 200, 403, 200],
    "Lead officer (not owner)": [200, 200, 403, 403, 200],
    "Lead officer (other unit)": [200, 200, 403, 403, 200],
    "Performance officer": [200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200],
    "Performance officer (other council)": [200, 200, 403, 403, 200],
    "superuser": [200, 200, 200, 200, 200],
}


def _urls(plan: Plan, action: Action) -> list[str]:
    return [
        reverse("plans:plan_detail", args=[plan.uuid]),
        reverse("plans:action_detail", args=[action.uuid]),
        reverse("plans:action_update", args=[action.uuid]),
        reverse("plans:action_edit", args=[action.uuid]),
        reverse("plans:my_actions"),
    ]


def _statuses(client: Client, user: User | None, urls: list[str]) -> list[int]:
    if user is not None:
        client.force_login(user)
    return [client.get(url).status_code for url in urls]


@pytest.mark.parametrize("role", list(DRAFT))
def test_each_role_sees_only_what_it_may_of_a_draft_plan(
    client: Client, world: World, role: str
) -> None:
    plan, action, users = world
    got = _statuses(client, users[role], _urls(plan, action))
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, DRAFT[role], strict=True))


@pytest.mark.parametrize("role", list(PUBLISHED))
def test_each_role_sees_only_what_it_may_of_a_published_plan(
    client: Client,
    world: World,
    officer: User,
    role: str,
) -> None:
    plan, action, users = world
    publish(plan, officer)
    got = _statuses(client, users[role], _urls(plan, action))
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, PUBLISHED[role], strict=True))


def test_anonymous_visitors_are_sent_to_sign_in_with_a_way_back(
    client: Client, world: World
) -> None:
    plan, _, _ = world
    url = reverse("plans:plan_detail", args=[plan.uuid])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=" in response["Location"]


@pytest.mark.parametrize(
    "name", ["plans:plan_detail", "plans:action_detail", "plans:action_update", "plans:action_edit"]
)
@pytest.mark.parametrize("key", ["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10", "not-a-uuid", "1"])
def test_unknown_items_are_not_found_for_everyone(
    client: Client, officer: User, name: str, key: str
) -> None:
    client.force_login(officer)
    assert client.get(reverse(name, args=[key])).status_code == 404


def test_the_plan_list_shows_only_visible_plans(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    other_council: Organisation,
    make_user: MakeUser,
    officer: User,
) -> None:
    draft = make_plan(council, title="Our draft plan")
    theirs = make_plan(other_council, title="Their draft plan")
    published = make_plan(other_council, title="Their published plan")
    publish(published, officer)
    viewer = make_user("Lead officer", council)[0]
    client.force_login(viewer)
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert draft.title in page
    assert published.title in page
    assert theirs.title not in page
    client.logout()
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert published.title in page
    assert draft.title not in page


def test_a_lead_officer_cannot_post_an_update_to_someone_elses_action(
    client: Client, world: World
) -> None:
    _, action, users = world
    user = users["Lead officer (not owner)"]
    assert user is not None
    client.force_login(user)
    response = client.post(
        reverse("plans:action_update", args=[action.uuid]),
        {"as_at": "2008-01-01", "position": "Forged"},
    )
    assert response.status_code == 403
    assert not action.updates.exists()
