"""Reminders and the outbox. Time is passed in, never read or slept, so tests control it.

Delivery is at-least-once with a window of one message per worker. Each row is claimed
(pending → sending) in its own committed write before the email goes out, and marked sent
in another write straight after. If the process dies between handing the email to the mail
server and marking it sent, that one row stays "sending"; once it is older than
STALE_AFTER the next run sends it again, so its owner may get that email twice. Rows not yet
claimed are untouched by a crash and go out on the next run; rows marked sent never go again.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from stocktake.accounts.models import Delegation, Person

from . import links, selectors
from .models import Outbox, ReportingCycle, UpdateLink
from .services import outbox_queue

log = logging.getLogger(__name__)

# Longer than a task may run (Q_CLUSTER timeout), so a row still being sent is never taken.
STALE_AFTER = dt.timedelta(minutes=15)
MAX_ATTEMPTS = 5


def reminders_due(*, now: dt.datetime) -> int:
    """Queue the reminders whose day has come, for owners yet to answer every item.

    Only the latest offset passed on each side of the deadline is queued, so a worker that
    was down for a week sends one reminder, not a burst. Once the deadline has passed, the
    officer who opened the cycle gets one digest of who has not responded. Idempotent.
    """
    queued = 0
    for cycle in ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN):
        due = _due_messages(cycle, now)
        if not due:
            continue
        waiting = selectors.not_fully_responded(cycle)
        before = Outbox.objects.filter(cycle=cycle).count()
        for kind, offset in due:
            owners = _digest_reader(cycle) if kind == Outbox.Kind.DIGEST else waiting
            outbox_queue(cycle=cycle, owner_ids=owners, kind=kind, now=now, offset=offset)
        queued += Outbox.objects.filter(cycle=cycle).count() - before
    return queued


def _due_messages(cycle: ReportingCycle, now: dt.datetime) -> list[tuple[str, int]]:
    today = timezone.localdate(now)
    passed = [o for o in cycle.reminder_offsets if cycle.deadline + dt.timedelta(days=o) <= today]
    before = [o for o in passed if o < 0]
    after = [o for o in passed if o > 0]
    due: list[tuple[str, int]] = []
    if before and today <= cycle.deadline:
        due.append((Outbox.Kind.REMINDER_BEFORE, max(before)))
    if after and now < links.expiry_for(cycle):
        due.append((Outbox.Kind.REMINDER_AFTER, max(after)))
    if today > cycle.deadline:
        due.append((Outbox.Kind.DIGEST, 0))
    return due


def _digest_reader(cycle: ReportingCycle) -> list[int]:
    if cycle.opened_by is None:
        return []
    return list(Person.objects.filter(user=cycle.opened_by).values_list("pk", flat=True)[:1])


def _claimable(now: dt.datetime) -> Q:
    stale = now - STALE_AFTER
    return Q(status=Outbox.Status.PENDING) | Q(status=Outbox.Status.SENDING, claimed_at__lt=stale)


def _claim(row_id: int, now: dt.datetime) -> bool:
    return (
        Outbox.objects.filter(_claimable(now), pk=row_id).update(
            status=Outbox.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        == 1
    )


def outbox_send(*, now: dt.datetime, limit: int = 200) -> int:
    """Send up to `limit` queued emails, oldest first. Returns how many went."""
    rows = list(
        Outbox.objects.filter(_claimable(now))
        .select_related("cycle", "owner", "progress_update__action")
        .order_by("id")[:limit]
    )
    sent = 0
    for row in rows:
        if not _claim(row.pk, now):
            continue  # another worker took it
        try:
            message = build_message(row, now)
            message.send()
        except Exception as error:  # the mail server's failures are many; record and retry
            log.warning("outbox %s not sent: %s", row.pk, error)
            failed = row.attempts + 1 >= MAX_ATTEMPTS or isinstance(error, NotSendable)
            Outbox.objects.filter(pk=row.pk).update(
                status=Outbox.Status.FAILED if failed else Outbox.Status.PENDING,
                last_error=str(error)[:300],
            )
            continue
        Outbox.objects.filter(pk=row.pk).update(status=Outbox.Status.SENT, sent_at=now)
        sent += 1
    return sent


class NotSendable(Exception):
    """The message can never go (no address, link revoked): retrying would not help."""


def build_message(row: Outbox, now: dt.datetime) -> EmailMultiAlternatives:
    owner, cycle = row.owner, row.cycle
    if not owner.email:
        raise NotSendable(f"{owner} has no email address")
    context: dict[str, object] = {"owner": owner, "cycle": cycle, "kind": row.kind}
    if row.kind == Outbox.Kind.DIGEST:
        requests = list(selectors.requests_with_progress(cycle))
        context["waiting"] = [r for r in requests if selectors.state_of(r) != selectors.RESPONDED]
        context["counts"] = selectors.dashboard_counts(requests)
        template = "digest"
        subject = f"{cycle.name}: who has not yet updated"
    else:
        link = (
            UpdateLink.objects.filter(cycle=cycle, owner=owner, revoked_at__isnull=True)
            .order_by("-id")
            .first()
        )
        live = link is not None and link.expires_at > now
        if row.kind == Outbox.Kind.RETURNED:
            # The owner is told even when their link no longer works: they can sign in.
            context["update"] = row.progress_update
            template = "returned"
            subject = f"{cycle.name}: your update was returned"
        elif link is None:
            raise NotSendable("the owner's link was revoked")
        elif not live:
            raise NotSendable("the owner's link has expired")
        else:
            context["items"] = selectors.items_by_owner(cycle, [owner.pk])[owner.pk]
            template = "request"
            subject = _subject(row.kind, cycle)
        if link is not None and live:
            context["url"] = links.link_url(link)
            context["works_until"] = links.last_day(link.expires_at)
    text = render_to_string(f"cycles/email/{template}.txt", context)
    html = render_to_string(f"cycles/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [owner.email], cc=_delegates(row, now)
    )
    message.attach_alternative(html, "text/html")
    return message


def _delegates(row: Outbox, now: dt.datetime) -> list[str]:
    """Whoever may act for the owner today is copied in, to answer on the owner's behalf."""
    if row.kind == Outbox.Kind.DIGEST:
        return []
    found = Delegation.objects.active_on(timezone.localdate(now))
    emails = found.filter(delegator=row.owner).values_list("delegate__email", flat=True)
    return sorted({email for email in emails if email})


def _subject(kind: str, cycle: ReportingCycle) -> str:
    deadline = f"{cycle.deadline:%-d %B %Y}"
    if kind == Outbox.Kind.REMINDER_BEFORE:
        return f"Reminder: {cycle.name} updates are due by {deadline}"
    if kind == Outbox.Kind.REMINDER_AFTER:
        return f"Overdue: {cycle.name} updates were due on {deadline}"
    return f"Please update your items for {cycle.name} by {deadline}"
