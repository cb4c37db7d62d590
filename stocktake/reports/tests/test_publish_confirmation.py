"""Publishing asks first, and says plainly whether the copy will be public, and why."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan
from stocktake.reports.fixtures import performance_plan
from stocktake.reports.models import ReportDefinition, ReportSnapshot
from stocktake.testing import publish


def _saved(client: Client, plan: Plan) -> ReportDefinition:
    client.post(
        reverse("reports:definition_save"),
        {"plans": [str(plan.uuid)], "layout": "actions", "title": "Cabinet pack"},
    )
    return ReportDefinition.objects.get()


def test_the_report_page_links_to_a_confirmation_rather_than_publishing_in_one_click(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = performance_plan(organisation=council, by=officer, actions=1, indicator_count=0)
    client.force_login(officer)
    definition = _saved(client, plan)
    page = client.get(reverse("reports:definition_detail", args=[definition.uuid])).text
    url = reverse("reports:definition_publish", args=[definition.uuid])
    assert f'href="{url}"' in page
    assert f'action="{url}"' not in page


def test_publishing_published_plans_warns_that_the_copy_will_be_public(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = publish(
        performance_plan(organisation=council, by=officer, actions=1, indicator_count=0), officer
    )
    client.force_login(officer)
    definition = _saved(client, plan)
    url = reverse("reports:definition_publish", args=[definition.uuid])
    page = client.get(url).text
    assert "Publish this report to the public?" in page
    assert "anyone can read it without signing in" in page
    assert "every plan in it is published" in page
    assert not ReportSnapshot.objects.exists()
    done = client.post(url, follow=True).text
    assert "It is public" in done
    assert ReportSnapshot.objects.get().is_public


def test_publishing_a_draft_plan_says_the_copy_will_not_be_public_and_why(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = performance_plan(organisation=council, by=officer, actions=1, indicator_count=0)
    client.force_login(officer)
    definition = _saved(client, plan)
    url = reverse("reports:definition_publish", args=[definition.uuid])
    page = client.get(url).text
    assert "The copy will not be public" in page
    assert f"not published: {plan.title}" in page
    assert not ReportSnapshot.objects.exists()
    client.post(url)
    assert not ReportSnapshot.objects.get().is_public
