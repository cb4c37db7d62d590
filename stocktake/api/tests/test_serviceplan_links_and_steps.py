"""A service plan's links sections are set through the API as the section page sets them (the
council's own items only, against the version read), and a plan says which workflow steps the
caller may take now, as the plan page offers them."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stocktake.accounts.models import Person
from stocktake.plans.models import Action, Plan
from stocktake.serviceplans import services as serviceplans
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


def _steps(client: Client, plan: ServicePlan, headers: dict[str, str]) -> Any:
    shown = client.get(f"/api/service-plans/{plan.uuid}/", headers=headers)
    assert shown.status_code == 200, shown.json()
    return shown.json()["available_steps"]


def _actions_section(plan: ServicePlan) -> SectionContent:
    return plan.contents.select_related("section").get(section__key="council_actions")


def _listed(content: SectionContent) -> list[str]:
    return sorted(str(a.uuid) for a in content.actions.all())


def test_a_links_section_lists_the_councils_own_items_set_against_the_version_read(
    client: Client,
    later: Later,  # noqa: F811
    found: ServicePlan,
    head: dict[str, str],
    make_token: MakeToken,
    make_user: MakeUser,
    make_plan: Any,
    other_council: Any,
) -> None:
    (plan, action, users), _ = later
    officer = _as(make_token, users, "Performance officer", plan)
    _step(client, found, "return", officer, comment="Link the actions")
    content = _actions_section(found)
    url = f"/api/service-plans/{found.uuid}/sections/{content.uuid}/"
    shown = client.get(f"/api/service-plans/{found.uuid}/", headers=officer).json()
    section = next(s for s in shown["sections"] if s["uuid"] == str(content.uuid))
    assert section["linked"] == []
    assert next(s for s in shown["sections"] if s["kind"] != "links")["linked"] is None
    read = section["version"]

    def put(headers: dict[str, str], **body: Any) -> Any:
        return client.put(url, body, content_type=JSON, headers=headers)

    mine = str(action.uuid)
    for role in ("anonymous", "Viewer", "Councillor", "Performance officer (other council)"):
        refused = put(_as(make_token, users, role, plan), linked=[mine], version=read)
        assert refused.status_code == (401 if role == "anonymous" else 404), role
    reader, _ = make_user("Lead officer", plan.organisation)  # reads drafts, writes none
    refused = put(make_token(reader, plan.organisation), linked=[mine], version=read)
    assert refused.status_code == 403
    assert _listed(content) == []

    theirs: Plan = make_plan(other_council, actions=1)
    foreign = Action.objects.get(plan=theirs)
    for bad in ([mine, str(foreign.uuid)], [str(uuid4())]):
        refused = put(head, text="Ours", linked=bad, version=read)
        assert refused.status_code == 400, bad
        assert "linked" in refused.json()["errors"], bad
    assert put(head, linked=["not a uuid"], version=read).status_code in (400, 422)
    content.refresh_from_db()
    assert (_listed(content), content.content["text"]) == ([], "")

    saved = put(head, text="What the council does for us", linked=[mine], version=read)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["linked"] == [mine]
    assert _listed(content) == [mine]
    stale = put(officer, linked=[], version=read)
    assert stale.status_code == 409  # the head saved after the officer read it
    assert _listed(content) == [mine]

    kept = put(officer, text="Reworded", version=saved.json()["version"])
    assert kept.status_code == 200, kept.json()
    assert kept.json()["linked"] == [mine]  # not sent: the items listed stay
    cleared = put(officer, text="Reworded", linked=[], version=kept.json()["version"])
    assert cleared.status_code == 200, cleared.json()
    assert _listed(content) == []


def test_a_plan_lists_the_steps_the_caller_may_take_now(
    client: Client,
    later: Later,  # noqa: F811
    found: ServicePlan,
    head: dict[str, str],
    make_token: MakeToken,
    make_user: MakeUser,
) -> None:
    (plan, _, users), _ = later
    officer = _as(make_token, users, "Performance officer", plan)
    expected = {
        "Viewer": None,  # drafts are not theirs to see
        "Councillor": None,
        "Lead officer (other unit)": None,
        "Performance officer": ["return", "approve"],
        "Performance officer (other council)": None,
    }
    for role, steps in expected.items():
        headers = _as(make_token, users, role, plan)
        response = client.get(f"/api/service-plans/{found.uuid}/", headers=headers)
        if steps is None:
            assert response.status_code == 404, role
        else:
            assert response.json()["available_steps"] == steps, role
    reader, _ = make_user("Lead officer", plan.organisation)  # reads drafts, writes none
    assert _steps(client, found, make_token(reader, plan.organisation)) == []
    assert _steps(client, found, head) == []

    returned = _step(client, found, "return", officer, comment="Add the budget")
    assert returned.json()["available_steps"] == ["submit"]  # the step's answer says too
    assert _steps(client, found, head) == ["submit"]
    _step(client, found, "submit", head)
    _step(client, found, "approve", officer, approved_by="Cllr Jones")
    assert _steps(client, found, officer) == ["publish", "reopen"]
    assert _steps(client, found, head) == []
    _step(client, found, "publish", officer)
    assert client.get(f"/api/service-plans/{found.uuid}/").json()["available_steps"] == []
    assert _steps(client, found, officer) == ["reopen"]  # published once, not again

    assert client.get(f"/api/service-plans/{uuid4()}/", headers=officer).status_code == 404
    assert client.get("/api/service-plans/not-a-uuid/", headers=officer).status_code in (400, 422)


def test_the_plan_detail_reads_each_kind_of_link_once_whatever_its_sections(
    client: Client,
    later: Later,  # noqa: F811
    found: ServicePlan,
    officer: User,
    make_token: MakeToken,
) -> None:
    (plan, action, users), _ = later
    headers = _as(make_token, users, "Performance officer", plan)
    actions = found.contents.filter(section__kind="links", section__link_kind="actions")
    assert actions.count() == 2  # the council's actions and the service's improvements
    for content in actions.select_related("section"):
        serviceplans.section_links_set(
            content=content, items=[action], by=officer, enforce_rules=False
        )
    url = f"/api/service-plans/{found.uuid}/"
    with CaptureQueriesContext(connection) as queries:
        shown = client.get(url, headers=headers)
    assert shown.status_code == 200
    assert [s["linked"] for s in shown.json()["sections"]].count([str(action.uuid)]) == 2
    reads = [q["sql"] for q in queries.captured_queries if "sectioncontent_actions" in q["sql"]]
    assert len(reads) == 1
