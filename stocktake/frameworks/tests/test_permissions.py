"""Each role against each assessment page, draft and agreed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stocktake.frameworks import services

from .conftest import AssessWorld, rate_all

PAGES = ["summary", "pack", "pdf", "assessors", "review", "list"]

DRAFT = {
    "anonymous": [302, 302, 302, 302, 302, 302],
    "Viewer": [403, 403, 403, 403, 403, 200],
    "Councillor": [403, 403, 403, 403, 403, 200],
    "Lead officer (not owner)": [200, 200, 200, 403, 403, 200],
    "Lead officer (other unit)": [403, 403, 403, 403, 403, 200],
    "Performance officer": [200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [403, 403, 403, 403, 403, 200],
}

# Once agreed, councillors (who read signed-off work) see it too.
AGREED = DRAFT | {"Councillor": [200, 200, 200, 403, 403, 200]}


def _statuses(client: Client, world: AssessWorld, role: str) -> list[int]:
    uuid = world.assessment.uuid
    urls = [
        reverse("frameworks:assessment_detail", args=[uuid]),
        reverse("frameworks:pack", args=[uuid]),
        reverse("frameworks:pack_pdf", args=[uuid]),
        reverse("frameworks:assessor_add", args=[uuid]),
        reverse("frameworks:assessment_review", args=[uuid]),
        reverse("frameworks:assessment_list"),
    ]
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return [client.get(url).status_code for url in urls]


@pytest.mark.parametrize("role", list(DRAFT))
def test_each_role_sees_only_what_it_may_of_a_draft_assessment(
    client: Client, assess_world: AssessWorld, role: str
) -> None:
    got = _statuses(client, assess_world, role)
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, DRAFT[role], strict=True))


@pytest.mark.parametrize("role", ["Councillor", "Viewer"])
def test_an_agreed_assessment_reaches_councillors_too(
    client: Client, assess_world: AssessWorld, role: str
) -> None:
    assessment = assess_world.assessment
    rate_all(assessment, {}, default=2)
    services.assessment_submit(assessment=assessment, by=None)
    services.assessment_review(assessment=assessment, agree=True, comment="", by=None)
    got = _statuses(client, assess_world, role)
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, AGREED[role], strict=True))


def test_the_list_shows_only_assessments_the_user_may_see(
    client: Client, assess_world: AssessWorld
) -> None:
    for role, shown in [
        ("Performance officer", True),
        ("Performance officer (other council)", False),
    ]:
        user = assess_world.users[role]
        assert user is not None
        client.force_login(user)
        page = client.get(reverse("frameworks:assessment_list")).content.decode()
        assert ("Equality self-assessment" in page) is shown
