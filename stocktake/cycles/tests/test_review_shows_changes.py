"""The sign-off page shows every field an update changes beside the value it replaces, and
the owner's form says their update is waiting for sign-off."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stocktake.cycles import links, services
from stocktake.cycles.models import ReportingCycle, UpdateLink
from stocktake.plans import services as plans

from .conftest import Scene


def _reviewed_cycle(scene: Scene, officer: User) -> ReportingCycle:
    today = timezone.localdate()
    cycle = services.cycle_create(
        organisation=scene.plan.organisation,
        plan=scene.plan,
        name="Q4 with sign-off",
        opens_on=today,
        deadline=today + dt.timedelta(days=20),
        needs_sign_off=True,
        by=officer,
    )
    services.cycle_open(cycle=cycle, by=officer, now=timezone.now())
    return cycle


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_reviewer_sees_each_change_beside_the_value_it_replaces(
    scene: Scene, officer: User, client: Client
) -> None:
    action = scene.accountable_only
    plans.action_edit(action=action, progress_status="in_progress", rag="amber", by=officer)
    plans.action_update_add(
        action=action,
        as_at=timezone.localdate() - dt.timedelta(days=40),
        position="Tender drafted",
        future_action="Issue the tender",
        by=officer,
    )
    cycle = _reviewed_cycle(scene, officer)
    plans.action_update_add(
        action=action,
        as_at=timezone.localdate(),
        position="All done",
        future_action="Nothing more",
        progress_status="complete",
        rag="blue",
        by=officer,
    )
    client.force_login(officer)
    page = _text(client.get(reverse("cycles:cycle_review", args=[cycle.uuid])).text)
    assert "Status Changed In progress Complete" in page
    assert "RAG Changed At risk Complete" in page  # the tags name amber and blue
    assert "Position Changed Tender drafted All done" in page
    assert "Next steps Changed Issue the tender Nothing more" in page


def test_a_first_update_shows_nothing_as_the_previous_position(
    scene: Scene, officer: User, client: Client
) -> None:
    cycle = _reviewed_cycle(scene, officer)
    plans.action_update_add(
        action=scene.accountable_only, as_at=timezone.localdate(), position="Begun", by=officer
    )
    client.force_login(officer)
    page = _text(client.get(reverse("cycles:cycle_review", args=[cycle.uuid])).text)
    assert "Position Changed Nothing Begun" in page
    assert "Status Changed" not in page


def test_the_owners_form_says_the_update_awaits_sign_off(
    scene: Scene, officer: User, client: Client
) -> None:
    cycle = _reviewed_cycle(scene, officer)
    link = UpdateLink.objects.get(cycle=cycle, owner=scene.owner)
    url = reverse("cycles:update_form", args=[links.token_for(link)])
    prefix = str(scene.accountable_only.uuid)
    response = client.post(url, {"item": [prefix], f"{prefix}-position": "Going well"}, follow=True)
    assert "wait for sign-off" in response.text
    assert 'data-testid="awaiting-sign-off"' in response.text
    assert response.text.count('data-testid="awaiting-sign-off"') == 1
