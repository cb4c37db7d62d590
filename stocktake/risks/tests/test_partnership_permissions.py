"""Each role against each partnership and owners page: allowed, 403, sign-in, 404."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from .conftest import PartnershipWorld

PAGES = ["register", "partnership", "add", "edit", "review", "owners"]

# The partnership sits in Customer Services and is led by "Lead officer (owner)".
EXPECTED = {
    "anonymous": [302, 302, 302, 302, 302, 302],
    "no membership": [403, 403, 403, 403, 403, 403],
    "Viewer": [403, 403, 403, 403, 403, 403],
    "Councillor": [200, 200, 403, 403, 403, 403],
    "Lead officer (owner)": [200, 200, 403, 200, 200, 403],
    "Lead officer (not owner)": [200, 200, 403, 403, 403, 403],
    "Lead officer (other unit)": [200, 403, 403, 403, 403, 403],
    "Performance officer": [200, 200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [403, 403, 403, 403, 403, 403],
    "superuser": [200, 200, 200, 200, 200, 200],
}


def _urls(w: PartnershipWorld) -> list[str]:
    org = w.partnership.organisation.uuid
    return [
        reverse("risks:partnerships", args=[org]),
        reverse("risks:partnership_detail", args=[w.partnership.uuid]),
        reverse("risks:partnership_create", args=[org]),
        reverse("risks:partnership_edit", args=[w.partnership.uuid]),
        reverse("risks:partnership_review", args=[w.partnership.uuid]),
        reverse("risks:owners", args=[org]),
    ]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_and_changes_only_the_partnerships_it_may(
    client: Client, partnership_world: PartnershipWorld, role: str
) -> None:
    user = partnership_world.users[role]
    if user is not None:
        client.force_login(user)
    got = [client.get(url).status_code for url in _urls(partnership_world)]
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, EXPECTED[role], strict=True))


def test_anonymous_visitors_are_sent_to_sign_in_from_partnership_pages(
    client: Client, partnership_world: PartnershipWorld
) -> None:
    for url in _urls(partnership_world):
        assert client.get(url)["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "name",
    [
        "risks:partnerships",
        "risks:partnership_create",
        "risks:owners",
        "risks:partnership_detail",
        "risks:partnership_edit",
        "risks:partnership_review",
    ],
)
@pytest.mark.parametrize("key", ["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10", "not-a-uuid"])
def test_unknown_partnerships_and_organisations_are_not_found(
    client: Client, officer: User, name: str, key: str
) -> None:
    client.force_login(officer)
    assert client.get(reverse(name, args=[key])).status_code == 404


def test_a_lead_officer_cannot_review_a_partnership_they_do_not_lead(
    client: Client, partnership_world: PartnershipWorld
) -> None:
    user = partnership_world.users["Lead officer (not owner)"]
    assert user is not None
    client.force_login(user)
    url = reverse("risks:partnership_review", args=[partnership_world.partnership.uuid])
    response = client.post(url, {"as_at": "2009-01-01", "outcome": "continue"})
    assert response.status_code == 403
    assert partnership_world.partnership.reviews.count() == 0


def test_a_lead_officer_cannot_move_everyones_items(
    client: Client, partnership_world: PartnershipWorld
) -> None:
    user = partnership_world.users["Lead officer (owner)"]
    assert user is not None
    client.force_login(user)
    url = reverse("risks:owners", args=[partnership_world.partnership.organisation.uuid])
    person = partnership_world.risk.owner_person
    assert person is not None
    response = client.post(url, {"source": f"person:{person.uuid}", "to": "post:x"})
    assert response.status_code == 403
