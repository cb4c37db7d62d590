from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.cycles import links, services
from stocktake.cycles.models import RequestItem, UpdateLink
from stocktake.plans.models import Action, ProgressUpdate

from .conftest import DEADLINE, OPENED, Scene, at


@pytest.fixture(autouse=True)
def _during_the_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Links check the clock; pin it inside the cycle."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(DEADLINE - dt.timedelta(days=3)))


def _url(scene: Scene, owner_name: str) -> str:
    link = UpdateLink.objects.get(cycle=scene.cycle, owner__name=owner_name)
    return reverse("cycles:update_form", args=[links.token_for(link)])


def _fields(action: Action, **values: str) -> dict[str, Any]:
    prefix = str(action.uuid)
    return {"item": [prefix], **{f"{prefix}-{k}": v for k, v in values.items()}}


def test_the_link_shows_only_that_owners_items_in_that_cycle(opened: Scene, client: Client) -> None:
    response = client.get(_url(opened, "Olive Owner"))
    assert response.status_code == 200
    assert "Action 1.1" in response.text
    assert "Action 1.2" not in response.text  # has an updater, who is asked instead
    assert response["Referrer-Policy"] == "no-referrer"


def test_filled_in_items_are_saved_as_the_owners_updates(opened: Scene, client: Client) -> None:
    url = _url(opened, "Olive Owner")
    data = _fields(opened.accountable_only, position="On track", rag="green")
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == url
    update = ProgressUpdate.objects.get(action=opened.accountable_only)
    assert (update.position, update.rag, update.author) == ("On track", "green", opened.owner)
    assert update.entered_by is None


def test_invalid_input_saves_nothing_and_shows_the_error_summary(
    opened: Scene, client: Client
) -> None:
    response = client.post(_url(opened, "Olive Owner"), _fields(opened.accountable_only, rag="red"))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Enter the current position" in response.text
    assert not ProgressUpdate.objects.exists()


def test_another_owners_item_is_refused_and_nothing_changes(opened: Scene, client: Client) -> None:
    data = _fields(opened.accountable_only, position="Mine")
    data.update(_fields(opened.with_updater, position="Not mine"))
    data["item"] = [str(opened.accountable_only.uuid), str(opened.with_updater.uuid)]
    response = client.post(_url(opened, "Olive Owner"), data)
    assert response.status_code == 403
    assert "cannot be updated from this link" in response.text
    assert not ProgressUpdate.objects.exists()


def test_a_forged_item_id_in_a_field_name_is_refused(opened: Scene, client: Client) -> None:
    forged = f"{opened.unowned.uuid}-position"
    response = client.post(_url(opened, "Olive Owner"), {forged: "Sneaky"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_the_service_refuses_items_not_asked_of_the_owner(opened: Scene) -> None:
    link = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.owner)
    someone_elses = RequestItem.objects.get(request__owner=opened.updater)
    with pytest.raises(PermissionError):
        services.updates_from_link(
            link=link, entries=[(someone_elses, {"position": "x"})], today=DEADLINE
        )
    assert not ProgressUpdate.objects.exists()


def test_a_revoked_link_is_refused(opened: Scene, client: Client, officer: User) -> None:
    url = _url(opened, "Olive Owner")
    services.link_revoke(cycle=opened.cycle, owner=opened.owner, by=officer, now=OPENED)
    assert client.get(url).status_code == 410
    response = client.post(url, _fields(opened.accountable_only, position="Late"))
    assert response.status_code == 410
    assert not ProgressUpdate.objects.exists()


def test_a_link_expires_after_the_deadline_and_its_grace(
    opened: Scene, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _url(opened, "Olive Owner")
    last_day = DEADLINE + dt.timedelta(days=opened.cycle.grace_days)
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(last_day, 23))
    assert client.get(url).status_code == 200
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(last_day + dt.timedelta(days=1)))
    response = client.get(url)
    assert response.status_code == 410
    assert "expired" in response.text


def test_a_link_stops_when_its_cycle_closes(opened: Scene, client: Client, officer: User) -> None:
    url = _url(opened, "Olive Owner")
    services.cycle_close(cycle=opened.cycle, by=officer, now=OPENED)
    assert client.get(url).status_code == 410


@pytest.mark.parametrize("token", ["nonsense", "a.b", "00000000-0000-0000-0000-000000000000.x"])
def test_unknown_or_forged_tokens_get_a_not_found_page(
    opened: Scene, client: Client, token: str
) -> None:
    response = client.get(reverse("cycles:update_form", args=[token]))
    assert response.status_code == 404
    assert "Link not recognised" in response.text


def test_a_validly_signed_token_with_no_link_is_not_found(opened: Scene, client: Client) -> None:
    ghost = UpdateLink(cycle=opened.cycle, owner=opened.owner)
    response = client.get(reverse("cycles:update_form", args=[links.token_for(ghost)]))
    assert response.status_code == 404


def test_a_link_is_bound_to_its_cycle(opened: Scene, client: Client, officer: User) -> None:
    later = services.cycle_create(
        organisation=opened.cycle.organisation,
        plan=opened.plan,
        name="Q4 2009/10",
        opens_on=DEADLINE,
        deadline=DEADLINE + dt.timedelta(days=60),
        by=officer,
    )
    services.cycle_open(cycle=later, by=officer, now=at(DEADLINE))
    old_link = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.owner)
    new_link = UpdateLink.objects.get(cycle=later, owner=opened.owner)
    assert links.token_for(old_link) != links.token_for(new_link)
    services.link_revoke(cycle=opened.cycle, owner=opened.owner, by=officer, now=OPENED)
    assert client.get(_url(opened, "Olive Owner")).status_code == 410
    url = reverse("cycles:update_form", args=[links.token_for(new_link)])
    assert client.get(url).status_code == 200
