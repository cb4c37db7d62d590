"""QA fixes: committee and lock dates, opening on the opening date, link expiry wording,
late notices, reminder days, owner order and the review page's back link."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stocktake.cycles import links, selectors, services
from stocktake.cycles.models import Outbox, ReportingCycle, UpdateLink
from stocktake.cycles.sending import outbox_send
from stocktake.plans.models import ProgressUpdate

from .conftest import DEADLINE, OPENED, Scene, at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """The time the pages see: set `clock[0]`."""
    now = [at(DEADLINE - dt.timedelta(days=3))]
    monkeypatch.setattr("django.utils.timezone.now", lambda: now[0])
    return now


def _link_url(scene: Scene, owner_name: str) -> str:
    link = UpdateLink.objects.get(cycle=scene.cycle, owner__name=owner_name)
    return reverse("cycles:update_form", args=[links.token_for(link)])


def _create(scene: Scene, officer: User, **fields: Any) -> ReportingCycle:
    values: dict[str, Any] = {"name": "Q4 2009/10", "opens_on": OPENED.date(), "deadline": DEADLINE}
    values.update(fields)
    return services.cycle_create(organisation=scene.plan.organisation, by=officer, **values)


def test_a_committee_date_before_the_deadline_is_refused(scene: Scene, officer: User) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(scene, officer, committee_on=DEADLINE - dt.timedelta(days=1))
    assert "committee_on" in refused.value.message_dict
    assert not ReportingCycle.objects.filter(name="Q4 2009/10").exists()
    _create(scene, officer, committee_on=DEADLINE)


def test_the_create_form_explains_a_committee_before_the_deadline(
    scene: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("cycles:cycle_create"),
        {
            "organisation": scene.plan.organisation_id,
            "name": "Q4 2009/10",
            "opens_on": "2010-04-01",
            "deadline": "2010-04-20",
            "committee_on": "2010-03-15",
            "reminder_offsets": "-7, -1, 3",
            "grace_days": "14",
        },
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "The committee date must be on or after the data deadline" in response.text


def test_an_open_cycle_cannot_have_its_period_locked(opened: Scene, officer: User) -> None:
    opened.cycle.committee_on = DEADLINE
    opened.cycle.save()
    with pytest.raises(ValidationError, match="Close the cycle before locking"):
        services.cycle_lock(cycle=opened.cycle, by=officer, now=at(DEADLINE + dt.timedelta(days=1)))
    opened.cycle.refresh_from_db()
    assert opened.cycle.locked_at is None


def test_an_owner_meeting_a_locked_period_on_the_link_can_save_by_giving_a_reason(
    opened: Scene, client: Client, clock: list[dt.datetime]
) -> None:
    # A period locked while its cycle was open, before these rules refused it.
    ReportingCycle.objects.filter(pk=opened.cycle.pk).update(locked_at=OPENED)
    url = _link_url(opened, "Olive Owner")
    assert "Why is this being changed?" in client.get(url).text
    prefix = str(opened.accountable_only.uuid)
    data = {"item": [prefix], f"{prefix}-position": "On track"}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "is locked: enter why this is being changed" in refused.text
    assert "govuk-error-summary" in refused.text
    assert not ProgressUpdate.objects.filter(action=opened.accountable_only).exists()
    saved = client.post(url, {**data, f"{prefix}-change_reason": "Late figures from finance"})
    assert saved.status_code == 302
    update = ProgressUpdate.objects.get(action=opened.accountable_only)
    assert update.change_reason == "Late figures from finance"


def test_the_link_asks_no_reason_when_nothing_is_locked(
    opened: Scene, client: Client, clock: list[dt.datetime]
) -> None:
    assert "Why is this being changed?" not in client.get(_link_url(opened, "Olive Owner")).text


def test_a_cycle_is_not_opened_before_its_opening_date_unless_asked_and_then_the_date_moves(
    scene: Scene, officer: User
) -> None:
    early = at(OPENED.date() - dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="opens on 4 January 2010"):
        services.cycle_open(cycle=scene.cycle, by=officer, now=early)
    scene.cycle.refresh_from_db()
    assert scene.cycle.status == ReportingCycle.Status.DRAFT
    assert not Outbox.objects.exists()
    services.cycle_open(cycle=scene.cycle, by=officer, now=early, early=True)
    scene.cycle.refresh_from_db()
    assert scene.cycle.status == ReportingCycle.Status.OPEN
    assert scene.cycle.opens_on == early.date()


def test_the_open_page_says_the_date_moves_when_opening_early(
    scene: Scene, officer: User, client: Client, clock: list[dt.datetime]
) -> None:
    clock[0] = at(OPENED.date() - dt.timedelta(days=3))
    client.force_login(officer)
    url = reverse("cycles:cycle_open", args=[scene.cycle.uuid])
    assert "Opening it now moves its opening date to today" in client.get(url).text
    refused = client.post(url)
    assert "opens on 4 January 2010" in refused.text
    assert not Outbox.objects.exists()
    assert client.post(url, {"early": "yes"}).status_code == 302
    scene.cycle.refresh_from_db()
    assert (scene.cycle.status, scene.cycle.opens_on) == ("open", dt.date(2010, 1, 1))


def test_a_cycle_whose_links_would_have_expired_is_not_opened(scene: Scene, officer: User) -> None:
    expired = at(DEADLINE + dt.timedelta(days=15), hour=0)  # 14 days' grace
    with pytest.raises(ValidationError, match="links would already have expired"):
        services.cycle_open(cycle=scene.cycle, by=officer, now=expired)
    assert not Outbox.objects.exists()
    assert not UpdateLink.objects.exists()
    zero = _create(scene, officer, name="No grace", grace_days=0)
    with pytest.raises(ValidationError, match="has passed"):
        services.cycle_open(cycle=zero, by=officer, now=at(DEADLINE + dt.timedelta(days=1)))


def test_a_request_whose_link_has_expired_is_not_sent(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    assert outbox_send(now=at(DEADLINE + dt.timedelta(days=20))) == 0
    assert not mailoutbox
    assert set(Outbox.objects.values_list("last_error", flat=True)) == {
        "the owner's link has expired"
    }


def test_the_email_gives_the_last_day_the_link_works(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    link = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.owner)
    assert timezone.localtime(link.expires_at) == at(dt.date(2010, 2, 13), hour=0)
    assert links.last_day(link.expires_at) == dt.date(2010, 2, 12)
    outbox_send(now=OPENED)
    olive = next(m for m in mailoutbox if m.to == ["olive@example.org"])
    assert "works until the end of 12 February 2010" in olive.body
    assert "works until the end of 12 February 2010" in str(olive.alternatives[0][0])


def test_after_the_deadline_the_link_says_the_update_is_late_but_welcome(
    opened: Scene, client: Client, clock: list[dt.datetime]
) -> None:
    url = _link_url(opened, "Olive Owner")
    assert "Please give the position of each item by 29 January 2010" in client.get(url).text
    clock[0] = at(DEADLINE + dt.timedelta(days=2))
    page = client.get(url).text
    assert "Please give the position of each item by" not in page
    assert "your update is late, but it is still welcome" in page
    assert "works until the end of 12 February 2010" in page


def test_a_reminder_day_given_twice_is_refused(scene: Scene, officer: User, client: Client) -> None:
    with pytest.raises(ValidationError, match="-7 repeated"):
        _create(scene, officer, reminder_offsets=[-7, -7, 3])
    client.force_login(officer)
    response = client.post(
        reverse("cycles:cycle_create"),
        {
            "organisation": scene.plan.organisation_id,
            "name": "Q4 2009/10",
            "opens_on": "2010-04-01",
            "deadline": "2010-04-20",
            "reminder_offsets": "-7, -7, 3",
            "grace_days": "14",
        },
    )
    assert "Give each reminder day once: -7 repeated" in response.text
    assert "govuk-error-summary" in response.text
    assert not ReportingCycle.objects.filter(name="Q4 2009/10").exists()


def test_owners_are_listed_by_name(opened: Scene, officer: User, client: Client) -> None:
    names = [r.owner.name for r in selectors.requests_with_progress(opened.cycle)]
    assert names == ["Hal Holder", "Olive Owner", "Uma Updater"]
    client.force_login(officer)
    page = client.get(reverse("cycles:cycle_detail", args=[opened.cycle.uuid])).text
    assert page.index("Hal Holder") < page.index("Olive Owner") < page.index("Uma Updater")


def test_the_review_page_goes_back_to_its_cycle(
    opened: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    page = client.get(reverse("cycles:cycle_review", args=[opened.cycle.uuid])).text
    back = reverse("cycles:cycle_detail", args=[opened.cycle.uuid])
    assert f'<a href="{back}" class="govuk-back-link">Back to Q3 2009/10</a>' in page
