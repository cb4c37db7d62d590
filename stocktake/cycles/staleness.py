"""How stale an item is: days since its latest update and closed cycles it was not updated in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef

from stocktake.plans.models import ProgressUpdate, UpdateState

from .models import ReportingCycle, RequestItem


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
