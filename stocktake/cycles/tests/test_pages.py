from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stocktake.accounts.models import Person
from stocktake.cycles import links, services
from stocktake.cycles.models import CycleRequest, ReportingCycle, RequestItem, UpdateLink
from stocktake.plans import services as plans

from .conftest import DEADLINE, OPENED, Scene


def test_an_officer_creates_a_cycle_and_opens_it(
    scene: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("cycles:cycle_create"),
        {
            "organisation": scene.cycle.organisation_id,
            "plan": scene.plan.pk,
            "name": "Q4 2009/10",
            "opens_on": timezone.localdate().isoformat(),
            "deadline": (timezone.localdate() + dt.timedelta(days=19)).isoformat(),
            "reminder_offsets": "-5, 2",
            "grace_days": "7",
        },
    )
    assert response.status_code == 302
    cycle = ReportingCycle.objects.get(name="Q4 2009/10")
    assert cycle.reminder_offsets == [-5, 2]
    response = client.post(reverse("cycles:cycle_open", args=[cycle.uuid]), follow=True)
    assert "requests queued for 3 owners" in response.text


def test_the_create_form_explains_mistakes(scene: Scene, officer: User, client: Client) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("cycles:cycle_create"),
        {"organisation": scene.cycle.organisation_id, "reminder_offsets": "soon"},
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Enter whole numbers of days" in response.text
    assert "Enter the data deadline" in response.text


def test_the_dashboard_shows_who_responded_partly_or_not_at_all(
    opened: Scene, officer: User, client: Client
) -> None:
    plans.action_update_add(
        action=opened.accountable_only,
        as_at=DEADLINE - dt.timedelta(days=9),
        position="Fine",
        by=None,
    )
    client.force_login(officer)
    response = client.get(reverse("cycles:cycle_detail", args=[opened.cycle.uuid]))
    assert response.status_code == 200
    assert "Responded: 1. Partly: 0. Not at all: 2." in response.text
    assert "1 of 1" in response.text


def test_the_dashboard_counts_an_owner_who_answered_some_items_as_partly(
    opened: Scene, officer: User, client: Client
) -> None:
    second = plans.action_create(plan=opened.plan, ref="1.6", text="Action 1.6", by=officer)
    plans.action_owner_add(action=second, person=opened.holder, by=officer)
    RequestItem.objects.create(
        request=CycleRequest.objects.get(cycle=opened.cycle, owner=opened.holder), action=second
    )
    plans.action_update_add(
        action=second, as_at=DEADLINE - dt.timedelta(days=9), position="Half", by=None
    )
    client.force_login(officer)
    response = client.get(reverse("cycles:cycle_detail", args=[opened.cycle.uuid]))
    assert "Responded: 0. Partly: 1. Not at all: 2." in response.text
    assert "1 of 2" in response.text


def test_the_dashboard_takes_the_same_queries_however_many_owners(
    scene: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    url = reverse("cycles:cycle_detail", args=[scene.cycle.uuid])
    services.cycle_open(cycle=scene.cycle, by=officer, now=OPENED)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(5):
        person = Person.objects.create(organisation=scene.plan.organisation, name=f"P{i}")
        request = CycleRequest.objects.create(
            organisation=scene.plan.organisation, cycle=scene.cycle, owner=person
        )
        RequestItem.objects.create(request=request, action=scene.unowned)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_update_form_takes_the_same_queries_however_many_items(
    opened: Scene, officer: User, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: OPENED)
    link = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.owner)
    url = reverse("cycles:update_form", args=[links.token_for(link)])
    request = CycleRequest.objects.get(cycle=opened.cycle, owner=opened.owner)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(5):
        action = plans.action_create(plan=opened.plan, text=f"More {i}", by=officer)
        RequestItem.objects.create(request=request, action=action)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert "More 4" in response.text
    assert len(large) == len(small)
