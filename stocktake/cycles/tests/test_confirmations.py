"""Opening, closing, locking and revoking each ask first: GET says what will happen and to
whom and changes nothing; POST does it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.cycles import services
from stocktake.cycles.models import CycleRequest, Outbox, ReportingCycle, UpdateLink

from .conftest import DEADLINE, OPENED, Scene, at


@pytest.fixture(autouse=True)
def _during_the_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(DEADLINE - dt.timedelta(days=3)))


def test_the_cycle_page_links_to_confirmations_instead_of_acting_in_one_click(
    opened: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    page = client.get(reverse("cycles:cycle_detail", args=[opened.cycle.uuid])).text
    close = reverse("cycles:cycle_close", args=[opened.cycle.uuid])
    assert f'href="{close}"' in page
    assert f'action="{close}"' not in page
    assert 'action="/cycles/' not in page


def test_opening_asks_first_naming_everyone_to_be_emailed(
    scene: Scene, officer: User, client: Client
) -> None:
    scene.holder.email = ""
    scene.holder.save()
    client.force_login(officer)
    url = reverse("cycles:cycle_open", args=[scene.cycle.uuid])
    page = client.get(url)
    assert page.status_code == 200
    assert "Open the cycle and email 3 owners?" in page.text
    for name in ("Olive Owner", "Uma Updater", "Hal Holder"):
        assert name in page.text
    assert "1 owner has no email address" in page.text
    scene.cycle.refresh_from_db()
    assert scene.cycle.status == ReportingCycle.Status.DRAFT
    assert not Outbox.objects.exists()
    response = client.post(url, follow=True)
    assert "requests queued for 3 owners" in response.text
    scene.cycle.refresh_from_db()
    assert scene.cycle.status == ReportingCycle.Status.OPEN


def test_closing_asks_first_and_says_who_has_not_answered(
    opened: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    url = reverse("cycles:cycle_close", args=[opened.cycle.uuid])
    page = client.get(url).text
    assert "Close the cycle?" in page
    assert "3 owner links will stop working" in page
    assert "Olive Owner" in page
    opened.cycle.refresh_from_db()
    assert opened.cycle.status == ReportingCycle.Status.OPEN
    client.post(url)
    opened.cycle.refresh_from_db()
    assert opened.cycle.status == ReportingCycle.Status.CLOSED


def test_a_refused_act_is_explained_on_the_confirmation_and_changes_nothing(
    opened: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    response = client.post(reverse("cycles:cycle_open", args=[opened.cycle.uuid]))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "already been opened" in response.text
    assert Outbox.objects.count() == 3


def test_locking_asks_first_and_says_what_the_lock_means(
    opened: Scene, officer: User, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened.cycle.committee_on = DEADLINE + dt.timedelta(days=10)
    opened.cycle.save()
    services.cycle_close(cycle=opened.cycle, by=officer, now=OPENED)
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(DEADLINE + dt.timedelta(days=11)))
    client.force_login(officer)
    url = reverse("cycles:cycle_lock", args=[opened.cycle.uuid])
    page = client.get(url).text
    assert "Lock the period of this cycle?" in page
    assert "must record why" in page
    opened.cycle.refresh_from_db()
    assert opened.cycle.locked_at is None
    client.post(url)
    opened.cycle.refresh_from_db()
    assert opened.cycle.locked_at is not None


def test_revoking_a_link_asks_first_naming_the_owner(
    opened: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    found = CycleRequest.objects.get(cycle=opened.cycle, owner=opened.owner)
    url = reverse("cycles:link_revoke", args=[opened.cycle.uuid, found.uuid])
    page = client.get(url).text
    assert "Revoke Olive Owner's link?" in page
    assert "olive@example.org" in page
    live = UpdateLink.objects.filter(owner=opened.owner, revoked_at__isnull=True)
    assert live.exists()
    client.post(url)
    assert not live.exists()
