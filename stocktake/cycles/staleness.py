"""How stale an item is: days since its latest update and closed cycles it was not updated in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, QuerySet

from stocktake.accounts.models import Person
from stocktake.indicators.models import Measurement
from stocktake.plans.models import ProgressUpdate, UpdateState
from stocktake.risks.models import RiskReview

from .models import CycleRequest, ReportingCycle, RequestItem


@dataclass(frozen=True)
class Staleness:
    days: int | None  # since the latest update's as-at date; None when never updated
    missed: int

    def __str__(self) -> str:
        if self.days is None:
            said = "never updated"
        elif self.days == 0:
            said = "last updated today"
        else:
            said = f"last updated {self.days} day{'s' if self.days != 1 else ''} ago"
        if self.missed:
            said += f", {self.missed} cycle{'s' if self.missed != 1 else ''} missed"
        return said


def staleness_for(action_ids: Iterable[int], today: dt.date) -> dict[int, Staleness]:
    """Two queries whatever the number of actions. Returned updates do not count."""
    ids = list(action_ids)
    latest = dict(
        ProgressUpdate.objects.filter(action_id__in=ids)
        .exclude(state=UpdateState.RETURNED)
        .order_by()
        .values("action")
        .annotate(last=Max("as_at"))
        .values_list("action", "last")
    )
    # A closed cycle is missed when nothing was entered for the item while it was open.
    answered = ProgressUpdate.objects.filter(
        action=OuterRef("action"),
        created_at__gte=OuterRef("request__cycle__opened_at"),
        created_at__lte=OuterRef("request__cycle__closed_at"),
    ).exclude(state=UpdateState.RETURNED)
    missed = dict(
        RequestItem.objects.filter(
            action_id__in=ids, request__cycle__status=ReportingCycle.Status.CLOSED
        )
        .filter(~Exists(answered))
        .order_by()
        .values("action")
        .annotate(n=Count("request__cycle", distinct=True))
        .values_list("action", "n")
    )
    return {
        action_id: Staleness(
            days=(today - latest[action_id]).days if action_id in latest else None,
            missed=missed.get(action_id, 0),
        )
        for action_id in ids
    }


@dataclass(frozen=True)
class Silent:
    """An owner who has answered nothing in the latest closed cycles that asked them."""

    owner: Person
    cycles: int  # in a row, counting back from the latest
    last_cycle: ReportingCycle


def owners_silent(organisation_ids: Iterable[int], at_least: int = 2) -> list[Silent]:
    """Owners with nothing entered in their last `at_least` or more closed cycles, in a row.

    Two queries whatever the number of cycles and owners; the longest silences first.
    """
    item = RequestItem.objects.filter(request=OuterRef("pk"))
    answered = Exists(
        item.filter(
            _entered(ProgressUpdate.objects.all(), "action")
            | _entered(Measurement.objects.all(), "indicator", stamp="updated_at")
            | _entered(RiskReview.objects.all(), "risk")
        )
    )
    requests = (
        CycleRequest.objects.filter(
            organisation_id__in=list(organisation_ids),
            cycle__status=ReportingCycle.Status.CLOSED,
        )
        .annotate(answered=answered)
        .select_related("owner", "cycle")
        .order_by("owner_id", "-cycle__deadline", "-cycle_id")
    )
    found: list[Silent] = []
    for _, rows in groupby(requests, key=lambda r: r.owner_id):
        history = list(rows)
        streak = next((i for i, r in enumerate(history) if r.answered), len(history))
        if streak >= at_least:
            found.append(Silent(history[0].owner, streak, history[0].cycle))
    return sorted(found, key=lambda s: (-s.cycles, s.owner.name))


def _entered(rows: QuerySet[Any], field: str, stamp: str = "created_at") -> Exists:
    """Something entered for the request item's thing while the request's cycle was open."""
    return Exists(
        rows.filter(
            **{
                field: OuterRef(field),
                f"{stamp}__gte": OuterRef(OuterRef("cycle__opened_at")),
                f"{stamp}__lte": OuterRef(OuterRef("cycle__closed_at")),
            }
        )
    )
