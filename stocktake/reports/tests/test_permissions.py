"""Each role against each reports page: allowed, forbidden (403, or sign-in) and not found."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.plans.models import Plan
from stocktake.reports import services
from stocktake.reports.models import ReportDefinition, ReportSnapshot
from stocktake.reports.selectors import Spec
from stocktake.testing import World, publish

PAGES = ["list", "builder", "run", "saved", "snapshot", "dashboard", "public", "scorecard"]

# A draft plan: the public scorecard does not exist for it; its snapshot is private.
DRAFT = {
    "anonymous": [302, 302, 302, 302, 302, 302, 200, 404],
    "no membership": [200, 200, 200, 403, 403, 403, 200, 404],
    "Viewer": [200, 200, 200, 403, 403, 403, 200, 404],
    "Councillor": [200, 200, 200, 200, 200, 200, 200, 404],
    "Lead officer (owner)": [200, 200, 200, 403, 403, 403, 200, 404],
    "Lead officer (not owner)": [200, 200, 200, 403, 403, 403, 200, 404],
    "Lead officer (other unit)": [200, 200, 200, 403, 403, 403, 200, 404],
    "Performance officer": [200, 200, 200, 200, 200, 200, 200, 404],
    "Administrator": [200, 200, 200, 200, 200, 200, 200, 404],
    "Performance officer (other council)": [200, 200, 200, 403, 403, 403, 200, 404],
    "superuser": [200, 200, 200, 200, 200, 200, 200, 404],
}
# Lead officers hold unit grants, so organisation-wide pages are closed to them. Running a
# report on a plan one cannot see is an invalid choice (the builder form again), never data.


def _setup(plan: Plan, officer: User) -> tuple[ReportDefinition, ReportSnapshot]:
    definition = services.definition_save(
        title="Access report", layout="actions", plans=[plan], by=officer
    )
    spec = Spec(plans=[plan], layout="actions", as_at=services.today())
    snapshot = services.snapshot_publish(spec=spec, definition=definition, by=officer)
    return definition, snapshot


def _urls(plan: Plan, definition: ReportDefinition, snapshot: ReportSnapshot) -> list[str]:
    return [
        reverse("reports:report_list"),
        reverse("reports:report_builder"),
        reverse("reports:report_builder") + f"?plans={plan.uuid}&layout=actions",
        reverse("reports:definition_detail", args=[definition.uuid]),
        reverse("reports:snapshot_detail", args=[snapshot.uuid]),
        reverse("reports:dashboard", args=[plan.organisation.uuid]),
        reverse("reports:public_index"),
        reverse("reports:public_scorecard", args=[plan.uuid]),
    ]


@pytest.mark.parametrize("role", list(DRAFT))
def test_each_role_sees_only_what_it_may_of_a_draft_plans_reports(
    client: Client, world: World, officer: User, role: str
) -> None:
    plan, _action, users = world
    urls = _urls(plan, *_setup(plan, officer))
    if users[role] is not None:
        client.force_login(users[role])  # type: ignore[arg-type]
    got = [client.get(url).status_code for url in urls]
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, DRAFT[role], strict=True))


def test_a_report_never_shows_a_plan_the_user_cannot_see(
    client: Client, world: World, officer: User
) -> None:
    plan, action, users = world
    client.force_login(users["Performance officer (other council)"])  # type: ignore[arg-type]
    page = client.get(reverse("reports:report_builder"), {"plans": str(plan.uuid)})
    assert action.text not in page.content.decode()
    assert "Select a valid choice" in page.content.decode()


def test_anonymous_visitors_see_published_plans_only(
    client: Client, world: World, officer: User
) -> None:
    plan, action, _ = world
    definition, private = _setup(plan, officer)
    assert client.get(reverse("reports:public_scorecard", args=[plan.uuid])).status_code == 404
    scorecard = reverse("reports:public_scorecard", args=[plan.uuid])
    assert scorecard not in client.get(reverse("reports:public_index")).content.decode()
    publish(plan, officer)
    assert scorecard in client.get(reverse("reports:public_index")).content.decode()
    page = client.get(scorecard).content.decode()
    assert action.text in page
    assert "Lead officer" not in page  # no owners' names on the public site
    spec = Spec(plans=[plan], layout="actions", as_at=services.today())
    public = services.snapshot_publish(spec=spec, definition=definition, by=officer)
    assert client.get(reverse("reports:snapshot_detail", args=[public.uuid])).status_code == 200
    assert client.get(reverse("reports:snapshot_detail", args=[private.uuid])).status_code == 302


def test_only_publishers_may_publish_and_only_editors_may_save(
    client: Client, world: World, officer: User
) -> None:
    plan, _, users = world
    definition, _ = _setup(plan, officer)
    client.force_login(users["Councillor"])  # type: ignore[arg-type]
    url = reverse("reports:definition_publish", args=[definition.uuid])
    assert client.post(url).status_code == 403
    publish(plan, officer)  # now the councillor can see the plan, but still not save reports
    save = client.post(
        reverse("reports:definition_save"), {"plans": [str(plan.uuid)], "layout": "actions"}
    )
    assert save.status_code == 403
    assert ReportSnapshot.objects.count() == 1


@pytest.mark.parametrize(
    "name", ["reports:definition_detail", "reports:snapshot_detail", "reports:public_scorecard"]
)
@pytest.mark.parametrize("key", ["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10", "not-a-uuid"])
def test_unknown_items_are_not_found(client: Client, officer: User, name: str, key: str) -> None:
    client.force_login(officer)
    assert client.get(reverse(name, args=[key])).status_code == 404
