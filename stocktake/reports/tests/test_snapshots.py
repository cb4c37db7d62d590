"""A saved definition re-runs; a published snapshot stays exactly as it went to committee."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services as plans
from stocktake.reports.fixtures import performance_plan
from stocktake.reports.models import ReportDefinition, ReportSnapshot
from stocktake.testing import publish


def test_a_snapshot_does_not_change_when_the_data_later_changes(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = performance_plan(organisation=council, by=officer, actions=4, indicator_count=1)
    client.force_login(officer)
    response = client.post(
        reverse("reports:definition_save"),
        {"plans": [str(plan.uuid)], "layout": "performance", "title": "Audit committee March"},
    )
    definition = ReportDefinition.objects.get()
    assert response["Location"] == reverse("reports:definition_detail", args=[definition.uuid])
    assert "Deliver improvement 1" in client.get(response["Location"]).content.decode()

    client.post(reverse("reports:definition_publish", args=[definition.uuid]))
    snapshot = ReportSnapshot.objects.get()
    url = reverse("reports:snapshot_detail", args=[snapshot.uuid])
    before_page = client.get(url).content.decode()
    before = (snapshot.html, snapshot.data)
    assert "Position at December for improvement 1" in before_page

    action = plan.actions.get(ref="1.1")
    plans.action_update_add(
        action=action,
        as_at=dt.date.today(),
        position="Everything rewritten after committee",
        by=officer,
    )
    plans.action_edit(action=action, text="A different action", by=officer)
    snapshot.refresh_from_db()
    assert (snapshot.html, snapshot.data) == before
    after_page = client.get(url).content.decode()
    assert "Everything rewritten" not in after_page
    assert "Position at December for improvement 1" in after_page
    assert "Everything rewritten" in client.get(response["Location"]).content.decode()
    assert client.get(url, {"format": "json"}).json() == before[1]


def test_a_snapshot_of_published_plans_is_public_and_built_as_the_public_sees_it(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = performance_plan(organisation=council, by=officer, actions=2, indicator_count=2)
    publish(plan, officer)
    client.force_login(officer)
    client.post(
        reverse("reports:definition_save"), {"plans": [str(plan.uuid)], "layout": "performance"}
    )
    definition = ReportDefinition.objects.get()
    client.post(reverse("reports:definition_publish", args=[definition.uuid]))
    snapshot = ReportSnapshot.objects.get()
    assert snapshot.is_public
    assert [i["code"] for i in snapshot.data["indicators"]] == ["LPI 1"]  # LPI 2 is private
    client.logout()
    page = client.get(reverse("reports:snapshot_detail", args=[snapshot.uuid]))
    assert page.status_code == 200
    assert snapshot.title in client.get(reverse("reports:public_index")).content.decode()
