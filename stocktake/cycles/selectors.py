"""Reads for cycles. Each list is a fixed number of queries whatever its length."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from stocktake.accounts.models import Person, PostHolding
from stocktake.plans.models import Action, ActionOwner, ProgressUpdate, UpdateState

from .models import CycleRequest, Outbox, ReportingCycle, RequestItem

RESPONDED = "responded"
PARTLY = "partly"
NONE = "none"


def actions_in_scope(cycle: ReportingCycle) -> QuerySet[Action]:
    """Open actions of the cycle's plan, or of every plan of its organisation."""
    actions = Action.objects.filter(organisation_id=cycle.organisation_id).open()
    if cycle.plan_id is not None:
        actions = actions.filter(plan_id=cycle.plan_id)
    return actions


def answerers(action_ids: list[int], when: dt.date) -> dict[int, set[int]]:
    """Who answers for each action: its updaters, else its accountable owners.

    A post answers through whoever holds it on the day; people who have left are skipped,
    so an action whose only owner has gone falls to the next in line or to nobody. Three
    queries whatever the number of actions.
    """
    rows = list(
        ActionOwner.objects.filter(action_id__in=action_ids, organisation__isnull=True)
        .order_by()
        .values_list("action_id", "kind", "person_id", "post_id")
    )
    post_ids = {post for *_, post in rows if post is not None}
    holders: dict[int, set[int]] = defaultdict(set)
    for post_id, person_id in (
        PostHolding.objects.held_on(when).filter(post_id__in=post_ids).values_list("post", "person")
    ):
        holders[post_id].add(person_id)
    by_kind: dict[tuple[int, str], set[int]] = defaultdict(set)
    for action_id, kind, person_id, post_id in rows:
        people = {person_id} if person_id is not None else holders.get(post_id, set())
        by_kind[(action_id, kind)] |= people
    everyone = set().union(*by_kind.values()) if by_kind else set()
    present = set(
        Person.objects.filter(pk__in=everyone)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=when))
        .values_list("pk", flat=True)
    )
    found: dict[int, set[int]] = {}
    for action_id in action_ids:
        updaters = by_kind.get((action_id, ActionOwner.Kind.UPDATER), set()) & present
        owners = by_kind.get((action_id, ActionOwner.Kind.ACCOUNTABLE), set()) & present
        found[action_id] = updaters or owners
    return found


def _answered_items(cycle: ReportingCycle) -> QuerySet[RequestItem]:
    updated = ProgressUpdate.objects.filter(
        action=OuterRef("action"), created_at__gte=cycle.opened_at
    )
    return RequestItem.objects.filter(Exists(updated))


def requests_with_progress(cycle: ReportingCycle) -> QuerySet[CycleRequest]:
    """Each request with `item_count`, `answered_count` and, through `state_of`, its state."""
    answered = (
        _answered_items(cycle)
        .filter(request=OuterRef("pk"))
        .order_by()
        .values("request")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        CycleRequest.objects.filter(cycle=cycle)
        .select_related("owner")
        .annotate(
            item_count=Count("items"),
            answered_count=Coalesce(Subquery(answered, output_field=IntegerField()), Value(0)),
        )
    )


def state_of(request: CycleRequest) -> str:
    answered: int = getattr(request, "answered_count", 0)
    total: int = getattr(request, "item_count", 0)
    if total and answered >= total:
        return RESPONDED
    return PARTLY if answered else NONE


def not_fully_responded(cycle: ReportingCycle) -> list[int]:
    """Owner ids of requests with at least one item not yet updated in this cycle."""
    return [r.owner_id for r in requests_with_progress(cycle) if state_of(r) != RESPONDED]


def items_by_owner(cycle: ReportingCycle, owner_ids: list[int]) -> dict[int, list[Action]]:
    """Each owner's items in the cycle, with their plan: one query."""
    found: dict[int, list[Action]] = defaultdict(list)
    items = (
        RequestItem.objects.filter(request__cycle=cycle, request__owner_id__in=owner_ids)
        .select_related("action__plan", "request")
        .order_by("action__plan__title", "action__position", "action__id")
    )
    for item in items:
        found[item.request.owner_id].append(item.action)
    return found


def dashboard_counts(requests: list[CycleRequest]) -> dict[str, int]:
    counts = {RESPONDED: 0, PARTLY: 0, NONE: 0}
    for request in requests:
        counts[state_of(request)] += 1
    return counts


def outbox_counts(cycle: ReportingCycle) -> dict[str, int]:
    rows = Outbox.objects.filter(cycle=cycle).order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def provisional_updates(cycle: ReportingCycle) -> QuerySet[ProgressUpdate]:
    """Updates waiting for sign-off on the cycle's items, entered since it opened."""
    updates = ProgressUpdate.objects.filter(
        organisation_id=cycle.organisation_id, state=UpdateState.PROVISIONAL
    )
    if cycle.plan_id is not None:
        updates = updates.filter(action__plan_id=cycle.plan_id)
    if cycle.opened_at is not None:
        updates = updates.filter(created_at__gte=cycle.opened_at)
    return updates.select_related("action__plan", "author").order_by("created_at", "id")
