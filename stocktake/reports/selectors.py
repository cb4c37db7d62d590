"""Reads for reports: the actions of the chosen plans as at a date, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from stocktake.accounts.models import Unit
from stocktake.plans.models import Action, Plan
from stocktake.plans.selectors import owners_prefetch

from .summaries import year_of

STALE_DAYS = 90


@dataclass
class Spec:
    """A report definition, saved or not: what to show, as at when, compared with when."""

    plans: list[Plan]
    layout: str
    as_at: dt.date
    compare_on: dt.date | None = None
    title: str = ""
    exceptions: list[str] = field(default_factory=list)
    unit: Unit | None = None
    owner: str = ""  # a person's uuid
    group_by: str = "section"
    stale_days: int = STALE_DAYS
    include: list[str] = field(default_factory=list)  # Extra values: summaries to add
    summary_year: int | None = None  # financial year of the summaries; None: as_at's

    @property
    def year(self) -> int:
        """The summaries' financial year: chosen, or the one containing the as-at date."""
        if self.summary_year is not None:
            return self.summary_year
        return year_of(self.as_at)


def _exceptions(spec: Spec) -> Q:
    """Exception filters add up: an item shows if it is any of the chosen kinds of trouble."""
    found = Q()
    stale_before = spec.as_at - dt.timedelta(days=spec.stale_days)
    parts = {
        "red": Q(rag_shown="red"),
        "behind": Q(rag_shown__in=("red", "amber")) | Q(status_shown="on_hold"),
        "overdue": Q(is_overdue=True),
        "stale": ~Q(status_shown__in=("complete", "superseded", "transferred", "cancelled"))
        & (Q(last_update_as_at__isnull=True) | Q(last_update_as_at__lt=stale_before)),
    }
    for name in spec.exceptions:
        found |= parts[name]
    return found


def report_actions(spec: Spec, *, today: dt.date) -> QuerySet[Action]:
    if not spec.plans:
        return Action.objects.none()
    organisation_id = spec.plans[0].organisation_id
    qs = (
        Action.objects.filter(organisation_id=organisation_id, plan__in=spec.plans)
        .as_at(spec.as_at, today=today)
        .select_related(
            "plan", "section", "unit", "plan__unit", "plan__portfolio", "plan__committee"
        )
        .prefetch_related(owners_prefetch(today))
        .order_by("plan__title", "plan_id", "position", "id")
    )
    if spec.group_by == "priority":
        qs = qs.prefetch_related("priorities", "section__priorities")
    if spec.exceptions:
        qs = qs.filter(_exceptions(spec))
    if spec.unit is not None:
        below = Unit.objects.descendants(spec.unit, include_self=True)
        qs = qs.filter(Q(unit__in=below) | Q(unit__isnull=True, plan__unit__in=below))
    if spec.owner:
        qs = qs.filter(ownerships__person__uuid=spec.owner).distinct()
    return qs


def earlier_positions(spec: Spec, *, today: dt.date) -> dict[int, dict[str, Any]]:
    """Each action's last update, status and RAG as at the comparison date, in one query."""
    if spec.compare_on is None or not spec.plans:
        return {}
    rows = (
        Action.objects.filter(organisation_id=spec.plans[0].organisation_id, plan__in=spec.plans)
        .as_at(spec.compare_on, today=today)
        .values(  # type: ignore[misc]
            "pk",
            "last_update_as_at",
            "last_update_position",
            "last_update_future",
            "rag_shown",
            "status_shown",
        )
    )
    return {row["pk"]: row for row in rows}
