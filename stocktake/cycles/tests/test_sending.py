from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import IntegrityError, transaction

from stocktake.accounts.models import Delegation, Person
from stocktake.cycles import links, services
from stocktake.cycles.models import Outbox, UpdateLink
from stocktake.cycles.sending import STALE_AFTER, outbox_send, reminders_due
from stocktake.cycles.tasks import run_outbox
from stocktake.plans import services as plans

from .conftest import DEADLINE, OPENED, Scene, at


def _day(offset: int) -> dt.datetime:
    return at(DEADLINE + dt.timedelta(days=offset))


def _kinds() -> list[tuple[str, str, int]]:
    rows = Outbox.objects.exclude(kind="request").select_related("owner")
    return sorted((r.kind, r.owner.name, r.offset_days) for r in rows)


def test_the_request_email_lists_that_owners_items_with_their_link(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    assert outbox_send(now=OPENED) == 3
    sent = {m.to[0]: m for m in mailoutbox}
    olive = sent["olive@example.org"]
    assert "Q3 2009/10" in olive.subject
    assert "Action 1.1" in olive.body
    assert "Action 1.2" not in olive.body
    link = UpdateLink.objects.get(cycle=opened.cycle, owner=opened.owner)
    assert links.link_url(link) in olive.body
    html, kind = olive.alternatives[0]
    assert kind == "text/html"
    assert "Action 1.1" in str(html)
    assert "Action 1.3" in sent["hal@example.org"].body


def test_sent_rows_are_not_sent_again(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    outbox_send(now=OPENED)
    assert outbox_send(now=OPENED + dt.timedelta(hours=1)) == 0
    assert len(mailoutbox) == 3
    assert set(Outbox.objects.values_list("status", flat=True)) == {"sent"}


def test_the_outbox_holds_one_row_per_cycle_owner_and_message(opened: Scene) -> None:
    services.outbox_queue(
        cycle=opened.cycle, owner_ids=[opened.owner.pk], kind="request", now=OPENED
    )
    assert Outbox.objects.filter(owner=opened.owner, kind="request").count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Outbox.objects.create(
            organisation=opened.cycle.organisation,
            cycle=opened.cycle,
            owner=opened.owner,
            kind="request",
            created_at=OPENED,
        )


def test_a_crash_mid_send_resends_at_most_the_row_in_flight(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    rows = list(Outbox.objects.order_by("id"))
    # The worker died after claiming the first row: maybe sent, never marked.
    crashed_at = OPENED
    Outbox.objects.filter(pk=rows[0].pk).update(status="sending", claimed_at=crashed_at)
    Outbox.objects.filter(pk=rows[1].pk).update(status="sent", sent_at=crashed_at)
    restart = crashed_at + STALE_AFTER + dt.timedelta(seconds=1)
    assert outbox_send(now=restart) == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([rows[0].owner.email, rows[2].owner.email])
    assert set(Outbox.objects.values_list("status", flat=True)) == {"sent"}


def test_a_row_still_being_sent_by_another_worker_is_left_alone(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    first = Outbox.objects.order_by("id").first()
    assert first is not None
    Outbox.objects.filter(pk=first.pk).update(status="sending", claimed_at=OPENED)
    assert outbox_send(now=OPENED + dt.timedelta(minutes=1)) == 2
    assert first.owner.email not in [m.to[0] for m in mailoutbox]


def test_an_owner_without_an_email_address_fails_without_blocking_others(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    opened.holder.email = ""
    opened.holder.save()
    assert outbox_send(now=OPENED) == 2
    failed = Outbox.objects.get(owner=opened.holder)
    assert failed.status == "failed"
    assert "no email address" in failed.last_error


def test_reminders_go_out_at_the_configured_offsets_to_those_yet_to_answer(
    opened: Scene, officer: User
) -> None:
    plans.action_update_add(
        action=opened.through_post,
        as_at=DEADLINE - dt.timedelta(days=20),
        position="Done",
        author=opened.holder,
        by=None,
    )
    assert reminders_due(now=_day(-8)) == 0
    assert reminders_due(now=_day(-7)) == 2
    assert _kinds() == [
        ("reminder_before", "Olive Owner", -7),
        ("reminder_before", "Uma Updater", -7),
    ]
    assert reminders_due(now=_day(-7)) == 0  # idempotent
    assert reminders_due(now=_day(-1)) == 2
    assert reminders_due(now=_day(0)) == 0
    assert reminders_due(now=_day(1)) == 1  # only the officer's digest
    assert reminders_due(now=_day(2)) == 0
    assert reminders_due(now=_day(3)) == 2
    assert ("reminder_after", "Olive Owner", 3) in _kinds()


def test_a_worker_down_for_days_queues_only_the_latest_reminder(opened: Scene) -> None:
    reminders_due(now=_day(0))
    assert {k[2] for k in _kinds()} == {-1}


def test_reminders_stop_when_the_links_expire_or_the_cycle_closes(
    opened: Scene, officer: User
) -> None:
    services.cycle_close(cycle=opened.cycle, by=officer, now=_day(-2))
    assert reminders_due(now=_day(-1)) == 0


def test_reminder_and_digest_emails_say_what_they_are(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    outbox_send(now=OPENED)
    reminders_due(now=_day(3))
    assert outbox_send(now=_day(3)) == 4
    subjects = {m.to[0]: m.subject for m in mailoutbox[3:]}
    assert subjects["olive@example.org"].startswith("Overdue")
    digest = next(m for m in mailoutbox if "not yet updated" in m.subject)
    assert "Olive Owner: 0 of 1 items" in digest.body


def test_the_scheduled_task_queues_and_sends(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: _day(-7))
    assert run_outbox() == "queued 3, sent 6"
    assert run_outbox() == "queued 0, sent 0"
    assert len(mailoutbox) == 6


def test_a_delegate_is_copied_in_so_they_can_answer_for_the_owner(
    opened: Scene, mailoutbox: list[mail.EmailMultiAlternatives]
) -> None:
    deputy = Person.objects.create(
        organisation=opened.owner.organisation, name="Dee Deputy", email="dee@example.org"
    )
    Delegation.objects.create(
        delegator=opened.owner, delegate=deputy, start_date=OPENED.date() - dt.timedelta(days=1)
    )
    outbox_send(now=OPENED)
    olive = next(m for m in mailoutbox if m.to == ["olive@example.org"])
    assert olive.cc == ["dee@example.org"]
    assert all(m.cc == [] for m in mailoutbox if m is not olive)
