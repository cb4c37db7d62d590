"""Every write to cycles goes through here, inside a transaction, recording who did it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation, Person
from stocktake.core.periods import Period
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.indicators import services as indicators
from stocktake.plans import services as plans
from stocktake.plans.models import Plan
from stocktake.risks import services as risks

from . import links, rules, selectors
from .models import CycleRequest, Outbox, ReportingCycle, RequestItem, UpdateLink

BATCH = 500


@transaction.atomic
def cycle_create(
    *,
    organisation: Organisation,
    name: str,
    opens_on: dt.date,
    deadline: dt.date,
    by: Actor,
    plan: Plan | None = None,
    reminder_offsets: list[int] | None = None,
    **fields: Any,
) -> ReportingCycle:
    rules.deadline_not_before_opening(opens_on, deadline)
    rules.committee_not_before_deadline(deadline, fields.get("committee_on"))
    offsets = [-7, -1, 3] if reminder_offsets is None else reminder_offsets
    rules.offsets_are_days(offsets)
    rules.offsets_once(offsets)
    cycle = ReportingCycle(
        organisation=organisation,
        plan=plan,
        name=name,
        opens_on=opens_on,
        deadline=deadline,
        reminder_offsets=sorted(offsets),
        **fields,
    )
    rules.plan_in_organisation(cycle)
    save_recorded(cycle, by)
    return cycle


@transaction.atomic
def cycle_open(*, cycle: ReportingCycle, by: Actor, now: dt.datetime, early: bool = False) -> int:
    """Ask every owner in scope for updates: one request, link and email each. Returns owners.

    Before its opening date a cycle opens only when `early` is given, and then its opening
    date moves to today (it decides which indicator period is asked for, and the period a
    lock covers). A cycle whose links would already have expired is not opened at all.

    Works in bulk (a fixed number of queries whatever the size) and in one transaction, so a
    failure leaves the cycle unopened with nothing queued.
    """
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    today = timezone.localdate(now)
    rules.cycle_opens_once(cycle)
    if early and today < cycle.opens_on:
        rules.deadline_not_before_opening(today, cycle.deadline)
        cycle.opens_on = today
    rules.cycle_opens_on_its_date(cycle, today)
    rules.cycle_links_still_work(cycle, links.expiry_for(cycle), now)
    asks = selectors.items_to_ask(cycle, today)
    by_owner: dict[int, list[selectors.Ask]] = defaultdict(list)
    for ask in asks:
        for person_id in ask.people:
            by_owner[person_id].append(ask)
    owner_ids = sorted(by_owner)
    requests = CycleRequest.objects.bulk_create(
        [
            CycleRequest(organisation_id=cycle.organisation_id, cycle=cycle, owner_id=owner_id)
            for owner_id in owner_ids
        ],
        batch_size=BATCH,
    )
    RequestItem.objects.bulk_create(
        [_item(request, ask) for request in requests for ask in by_owner[request.owner_id]],
        batch_size=BATCH,
    )
    expires_at = links.expiry_for(cycle)
    new_links = [_new_link(cycle, owner_id, expires_at) for owner_id in owner_ids]
    UpdateLink.objects.bulk_create(new_links, batch_size=BATCH)
    outbox_queue(cycle=cycle, owner_ids=owner_ids, kind=Outbox.Kind.REQUEST, now=now)
    cycle.status = ReportingCycle.Status.OPEN
    cycle.opened_at = now
    cycle.opened_by = acting_user(by)
    cycle.unassigned_count = sum(1 for ask in asks if not ask.people)
    save_recorded(cycle, by)
    return len(owner_ids)


def _item(request: CycleRequest, ask: selectors.Ask) -> RequestItem:
    item = RequestItem(request=request)
    if ask.kind == RequestItem.Kind.ACTION:
        item.action_id = ask.item_id
    elif ask.kind == RequestItem.Kind.RISK:
        item.risk_id = ask.item_id
    else:
        assert ask.period is not None
        item.indicator_id = ask.item_id
        period = ask.period
        item.period_label, item.period_kind = period.label, period.kind
        item.period_start, item.period_end = period.start, period.end
    return item


def outbox_queue(
    *, cycle: ReportingCycle, owner_ids: list[int], kind: str, now: dt.datetime, offset: int = 0
) -> None:
    """Queue one email per owner; a message already queued is left alone (so retries are safe)."""
    Outbox.objects.bulk_create(
        [
            Outbox(
                organisation_id=cycle.organisation_id,
                cycle=cycle,
                owner_id=owner_id,
                kind=kind,
                offset_days=offset,
                created_at=now,
            )
            for owner_id in owner_ids
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


@transaction.atomic
def cycle_close(*, cycle: ReportingCycle, by: Actor, now: dt.datetime) -> ReportingCycle:
    """Close the cycle: its links stop working and no more reminders go out."""
    rules.cycle_closes_when_open(cycle)
    cycle.status = ReportingCycle.Status.CLOSED
    cycle.closed_at = now
    save_recorded(cycle, by)
    Outbox.objects.filter(
        cycle=cycle,
        status=Outbox.Status.PENDING,
        kind__in=[Outbox.Kind.REMINDER_BEFORE, Outbox.Kind.REMINDER_AFTER],
    ).delete()
    return cycle


@transaction.atomic
def cycle_lock(*, cycle: ReportingCycle, by: Actor, now: dt.datetime) -> ReportingCycle:
    """Lock the period: from now on updates dated inside it need a recorded reason."""
    rules.cycle_locks_when_closed(cycle)
    rules.cycle_locks_after_committee(cycle, timezone.localdate(now))
    cycle.locked_at = now
    cycle.locked_by = acting_user(by)
    save_recorded(cycle, by)
    return cycle


def _new_link(cycle: ReportingCycle, owner_id: int, expires_at: dt.datetime) -> UpdateLink:
    """An owner's link, its token's hash set (the token itself is never stored)."""
    link = UpdateLink(
        organisation_id=cycle.organisation_id, cycle=cycle, owner_id=owner_id, expires_at=expires_at
    )
    link.token_hash = links.token_hash(links.token_for(link))
    return link


@transaction.atomic
def link_issue(*, cycle: ReportingCycle, owner: Person, now: dt.datetime) -> UpdateLink:
    """A new working link for one owner, for the performance officer to send themselves (their
    email failed or went astray, or the old link was revoked). Links already sent keep working
    unless revoked."""
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    rules.links_issued_while_open(cycle)
    rules.links_issued_before_expiry(links.expiry_for(cycle), now)
    asked = CycleRequest.objects.filter(cycle=cycle, owner=owner).exists()
    rules.links_issued_to_those_asked(asked, owner)
    link = _new_link(cycle, owner.pk, links.expiry_for(cycle))
    link.save()
    return link


@transaction.atomic
def link_revoke(*, cycle: ReportingCycle, owner: Person, by: Actor, now: dt.datetime) -> int:
    """Stop an owner's links for this cycle working (say, an email went to the wrong person)."""
    found = UpdateLink.objects.filter(cycle=cycle, owner=owner, revoked_at__isnull=True)
    return found.update(revoked_at=now, revoked_by=acting_user(by), updated_at=now)


@transaction.atomic
def updates_from_link(
    *, link: UpdateLink, entries: list[tuple[RequestItem, dict[str, Any]]], today: dt.date
) -> int:
    """Save an owner's answers from their link, all or none, only for items asked of them:
    positions of actions, values of indicators for the asked period, reviews of risks."""
    asked = set(
        RequestItem.objects.filter(
            request__cycle_id=link.cycle_id, request__owner_id=link.owner_id
        ).values_list("pk", flat=True)
    )
    if any(item.pk not in asked for item, _ in entries):
        raise PermissionError("This link cannot update that item")
    for item, data in entries:
        try:
            if item.action is not None:
                plans.action_update_add(
                    action=item.action,
                    as_at=today,
                    position=data["position"],
                    future_action=data.get("future_action", ""),
                    progress_status=data.get("progress_status", ""),
                    rag=data.get("rag", ""),
                    author=link.owner,
                    change_reason=data.get("change_reason", ""),
                    by=None,
                )
            elif item.indicator is not None:
                assert item.period_start is not None
                assert item.period_end is not None
                indicators.measurement_record(
                    indicator=item.indicator,
                    period=Period(
                        item.period_label, item.period_start, item.period_end, item.period_kind
                    ),
                    value=data["value"],
                    note=data.get("note", ""),
                    change_reason=data.get("change_reason", ""),
                    by=None,
                )
            else:
                assert item.risk is not None
                risks.risk_review_add(
                    risk=item.risk,
                    as_at=today,
                    likelihood=data["likelihood"],
                    impact=data["impact"],
                    note=data.get("note", ""),
                    mitigation=data.get("mitigation") or None,
                    reviewer=link.owner,
                    by=None,
                )
        except ValidationError as error:
            error.item = item.pk  # type: ignore[attr-defined]  # the item to show it on
            raise
    return len(entries)
