"""Reads for the risk and equality pages, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Prefetch, QuerySet, Value, When

from stocktake.accounts.models import Organisation, PostHolding
from stocktake.accounts.selectors import AnyUser
from stocktake.plans.models import Action

from .access import visible_assessments, visible_risks
from .equality import EqualityAssessment
from .models import Risk, ScoringMatrix
from .querysets import behind_actions

SORTS = {
    "score": ["-residual_score", "position", "id"],
    "review": ["review_due_on", "position", "id"],
    "ref": ["position", "id"],
}


def _holders(today: dt.date) -> Prefetch[Any]:
    held = PostHolding.objects.held_on(today).select_related("person")
    return Prefetch("owner_post__holdings", queryset=held, to_attr="current")


def register(
    user: AnyUser, organisation: Organisation, *, today: dt.date, filters: dict[str, Any]
) -> QuerySet[Risk]:
    """The organisation's risks the user may see, filtered and sorted as the page asks."""
    risks = (
        Risk.objects.for_organisation(organisation.pk)
        .filter(visible_risks(user))
        .select_related("plan", "unit", "matrix", "owner_person", "owner_post", "parent")
        .prefetch_related(_holders(today))
        .annotate(
            action_count=Count("mitigating_actions", distinct=True),
            behind_count=Count(
                "mitigating_actions",
                filter=behind_actions(today, prefix="mitigating_actions__"),
                distinct=True,
            ),
        )
    )
    if filters.get("status"):
        risks = risks.filter(status=filters["status"])
    if filters.get("owner"):
        risks = risks.filter(owner_person=filters["owner"])
    for name in ("plan", "unit"):
        if filters.get(name):
            risks = risks.filter(**{name: filters[name]})
    if filters.get("over_appetite"):
        risks = risks.over_appetite()
    if filters.get("review_overdue"):
        risks = risks.review_overdue(today)
    if filters.get("flagged"):
        risks = risks.exclude(flags=[])
    return risks.order_by(*SORTS.get(filters.get("sort") or "ref", SORTS["ref"]))


@dataclass(frozen=True)
class HeatMap:
    matrix: ScoringMatrix
    inherent: Counter[tuple[int, int]]
    residual: Counter[tuple[int, int]]


def heat_map(matrix: ScoringMatrix, risks: list[Risk]) -> HeatMap:
    """Counts of risks in each (likelihood, impact) cell, from rows already fetched."""
    inherent: Counter[tuple[int, int]] = Counter()
    residual: Counter[tuple[int, int]] = Counter()
    for risk in risks:
        if risk.matrix_id != matrix.pk:
            continue
        if risk.inherent_likelihood and risk.inherent_impact:
            inherent[(risk.inherent_likelihood, risk.inherent_impact)] += 1
        if risk.residual_likelihood and risk.residual_impact:
            residual[(risk.residual_likelihood, risk.residual_impact)] += 1
    return HeatMap(matrix, inherent, residual)


def risks_behind(user: AnyUser, organisation: Organisation, *, today: dt.date) -> QuerySet[Risk]:
    """Open risks with a mitigating action behind or overdue, each with those actions."""
    behind = Action.objects.filter(behind_actions(today)).select_related("plan")
    return (
        Risk.objects.for_organisation(organisation.pk)
        .open()
        .filter(visible_risks(user))
        .with_actions_behind(today)
        .select_related("matrix", "owner_person", "owner_post")
        .prefetch_related(Prefetch("mitigating_actions", queryset=behind, to_attr="behind"))
        .order_by("-residual_score", "position", "id")
    )


def programme(user: AnyUser, organisation: Organisation) -> QuerySet[EqualityAssessment]:
    order = {"high": 0, "medium": 1, "low": 2}
    rank = Case(
        *[When(priority=key, then=Value(n)) for key, n in order.items()],
        default=Value(3),
        output_field=IntegerField(),
    )
    return (
        EqualityAssessment.objects.filter(organisation=organisation)
        .filter(visible_assessments(user))
        .select_related("lead_person", "lead_post", "plan", "unit")
        .prefetch_related("characteristics", "actions")
        .annotate(rank=rank)
        .order_by("rank", "position", "id")
    )


def programme_summary(assessments: list[EqualityAssessment]) -> list[dict[str, Any]]:
    """Counts by priority and status for the top of the programme page."""
    rows = []
    for priority, label in [*EqualityAssessment.Priority.choices, ("", "Not prioritised")]:
        mine = [a for a in assessments if a.priority == priority]
        if not mine:
            continue
        counts = Counter(a.status for a in mine)
        rows.append(
            {
                "label": label,
                "total": len(mine),
                "counts": [counts.get(s, 0) for s in EqualityAssessment.Status.values],
            }
        )
    return rows
