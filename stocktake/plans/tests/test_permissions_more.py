"""Every role against the ownership, workflow, closure, evidence and people pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services_workflow as workflow
from stocktake.testing import World

PAGES = ["versions", "close", "evidence", "file", "people", "reassign", "duplicates", "priorities"]
ADMIN_ONLY = [403, 403, 403]

EXPECTED = {
    "anonymous": [302, 302, 302, 302, 302, 302, 302, 200],
    "no membership": [403, 403, 403, 403, *ADMIN_ONLY, 200],
    "Viewer": [403, 403, 403, 403, *ADMIN_ONLY, 200],
    "Councillor": [403, 403, 403, 403, *ADMIN_ONLY, 200],
    "Lead officer (owner)": [200, 403, 200, 200, *ADMIN_ONLY, 200],
    "Lead officer (not owner)": [200, 403, 403, 200, *ADMIN_ONLY, 200],
    "Lead officer (other unit)": [403, 403, 403, 403, *ADMIN_ONLY, 200],
    "Performance officer": [200, 200, 200, 200, *ADMIN_ONLY, 200],
    "Administrator": [200, 200, 200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [403, 403, 403, 403, *ADMIN_ONLY, 200],
    "superuser": [200, 200, 200, 200, 200, 200, 200, 200],
}
MAY_SUBMIT = {"Performance officer", "Administrator", "superuser"}


@pytest.fixture
def evidence_world(world: World, officer: User, settings: object, tmp_path: object) -> World:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]
    _, action, _ = world
    workflow.evidence_add(
        action=action,
        title="Cabinet minutes",
        file=SimpleUploadedFile("minutes.pdf", b"%PDF-1.4", "application/pdf"),
        by=officer,
    )
    return world


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_only_the_pages_it_may(
    client: Client, evidence_world: World, council: Organisation, role: str
) -> None:
    plan, action, users = evidence_world
    user = users[role]
    if user is not None:
        client.force_login(user)
    organisation = {"organisation": str(council.uuid)}
    urls = [
        (reverse("plans:plan_versions", args=[plan.uuid]), {}),
        (reverse("plans:action_close", args=[action.uuid]), {}),
        (reverse("plans:evidence_add", args=[action.uuid]), {}),
        (reverse("plans:evidence_file", args=[action.evidence.get().uuid]), {}),
        (reverse("accounts:people"), organisation),
        (reverse("accounts:reassign"), organisation),
        (reverse("accounts:duplicates"), organisation),
        (reverse("priorities:priority_list"), {}),
    ]
    got = [client.get(url, params).status_code for url, params in urls]
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, EXPECTED[role], strict=True))


@pytest.mark.parametrize("role", list(EXPECTED))
def test_only_editors_can_submit_a_plan(client: Client, world: World, role: str) -> None:
    plan, _, users = world
    user = users[role]
    if user is not None:
        client.force_login(user)
    response = client.post(reverse("plans:plan_transition", args=[plan.uuid, "submit"]))
    plan.refresh_from_db()
    assert (plan.status == "submitted") is (role in MAY_SUBMIT)
    if role not in MAY_SUBMIT:
        assert response.status_code in {302, 403}
        assert plan.transitions.count() == 0


@pytest.mark.parametrize("role", list(EXPECTED))
def test_only_administrators_can_record_a_leaver(
    client: Client, world: World, council: Organisation, role: str
) -> None:
    _, action, users = world
    person = action.owners.get()
    user = users[role]
    if user is not None:
        client.force_login(user)
    client.post(
        reverse("accounts:person_leave", args=[person.uuid]),
        {"organisation": str(council.uuid), "left_on": "2009-03-31"},
    )
    person.refresh_from_db()
    assert (person.left_on is not None) is (role in {"Administrator", "superuser"})


def test_an_unknown_step_or_person_is_not_found(
    client: Client, world: World, council: Organisation
) -> None:
    plan, _, users = world
    admin = users["Administrator"]
    assert admin is not None
    client.force_login(admin)
    assert (
        client.post(reverse("plans:plan_transition", args=[plan.uuid, "bless"])).status_code == 404
    )
    missing = reverse("accounts:person_leave", args=["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"])
    response = client.post(missing, {"organisation": str(council.uuid), "left_on": "2009-03-31"})
    assert response.status_code == 404
