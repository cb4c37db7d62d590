"""Reads for cycles. Each list is a fixed number of queries whatever its length."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from stocktake.accounts.models import Person, PostHolding
from stocktake.core.periods import Period
from stocktake.indicators.models import Indicator, Measurement
from stocktake.indicators.selectors import due_period
from stocktake.plans.models import Action, ActionOwner, ProgressUpdate, UpdateState
from stocktake.risks.models import Risk, RiskReview

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


# Who may answer for one item: (item id, ActionOwner kind, person id, post id).
Claim = tuple[int, str, int | None, int | None]


@dataclass(frozen=True)
class Ask:
    """One thing to ask for in a cycle, and the people who answer for it."""

    kind: str
    item_id: int
    people: frozenset[int]
    period: Period | None = None


def answerers(action_ids: list[int], when: dt.date) -> dict[int, set[int]]:
    """Who answers for each action: its updaters, else its accountable owners."""
    claims: list[Claim] = list(
        ActionOwner.objects.filter(action_id__in=action_ids, organisation__isnull=True)
        .order_by()
        .values_list("action_id", "kind", "person_id", "post_id")
    )
    return _resolve(action_ids, claims, when)


def _resolve(item_ids: list[int], claims: list[Claim], when: dt.date) -> dict[int, set[int]]:
    """Updaters, else accountable owners, for each item.

    A post answers through whoever holds it on the day; people who have left are skipped,
    so an item whose only owner has gone falls to the next in line or to nobody. Two
    queries whatever the number of items.
    """
    post_ids = {post for *_, post in claims if post is not None}
    holders: dict[int, set[int]] = defaultdict(set)
    held = PostHolding.objects.held_on(when).filter(post_id__in=post_ids)
    for holding_post, holder in held.values_list("post", "person"):
        holders[holding_post].add(holder)
    by_kind: dict[tuple[int, str], set[int]] = defaultdict(set)
    for item_id, kind, person_id, post_id in claims:
        people = {person_id} if person_id is not None else holders.get(post_id or 0, set())
        by_kind[(item_id, kind)] |= people
    everyone = set().union(*by_kind.values()) if by_kind else set()
    present = set(
        Person.objects.filter(pk__in=everyone)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=when))
        .values_list("pk", flat=True)
    )
    found: dict[int, set[int]] = {}
    for item_id in item_ids:
        updaters = by_kind.get((item_id, ActionOwner.Kind.UPDATER), set()) & present
        owners = by_kind.get((item_id, ActionOwner.Kind.ACCOUNTABLE), set()) & present
        found[item_id] = updaters or owners
    return found


def indicators_due(cycle: ReportingCycle) -> dict[int, Period]:
    """Indicators in scope still without a value for the latest period ended when the cycle
    opens (last quarter for quarterly ones, last month, last financial year).

    Calculated indicators work themselves out and survey-based ones have no rhythm, so
    neither is asked for.
    """
    indicators = (
        Indicator.objects.filter(organisation_id=cycle.organisation_id, definition__formula="")
        .exclude(definition__frequency__in=["survey", "biennial"])
        .order_by()
    )
    if cycle.plan_id is not None:
        indicators = indicators.filter(plan_id=cycle.plan_id)
    due: dict[int, Period] = {}
    for pk, frequency in indicators.values_list("pk", "definition__frequency"):
        period = due_period(frequency, cycle.opens_on)
        if period is not None:
            due[pk] = period
    entered = set(
        Measurement.objects.filter(
            indicator_id__in=due, period_start__in={p.start for p in due.values()}
        ).values_list("indicator_id", "period_start", "period_end")
    )
    return {pk: p for pk, p in due.items() if (pk, p.start, p.end) not in entered}


def risks_due(cycle: ReportingCycle) -> list[int]:
    """Open risks in scope whose review falls due by the deadline, or never reviewed."""
    risks = Risk.objects.filter(
        organisation_id=cycle.organisation_id, status=Risk.Status.OPEN
    ).filter(
        Q(last_reviewed_on__isnull=True)
        | Q(review_due_on__isnull=True)
        | Q(review_due_on__lte=cycle.deadline)
    )
    if cycle.plan_id is not None:
        risks = risks.filter(plan_id=cycle.plan_id)
    return list(risks.order_by().values_list("pk", flat=True))


def items_to_ask(cycle: ReportingCycle, when: dt.date) -> list[Ask]:
    """Everything the cycle asks for, with who answers: a fixed number of queries."""
    action_ids = list(actions_in_scope(cycle).order_by().values_list("pk", flat=True))
    asks = [
        Ask(RequestItem.Kind.ACTION, pk, frozenset(people))
        for pk, people in answerers(action_ids, when).items()
    ]
    values = indicators_due(cycle)
    updater = Indicator.updaters.through.objects.filter(indicator_id__in=values)
    claims: list[Claim] = [
        (i, ActionOwner.Kind.UPDATER, person, None)
        for i, person in updater.values_list("indicator_id", "person_id")
    ]
    claims += [
        (pk, ActionOwner.Kind.ACCOUNTABLE, person, post)
        for pk, person, post in Indicator.objects.filter(pk__in=values)
        .order_by()
        .values_list("pk", "owner_person_id", "owner_post_id")
    ]
    asks += [
        Ask(RequestItem.Kind.INDICATOR, pk, frozenset(people), values[pk])
        for pk, people in _resolve(list(values), claims, when).items()
    ]
    risk_ids = risks_due(cycle)
    owners: list[Claim] = [
        (pk, ActionOwner.Kind.ACCOUNTABLE, person, post)
        for pk, person, post in Risk.objects.filter(pk__in=risk_ids)
        .order_by()
        .values_list("pk", "owner_person_id", "owner_post_id")
    ]
    asks += [
        Ask(RequestItem.Kind.RISK, pk, frozenset(people))
        for pk, people in _resolve(risk_ids, owners, when).items()
    ]
    return asks


# An update can describe the position at the end of the quarter being reported, before the
# cycle opened; anything dated further back (history brought in by an import) is not an answer.
LOOK_BACK = dt.timedelta(days=92)


def _answered_items(cycle: ReportingCycle) -> QuerySet[RequestItem]:
    """Items answered in this cycle: a position or review entered while the cycle was open,
    dated within its period, and not returned; or the asked-for period's value.

    Imports and move-ins bring in history under today's creation time but with its own
    as-at dates, so the as-at date keeps an old note from counting as this cycle's answer.
    """
    since = cycle.opened_at
    window: dict[str, object] = {
        "created_at__gte": since,
        "as_at__gte": cycle.opens_on - LOOK_BACK,
        "as_at__lte": cycle.deadline + dt.timedelta(days=cycle.grace_days),
    }
    if cycle.closed_at is not None:
        window["created_at__lte"] = cycle.closed_at
    updated = ProgressUpdate.objects.filter(action=OuterRef("action"), **window).exclude(
        state=UpdateState.RETURNED
    )
    valued = Measurement.objects.filter(
        indicator=OuterRef("indicator"),
        period_start=OuterRef("period_start"),
        period_end=OuterRef("period_end"),
        updated_at__gte=since,
    )
    reviewed = RiskReview.objects.filter(risk=OuterRef("risk"), **window)
    return RequestItem.objects.filter(Exists(updated) | Exists(valued) | Exists(reviewed))


def requests_with_progress(cycle: ReportingCycle) -> QuerySet[CycleRequest]:
    """Each request with `item_count`, `answered_count` and, through `state_of`, its state;
    by owner's name (a grouped query does not keep the model's ordering)."""
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
        .order_by("owner__name", "id")
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


def _item_order(item: RequestItem) -> tuple[int, str, int, str]:
    if item.action is not None:
        return (0, item.action.plan.title, item.action.position, "")
    if item.indicator is not None:
        return (1, item.indicator.definition.code, item.indicator.position, "")
    assert item.risk is not None
    return (2, item.risk.ref, 0, item.risk.title)


def items_by_owner(cycle: ReportingCycle, owner_ids: list[int]) -> dict[int, list[RequestItem]]:
    """Each owner's items in the cycle, actions then indicators then risks: one query."""
    found: dict[int, list[RequestItem]] = defaultdict(list)
    items = RequestItem.objects.filter(
        request__cycle=cycle, request__owner_id__in=owner_ids
    ).select_related(
        "request", "action__plan", "indicator__definition", "risk__matrix", "risk__plan"
    )
    for item in sorted(items, key=lambda item: (_item_order(item), item.pk)):
        found[item.request.owner_id].append(item)
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


def returned_updates(cycle: ReportingCycle, action_ids: list[int]) -> dict[int, ProgressUpdate]:
    """For each action, its update returned in this cycle, unless something was entered since."""
    later = (
        ProgressUpdate.objects.filter(action=OuterRef("action"))
        .filter(
            Q(created_at__gt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk"))
        )
        .exclude(state=UpdateState.RETURNED)
    )
    returned = ProgressUpdate.objects.filter(
        action_id__in=action_ids, state=UpdateState.RETURNED, created_at__gte=cycle.opened_at
    ).filter(~Exists(later))
    return {u.action_id: u for u in returned.order_by("created_at", "id")}


def locks_on_items(items: list[RequestItem], today: dt.date) -> dict[int, ReportingCycle]:
    """The locked cycle, if any, that makes a change to each item need a reason: for an
    action, one whose period contains today; for an indicator, the earliest that had the
    asked-for period (as `hooks` decides for one item). One query."""
    if not items:
        return {}
    locked = list(
        ReportingCycle.objects.filter(
            organisation_id=items[0].request.organisation_id, locked_at__isnull=False
        ).order_by("deadline", "id")
    )
    found: dict[int, ReportingCycle] = {}
    for item in items:
        thing = item.action or item.indicator
        if thing is None:
            continue
        covering = [c for c in locked if c.plan_id in (None, thing.plan_id)]
        if item.action is not None:
            during = [c for c in covering if c.opens_on <= today <= c.deadline]
            lock = during[-1] if during else None
        else:
            assert item.period_end is not None
            lock = next((c for c in covering if c.opens_on > item.period_end), None)
        if lock is not None:
            found[item.pk] = lock
    return found
