"""Service plans' workflow steps and section writing in the API: the plan page's services,
forms and gatekeeper; a bad step or a stale version changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from stocktake.accounts.models import Committee, Person
from stocktake.serviceplans.models import SectionContent, ServicePlan
from stocktake.testing import MakeUser, World

from .conftest import MakeToken
from .test_later_apps import _as, later  # noqa: F401  (the shared records)

Later = tuple[World, Person]
JSON = "application/json"


@pytest.fixture
def found(later: Later) -> ServicePlan:  # noqa: F811
    return ServicePlan.objects.select_related("unit").get()  # submitted, for Waste


@pytest.fixture
def head(found: ServicePlan, make_user: MakeUser, make_token: MakeToken) -> dict[str, str]:
    """The service head of Waste: writes and submits its plan, approves nothing."""
    user, _ = make_user("Lead officer", found.organisation, unit=found.unit)
    return make_token(user, found.organisation)


def _step(
    client: Client, plan: ServicePlan, name: str, headers: dict[str, str], **body: Any
) -> Any:
    url = f"/api/service-plans/{plan.uuid}/workflow/{name}/"
    return client.post(url, body, content_type=JSON, headers=headers)


def _status(plan: ServicePlan) -> str:
    plan.refresh_from_db()
    return plan.status


def test_workflow_steps_follow_the_plan_pages_gatekeeper_and_rules(
    client: Client,
    later: Later,  # noqa: F811
    found: ServicePlan,
    head: dict[str, str],
    make_token: MakeToken,
    make_user: MakeUser,
) -> None:
    (plan, _, users), _ = later
    officer = _as(make_token, users, "Performance officer", plan)
    for role in ("anonymous", "Viewer", "Councillor", "Performance officer (other council)"):
        refused = _step(client, found, "return", _as(make_token, users, role, plan), comment="No")
        assert refused.status_code == (401 if role == "anonymous" else 404), role
    reader, _ = make_user("Lead officer", plan.organisation)  # reads drafts, writes none
    assert _step(client, found, "submit", make_token(reader, plan.organisation)).status_code == 403
    assert _step(client, found, "return", head, comment="No").status_code == 403
    assert _step(client, found, "shred", officer).status_code == 404

    bare = _step(client, found, "return", officer)
    assert bare.status_code == 400  # returning needs comments
    assert _status(found) == "submitted"
    returned = _step(client, found, "return", officer, comment="Add the budget")
    assert returned.status_code == 200, returned.json()
    assert returned.json()["status"] == "returned"
    assert _step(client, found, "submit", head, comment="Done").json()["status"] == "submitted"

    early = _step(client, found, "publish", officer)
    assert early.status_code == 400  # not approved yet
    assert _status(found) == "submitted"
    assert _step(client, found, "approve", officer).status_code == 400  # by whom?
    outsider = users["Performance officer (other council)"]
    assert outsider is not None
    theirs = outsider.memberships.get().organisation
    elsewhere = Committee.objects.create(organisation=theirs, name="Cabinet", kind="cabinet")
    foreign = _step(client, found, "approve", officer, committee=str(elsewhere.uuid))
    assert foreign.status_code == 400
    assert "committee" in foreign.json()["errors"]
    assert _status(found) == "submitted"
    approved = _step(
        client, found, "approve", officer, approved_by="Cllr Jones", approved_on="2009-04-20"
    )
    assert approved.status_code == 200, approved.json()
    assert (approved.json()["approved_by"], approved.json()["approved_on"]) == (
        "Cllr Jones",
        "2009-04-20",
    )
    assert _step(client, found, "publish", officer).json()["status"] == "published"
    labels = [v.label for v in found.versions.order_by("number")]
    assert labels == ["Submitted for approval", "Submitted for approval", "Published"]


def test_a_section_is_written_against_the_version_read(
    client: Client,
    later: Later,  # noqa: F811
    found: ServicePlan,
    head: dict[str, str],
    make_token: MakeToken,
    make_user: MakeUser,
) -> None:
    (plan, _, users), _ = later
    officer = _as(make_token, users, "Performance officer", plan)
    shown = client.get(f"/api/service-plans/{found.uuid}/", headers=officer).json()
    section = shown["sections"][0]
    url = f"/api/service-plans/{found.uuid}/sections/{section['uuid']}/"
    read = section["version"]

    def put(headers: dict[str, str], **body: Any) -> Any:
        return client.put(url, body, content_type=JSON, headers=headers)

    assert put(officer, text="Too late", version=read).status_code == 400  # submitted
    _step(client, found, "return", officer, comment="Add the budget")

    for role in ("anonymous", "Viewer", "Councillor", "Performance officer (other council)"):
        refused = put(_as(make_token, users, role, plan), text="Theirs", version=read)
        assert refused.status_code == (401 if role == "anonymous" else 404), role
    reader, _ = make_user("Lead officer", plan.organisation)
    assert put(make_token(reader, plan.organisation), text="R", version=read).status_code == 403
    assert put(officer, text="No version").status_code == 400
    assert put(officer, text="Bad version", version="yesterday").status_code == 400

    saved = put(head, text="We collect bins weekly", version=read)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["content"]["text"] == "We collect bins weekly"
    assert saved.json()["version"] != read
    stale = put(officer, text="Fortnightly", version=read)
    assert stale.status_code == 409  # the head saved after the officer read it
    content = SectionContent.objects.get(uuid=section["uuid"])
    assert content.content["text"] == "We collect bins weekly"
    again = put(officer, text="Fortnightly", version=saved.json()["version"])
    assert again.status_code == 200, again.json()


def test_the_workflow_and_section_writes_are_in_the_schema(client: Client) -> None:
    paths = client.get("/api/schema/").json()["paths"]
    assert "post" in paths["/api/service-plans/{serviceplan_uuid}/workflow/{name}/"]
    assert "put" in paths["/api/service-plans/{serviceplan_uuid}/sections/{section_uuid}/"]
