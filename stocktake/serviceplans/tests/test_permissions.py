"""Each role against each page of a service plan, as a draft and once published. A service
head (Lead officer in the plan's unit) writes only their own service's plan."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.serviceplans import services_workflow as workflow
from stocktake.serviceplans.models import ServicePlan
from stocktake.testing import World

pytestmark = pytest.mark.django_db

PAGES = ["plan", "word", "versions", "edit section", "submit", "comment"]
GET = {"plan", "word", "versions", "edit section"}

# role → expected status for each page of a DRAFT plan of the Customer Services unit.
DRAFT = {
    "anonymous": [302, 302, 302, 302, 302, 302],
    "no membership": [403, 403, 403, 403, 403, 403],
    "Viewer": [403, 403, 403, 403, 403, 403],
    "Councillor": [403, 403, 403, 403, 403, 403],
    "Lead officer (owner)": [200, 200, 200, 200, 302, 403],
    "Lead officer (other unit)": [403, 403, 403, 403, 403, 403],
    "Performance officer": [200, 200, 200, 200, 302, 302],
    "Performance officer (other council)": [403, 403, 403, 403, 403, 403],
    "superuser": [200, 200, 200, 200, 302, 302],
}
# Published: anyone reads it; nobody edits it until it is reopened (the section page says 200
# to writers but refuses to save, see test_a_published_plan_refuses_changes).
PUBLISHED = {
    "anonymous": [200, 200, 200, 302, 302, 302],
    "no membership": [200, 200, 200, 403, 403, 403],
    "Viewer": [200, 200, 200, 403, 403, 403],
    "Councillor": [200, 200, 200, 403, 403, 403],
    "Lead officer (owner)": [200, 200, 200, 200, 302, 403],
    "Lead officer (other unit)": [200, 200, 200, 403, 403, 403],
    "Performance officer": [200, 200, 200, 200, 302, 302],
    "Performance officer (other council)": [200, 200, 200, 403, 403, 403],
    "superuser": [200, 200, 200, 200, 302, 302],
}


def _statuses(client: Client, user: User | None, plan: ServicePlan) -> list[int]:
    if user is not None:
        client.force_login(user)
    section = plan.contents.get(section__key="functions")
    urls = {
        "plan": reverse("serviceplans:plan_detail", args=[plan.uuid]),
        "word": reverse("serviceplans:plan_docx", args=[plan.uuid]),
        "versions": reverse("serviceplans:plan_versions", args=[plan.uuid]),
        "edit section": reverse("serviceplans:section_edit", args=[plan.uuid, section.uuid]),
        "submit": reverse("serviceplans:plan_transition", args=[plan.uuid, "submit"]),
        "comment": reverse("serviceplans:comment_add", args=[plan.uuid]),
    }
    got = []
    for page in PAGES:
        if page in GET:
            got.append(client.get(urls[page]).status_code)
        else:
            got.append(client.post(urls[page], {"text": "Looks good", "comment": ""}).status_code)
    return got


@pytest.mark.parametrize("role", list(DRAFT))
def test_each_role_sees_and_changes_only_what_it_may_of_a_draft(
    client: Client, world: World, small_plan: ServicePlan, role: str
) -> None:
    _, _, users = world
    assert _statuses(client, users[role], small_plan) == DRAFT[role]


@pytest.mark.parametrize("role", list(PUBLISHED))
def test_a_published_plan_is_public_but_not_open_to_change(
    client: Client, world: World, small_plan: ServicePlan, officer: User, role: str
) -> None:
    _, _, users = world
    workflow.plan_submit(plan=small_plan, by=officer)
    workflow.plan_approve(plan=small_plan, approved_by="Cabinet", by=officer)
    workflow.plan_publish(plan=small_plan, by=officer)
    assert _statuses(client, users[role], small_plan) == PUBLISHED[role]
    small_plan.refresh_from_db()
    assert small_plan.status == "published"  # a submit of a published plan is refused


def test_a_published_plan_refuses_changes(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    workflow.plan_submit(plan=small_plan, by=officer)
    workflow.plan_approve(plan=small_plan, approved_by="Cabinet", by=officer)
    client.force_login(officer)
    section = small_plan.contents.get(section__key="functions")
    url = reverse("serviceplans:section_edit", args=[small_plan.uuid, section.uuid])
    seen = section.updated_at.isoformat()
    page = client.post(url, {"text": "Changed after approval", "version": seen})
    assert page.status_code == 200
    assert "cannot be changed" in page.content.decode()
    section.refresh_from_db()
    assert section.content["text"] == "We answer the phones."


def test_only_the_performance_team_approves(
    client: Client, world: World, small_plan: ServicePlan, officer: User
) -> None:
    _, _, users = world
    workflow.plan_submit(plan=small_plan, by=officer)
    client.force_login(users["Lead officer (owner)"])  # type: ignore[arg-type]
    url = reverse("serviceplans:plan_transition", args=[small_plan.uuid, "approve"])
    assert client.post(url, {"approved_by": "Me"}).status_code == 403
    client.force_login(officer)
    assert client.post(url, {"approved_by": "Cllr Edwards"}).status_code == 302
    small_plan.refresh_from_db()
    assert (small_plan.status, small_plan.approved_by) == ("approved", "Cllr Edwards")
