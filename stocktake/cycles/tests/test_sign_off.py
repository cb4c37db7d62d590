from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stocktake.cycles import services, services_review
from stocktake.cycles.models import ReportingCycle
from stocktake.plans import services as plans
from stocktake.plans.models import Action, ProgressUpdate, UpdateState
from stocktake.testing import World

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


def _update(action: Action, by: User) -> ProgressUpdate:
    return plans.action_update_add(
        action=action, as_at=timezone.localdate(), position="On track", by=by
    )


def test_updates_are_verified_when_no_cycle_needs_sign_off(opened: Scene, officer: User) -> None:
    assert _update(opened.accountable_only, officer).state == UpdateState.VERIFIED


def test_updates_in_a_cycle_needing_sign_off_are_provisional(scene: Scene, officer: User) -> None:
    _reviewed_cycle(scene, officer)
    assert _update(scene.accountable_only, officer).state == UpdateState.PROVISIONAL


def test_a_returned_update_needs_a_comment_and_is_reviewed_once(
    scene: Scene, officer: User
) -> None:
    cycle = _reviewed_cycle(scene, officer)
    update = _update(scene.accountable_only, officer)
    now = timezone.now()
    with pytest.raises(ValidationError):
        services_review.update_return(update=update, cycle=cycle, by=officer, now=now, comment=" ")
    services_review.update_return(
        update=update, cycle=cycle, by=officer, now=now, comment="Add figures"
    )
    assert update.state == UpdateState.RETURNED
    with pytest.raises(ValidationError, match="already been reviewed"):
        services_review.update_accept(update=update, by=officer, now=now)


def test_the_review_page_lists_provisional_updates_and_accepts_them(
    scene: Scene, officer: User, client: Client
) -> None:
    cycle = _reviewed_cycle(scene, officer)
    first = _update(scene.accountable_only, officer)
    second = _update(scene.with_updater, officer)
    client.force_login(officer)
    page = reverse("cycles:cycle_review", args=[cycle.uuid])
    assert "Action 1.1" in client.get(page).text
    prefix = str(first.uuid)
    response = client.post(
        reverse("cycles:update_review", args=[cycle.uuid, first.uuid]),
        {f"{prefix}-decision": "accept", f"{prefix}-comment": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == page
    prefix = str(second.uuid)
    client.post(
        reverse("cycles:update_review", args=[cycle.uuid, second.uuid]),
        {f"{prefix}-decision": "return", f"{prefix}-comment": "Which ward?"},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.reviewed_by) == (UpdateState.VERIFIED, officer)
    assert (second.state, second.review_comment) == (UpdateState.RETURNED, "Which ward?")
    assert "No updates are waiting" in client.get(page).text


# role → status for: review page (GET), accept (POST).
EXPECTED = {
    "anonymous": [302, 302],
    "no membership": [403, 403],
    "Viewer": [403, 403],
    "Councillor": [403, 403],
    "Lead officer (owner)": [403, 403],
    "Lead officer (not owner)": [403, 403],
    "Performance officer": [200, 302],
    "Administrator": [200, 302],
    "Performance officer (other council)": [403, 403],
    "superuser": [200, 302],
}


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items())
def test_sign_off_by_role(
    world: World, officer: User, client: Client, role: str, expected: list[int]
) -> None:
    plan, action, users = world
    today = timezone.localdate()
    cycle = services.cycle_create(
        organisation=plan.organisation,
        name="Q3",
        opens_on=today,
        deadline=today + dt.timedelta(days=20),
        needs_sign_off=True,
        by=officer,
    )
    services.cycle_open(cycle=cycle, by=officer, now=timezone.now())
    update = _update(action, officer)
    user = users[role]
    if user is not None:
        client.force_login(user)
    statuses = [
        client.get(reverse("cycles:cycle_review", args=[cycle.uuid])).status_code,
        client.post(
            reverse("cycles:update_review", args=[cycle.uuid, update.uuid]),
            {f"{update.uuid}-decision": "accept"},
        ).status_code,
    ]
    assert statuses == expected
    update.refresh_from_db()
    allowed = expected[-1] == 302 and role != "anonymous"
    assert (update.state == UpdateState.VERIFIED) == allowed


def test_unknown_updates_are_not_found_on_review(
    scene: Scene, officer: User, client: Client
) -> None:
    cycle = _reviewed_cycle(scene, officer)
    client.force_login(officer)
    missing = "00000000-0000-0000-0000-000000000000"
    url = reverse("cycles:update_review", args=[cycle.uuid, missing])
    assert client.post(url, {f"{missing}-decision": "accept"}).status_code == 404


def test_a_provisional_status_becomes_the_actions_own_only_when_accepted(
    scene: Scene, officer: User
) -> None:
    _reviewed_cycle(scene, officer)
    action = scene.accountable_only
    update = plans.action_update_add(
        action=action,
        as_at=timezone.localdate(),
        position="Finished",
        progress_status="complete",
        rag="blue",
        by=officer,
    )
    action.refresh_from_db()
    assert (action.progress_status, action.rag) != ("complete", "blue")
    services_review.update_accept(update=update, by=officer, now=timezone.now())
    action.refresh_from_db()
    assert (action.progress_status, action.rag) == ("complete", "blue")


def test_a_returned_update_is_not_the_position_as_at_any_date(scene: Scene, officer: User) -> None:
    cycle = _reviewed_cycle(scene, officer)
    action = scene.accountable_only
    today = timezone.localdate()
    update = plans.action_update_add(
        action=action, as_at=today, position="Made up", rag="green", by=officer
    )
    services_review.update_return(
        update=update, cycle=cycle, by=officer, now=timezone.now(), comment="Evidence, please"
    )
    shown = Action.objects.filter(pk=action.pk).as_at(today, today=today).get()
    assert shown.last_update_position is None  # type: ignore[attr-defined]
    action.refresh_from_db()
    assert action.rag != "green"
