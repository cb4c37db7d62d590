"""Two officers editing one action at once: the second save is refused with both versions shown,
and nothing either of them wrote is lost (optimistic locking on updated_at)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Action, Plan
from stocktake.testing import MakeUser


def _edit(action: Action, version: str, **changes: Any) -> dict[str, Any]:
    return {
        "version": version,
        "ref": "1.1",
        "text": action.text,
        "agreement": "agreed",
        "progress_status": "in_progress",
        "rag": "green",
        "new_due_text": action.due_text,
    } | changes


@pytest.fixture
def two_officers(
    council: Organisation, officer: User, make_user: MakeUser
) -> tuple[Client, Client]:
    other, _ = make_user("Performance officer", council, name="Second Officer")
    first, second = Client(), Client()
    first.force_login(officer)
    second.force_login(other)
    return first, second


def test_the_edit_page_carries_the_version_it_was_loaded_at(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)

    page = client.get(reverse("plans:action_edit", args=[action.uuid])).content.decode()

    assert f'name="version" value="{action.updated_at.isoformat()}"' in page


def test_the_second_of_two_simultaneous_edits_gets_a_conflict_page_and_saves_nothing(
    make_plan: Callable[..., Plan], council: Organisation, two_officers: tuple[Client, Client]
) -> None:
    action = make_plan(council, actions=1).actions.get()
    loaded = action.updated_at.isoformat()
    url = reverse("plans:action_edit", args=[action.uuid])
    first, second = two_officers

    saved = first.post(url, _edit(action, loaded, text="First officer's wording", rag="amber"))
    refused = second.post(url, _edit(action, loaded, text="Second officer's wording", rag="red"))

    assert saved.status_code == 302
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else changed this action" in page
    assert "First officer&#x27;s wording" in page
    assert "Second officer&#x27;s wording" in page
    action.refresh_from_db()
    assert (action.text, action.rag) == ("First officer's wording", "amber")
    assert action.history.filter(text="Second officer's wording").count() == 0


def test_the_conflict_page_offers_the_second_version_again_against_the_stored_one(
    make_plan: Callable[..., Plan], council: Organisation, two_officers: tuple[Client, Client]
) -> None:
    action = make_plan(council, actions=1).actions.get()
    loaded = action.updated_at.isoformat()
    url = reverse("plans:action_edit", args=[action.uuid])
    first, second = two_officers
    first.post(url, _edit(action, loaded, text="First officer's wording"))
    refused = second.post(url, _edit(action, loaded, text="Second officer's wording"))
    action.refresh_from_db()
    stored_version = action.updated_at.isoformat()
    assert f'name="version" value="{stored_version}"' in refused.content.decode()

    resaved = second.post(url, _edit(action, stored_version, text="Second officer's wording"))

    assert resaved.status_code == 302
    action.refresh_from_db()
    assert action.text == "Second officer's wording"
    assert action.history.filter(text="First officer's wording").exists()


def test_a_progress_update_since_loading_also_counts_as_a_change(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    loaded = action.updated_at.isoformat()
    services.action_update_add(
        action=action,
        as_at=dt.date(2007, 8, 31),
        position="Mosaic purchased",
        rag="red",
        by=officer,
        enforce_rules=False,
    )
    client.force_login(officer)

    response = client.post(
        reverse("plans:action_edit", args=[action.uuid]), _edit(action, loaded, text="Mine")
    )

    assert response.status_code == 409
    action.refresh_from_db()
    assert (action.text, action.rag) == ("Action number 1", "red")


def test_a_tampered_version_is_an_error_not_a_crash(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)

    response = client.post(
        reverse("plans:action_edit", args=[action.uuid]), _edit(action, "not a time")
    )

    assert response.status_code == 200
    assert "Reload the page" in response.content.decode()


def test_the_service_refuses_an_edit_begun_before_the_last_save(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    earlier = action.updated_at - dt.timedelta(seconds=1)

    with pytest.raises(services.ActionChanged):
        services.action_edit(action=action, text="Late", unchanged_since=earlier, by=officer)

    action.refresh_from_db()
    assert action.text == "Action number 1"
