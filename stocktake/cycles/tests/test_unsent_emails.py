"""Emails not sent are listed with why, and an officer can copy or re-issue an owner's link
to send it themselves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.cycles import links, services
from stocktake.cycles.models import CycleRequest, UpdateLink
from stocktake.cycles.sending import outbox_send
from stocktake.testing import MakeUser

from .conftest import DEADLINE, OPENED, Scene, at

DURING = at(DEADLINE - dt.timedelta(days=3))


@pytest.fixture(autouse=True)
def _during_the_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: DURING)


def test_failed_emails_are_listed_with_who_and_why(
    opened: Scene, officer: User, client: Client
) -> None:
    opened.holder.email = ""
    opened.holder.save()
    outbox_send(now=OPENED)
    client.force_login(officer)
    detail = client.get(reverse("cycles:cycle_detail", args=[opened.cycle.uuid])).text
    emails = reverse("cycles:cycle_emails", args=[opened.cycle.uuid])
    assert "2 sent, 0 waiting, 1 failed" in detail
    assert emails in detail
    page = client.get(emails).text
    assert "Hal Holder" in page
    assert "Hal Holder has no email address" in page
    assert "Olive Owner" not in page


def test_waiting_emails_say_they_are_waiting(opened: Scene, officer: User, client: Client) -> None:
    client.force_login(officer)
    page = client.get(reverse("cycles:cycle_emails", args=[opened.cycle.uuid])).text
    assert page.count("Waiting to be sent") == 3


def test_an_officer_copies_an_owners_working_link(
    opened: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    found = CycleRequest.objects.get(cycle=opened.cycle, owner=opened.holder)
    response = client.get(reverse("cycles:owner_link", args=[opened.cycle.uuid, found.uuid]))
    link = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.holder)
    assert links.link_url(link) in response.text
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_revoked_owner_is_issued_a_new_link_that_works(
    opened: Scene, officer: User, client: Client
) -> None:
    services.link_revoke(cycle=opened.cycle, owner=opened.holder, by=officer, now=OPENED)
    client.force_login(officer)
    found = CycleRequest.objects.get(cycle=opened.cycle, owner=opened.holder)
    url = reverse("cycles:owner_link", args=[opened.cycle.uuid, found.uuid])
    assert "Issue a new link" in client.get(url).text
    page = client.post(url, follow=True).text
    fresh = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.holder, revoked_at=None)
    assert links.link_url(fresh) in page
    assert client.get(links.link_url(fresh)).status_code == 200


def test_no_link_is_issued_once_the_cycle_has_closed(opened: Scene, officer: User) -> None:
    services.cycle_close(cycle=opened.cycle, by=officer, now=OPENED)
    with pytest.raises(ValidationError, match="only while the cycle is open"):
        services.link_issue(cycle=opened.cycle, owner=opened.owner, now=DURING)
    assert UpdateLink.objects.filter(owner=opened.owner).count() == 1


def test_no_link_is_issued_to_someone_the_cycle_did_not_ask(opened: Scene) -> None:
    stranger = opened.plan.organisation.people.create(name="Stan Stranger")
    with pytest.raises(ValidationError, match="was not asked"):
        services.link_issue(cycle=opened.cycle, owner=stranger, now=DURING)


@pytest.mark.parametrize("role", ["Viewer", "Councillor", "Lead officer"])
def test_only_performance_officers_see_unsent_emails_and_links(
    opened: Scene, client: Client, make_user: MakeUser, role: str
) -> None:
    user, _ = make_user(role, opened.plan.organisation)
    client.force_login(user)
    found = CycleRequest.objects.get(cycle=opened.cycle, owner=opened.holder)
    assert client.get(reverse("cycles:cycle_emails", args=[opened.cycle.uuid])).status_code == 403
    url = reverse("cycles:owner_link", args=[opened.cycle.uuid, found.uuid])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
