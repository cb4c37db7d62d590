"""The plan page offers only the steps that can be taken now, refuses an approval dated in the
future, and shows a refused step again with the error beside the field and what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stocktake.accounts.models import Organisation, Unit
from stocktake.serviceplans import services
from stocktake.serviceplans import services_workflow as workflow
from stocktake.serviceplans.models import ServicePlan
from stocktake.serviceplans.rollforward import plan_roll_forward
from stocktake.serviceplans.views_workflow import available_transitions

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


@pytest.fixture
def plan(council: Organisation, service: Unit, officer: User) -> ServicePlan:
    made = services.service_plan_create(organisation=council, unit=service, year=2026, by=officer)
    workflow.plan_submit(plan=made, by=officer)
    return made


def _page(client: Client, plan: ServicePlan) -> str:
    return client.get(reverse("serviceplans:plan_detail", args=[plan.uuid])).content.decode()


def _step(plan: ServicePlan, name: str) -> str:
    return reverse("serviceplans:plan_transition", args=[plan.uuid, name])


def test_an_approval_dated_tomorrow_is_refused_and_changes_nothing(
    plan: ServicePlan, officer: User
) -> None:
    with pytest.raises(ValidationError) as refused:
        workflow.plan_approve(plan=plan, approved_by="Cllr X", approved_on=TOMORROW, by=officer)
    assert "approved_on" in refused.value.message_dict
    plan.refresh_from_db()
    assert (plan.status, plan.approved_by, plan.approved_on) == ("submitted", "", None)


def test_the_approval_page_shows_a_future_date_beside_the_field_keeping_what_was_typed(
    client: Client, plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    typed = {"comment": "Agreed at portfolio briefing", "approved_by": "Cllr X",
             "approved_on": TOMORROW.isoformat()}  # fmt: skip
    response = client.post(_step(plan, "approve"), typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#approve-approved_on"' in page
    assert "The date of approval must be today or in the past" in page
    assert "Agreed at portfolio briefing" in page
    assert 'value="Cllr X"' in page
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_approving_without_an_approver_shows_the_error_beside_the_field_keeping_the_comment(
    client: Client, plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    response = client.post(_step(plan, "approve"), {"comment": "Looks good to me"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#approve-approved_by"' in page
    assert "Enter who approved the plan, or choose the committee" in page
    assert "Looks good to me" in page
    assert '<details class="govuk-details" open>' in page
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_a_published_plan_offers_no_publish_and_cannot_be_published_again(
    client: Client, plan: ServicePlan, officer: User
) -> None:
    workflow.plan_approve(plan=plan, approved_by="Cllr X", by=officer)
    assert "publish" in available_transitions(officer, plan)
    workflow.plan_publish(plan=plan, by=officer)
    assert available_transitions(officer, plan) == ["reopen"]
    client.force_login(officer)
    assert _step(plan, "publish") not in _page(client, plan)
    again = client.post(_step(plan, "publish"), follow=True)  # a page left open
    assert "This plan is already published" in again.content.decode()
    with pytest.raises(ValidationError):
        workflow.plan_publish(plan=plan, by=officer)
    assert plan.versions.count() == 2


def test_next_years_plan_is_offered_only_until_it_has_been_started(
    client: Client, plan: ServicePlan, officer: User
) -> None:
    roll = reverse("serviceplans:roll_forward", args=[plan.uuid])
    client.force_login(officer)
    assert roll not in _page(client, plan)  # submitted, not signed off
    workflow.plan_approve(plan=plan, approved_by="Cllr X", by=officer)
    assert roll in _page(client, plan)
    plan_roll_forward(plan=plan, by=officer)
    assert roll not in _page(client, plan)
