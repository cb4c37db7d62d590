"""QA fixes: what counts as an owner's response in a cycle, and returned updates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from stocktake.cycles import links, selectors, services
from stocktake.cycles.models import Outbox, ReportingCycle, UpdateLink
from stocktake.cycles.sending import outbox_send, reminders_due
from stocktake.plans import services as plans
from stocktake.plans.models import ProgressUpdate, UpdateState

from .conftest import DEADLINE, OPENED, Scene, at

DURING = at(DEADLINE - dt.timedelta(days=3))


@pytest.fixture(autouse=True)
def _during_the_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: DURING)


def _states(cycle: ReportingCycle) -> dict[str, tuple[str, int]]:
    return {
        r.owner.name: (selectors.state_of(r), getattr(r, "answered_count", 0))
        for r in selectors.requests_with_progress(cycle)
    }


def _link_url(scene: Scene, owner_name: str) -> str:
    link = UpdateLink.objects.get(cycle=scene.cycle, owner__name=owner_name)
    return reverse("cycles:update_form", args=[links.token_for(link)])


@pytest.fixture
def signed_off(scene: Scene, officer: User) -> Scene:
    ReportingCycle.objects.filter(pk=scene.cycle.pk).update(needs_sign_off=True)
    services.cycle_open(cycle=scene.cycle, by=officer, now=OPENED)
    scene.cycle.refresh_from_db()
    return scene


def _answer_and_return(scene: Scene, officer: User, client: Client) -> ProgressUpdate:
    prefix = str(scene.accountable_only.uuid)
    data = {"item": [prefix], f"{prefix}-position": "Channel data now captured"}
    assert client.post(_link_url(scene, "Olive Owner"), data).status_code == 302
    update = ProgressUpdate.objects.get(action=scene.accountable_only)
    assert _states(scene.cycle)["Olive Owner"] == (selectors.RESPONDED, 1)
    client.force_login(officer)
    review = reverse("cycles:update_review", args=[scene.cycle.uuid, update.uuid])
    client.post(
        review, {f"{update.uuid}-decision": "return", f"{update.uuid}-comment": "Add the figures"}
    )
    client.logout()
    update.refresh_from_db()
    assert update.state == UpdateState.RETURNED
    return update


def test_a_returned_update_no_longer_counts_and_the_owner_is_reminded(
    signed_off: Scene, officer: User, client: Client
) -> None:
    _answer_and_return(signed_off, officer, client)
    assert _states(signed_off.cycle)["Olive Owner"] == (selectors.NONE, 0)
    assert signed_off.owner.pk in selectors.not_fully_responded(signed_off.cycle)
    reminders_due(now=at(DEADLINE - dt.timedelta(days=1)))
    reminded = Outbox.objects.filter(kind=Outbox.Kind.REMINDER_BEFORE, owner=signed_off.owner)
    assert reminded.exists()


def test_the_link_shows_the_returned_update_and_its_comment_until_answered_again(
    signed_off: Scene, officer: User, client: Client
) -> None:
    _answer_and_return(signed_off, officer, client)
    url = _link_url(signed_off, "Olive Owner")
    page = client.get(url).text
    assert "was returned:</strong> Add the figures" in page
    assert "You said: Channel data now captured" in page
    prefix = str(signed_off.accountable_only.uuid)
    client.post(url, {"item": [prefix], f"{prefix}-position": "Figures: 94% captured"})
    assert "Add the figures" not in client.get(url).text
    assert _states(signed_off.cycle)["Olive Owner"] == (selectors.RESPONDED, 1)


def test_returning_an_update_emails_its_owner_once_through_the_outbox(
    signed_off: Scene,
    officer: User,
    client: Client,
    mailoutbox: list[mail.EmailMultiAlternatives],
) -> None:
    update = _answer_and_return(signed_off, officer, client)
    row = Outbox.objects.get(kind=Outbox.Kind.RETURNED)
    assert (row.owner, row.progress_update) == (signed_off.owner, update)
    outbox_send(now=DURING)
    told = [m for m in mailoutbox if "returned" in m.subject]
    assert len(told) == 1
    assert told[0].to == ["olive@example.org"]
    assert "Add the figures" in told[0].body
    link = UpdateLink.objects.get(cycle=signed_off.cycle, owner=signed_off.owner)
    assert links.link_url(link) in told[0].body
    assert outbox_send(now=DURING + dt.timedelta(hours=1)) == 0


def test_imported_history_does_not_count_as_a_response(opened: Scene, officer: User) -> None:
    # An import or move-in writes old notes now, under the owner's name, with their own dates.
    for as_at in (dt.date(2008, 4, 1), dt.date(2031, 1, 1)):
        plans.action_update_add(
            action=opened.accountable_only,
            as_at=as_at,
            position="Business case drafted",
            author=opened.owner,
            enforce_rules=False,
            by=officer,
        )
    assert _states(opened.cycle)["Olive Owner"] == (selectors.NONE, 0)


def test_an_update_for_the_quarter_reported_counts_whoever_enters_it(
    opened: Scene, officer: User
) -> None:
    plans.action_update_add(
        action=opened.accountable_only,
        as_at=dt.date(2009, 12, 31),
        position="At the end of Q3",
        author=opened.owner,
        by=officer,
    )
    assert _states(opened.cycle)["Olive Owner"] == (selectors.RESPONDED, 1)


def test_updates_entered_after_the_cycle_closed_do_not_count_for_it(
    opened: Scene, officer: User
) -> None:
    services.cycle_close(cycle=opened.cycle, by=officer, now=at(DEADLINE - dt.timedelta(days=4)))
    opened.cycle.refresh_from_db()
    plans.action_update_add(
        action=opened.accountable_only, as_at=DURING.date(), position="Late", by=officer
    )
    assert _states(opened.cycle)["Olive Owner"] == (selectors.NONE, 0)
