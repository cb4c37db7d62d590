"""Reads for the management pages, each a fixed number of queries whatever the row count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action

from .models import AccessPoint, Channel, OpeningException
from .models_feedback import Method, ServiceStandard, ShoppingCheck, ShoppingExercise
from .servicelist import SERVICES


def managed_access_points(organisation: Organisation) -> QuerySet[AccessPoint]:
    """Current points first, then retired ones, each with its number of weekly sessions."""
    return (
        AccessPoint.objects.filter(organisation=organisation)
        .annotate(session_count=Count("sessions"))
        .order_by(F("retired_on").desc(nulls_first=True), "name")
    )


def upcoming_exceptions(point: AccessPoint, today: dt.date) -> QuerySet[OpeningException]:
    return point.exceptions.filter(date__gte=today - dt.timedelta(days=31)).order_by("date")


def managed_standards(organisation: Organisation) -> QuerySet[ServiceStandard]:
    return (
        ServiceStandard.objects.filter(organisation=organisation)
        .select_related("indicator__definition")
        .annotate(check_count=Count("checks"))
        .order_by("position", "id")
    )


def indicator_choices(organisation: Organisation) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(organisation=organisation)
        .select_related("definition")
        .order_by("definition__code", "definition__title")
    )


def exercises(organisation: Organisation) -> QuerySet[ShoppingExercise]:
    return (
        ShoppingExercise.objects.filter(organisation=organisation)
        .select_related("peer")
        .annotate(made=Count("checks"), met=Count("checks", filter=Q(checks__met=True)))
        .order_by("-start", "name")
    )


def exercise_checks(exercise: ShoppingExercise) -> QuerySet[ShoppingCheck]:
    return (
        exercise.checks.select_related("standard")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.select_related("plan")))
        .order_by("done_on", "created_at")
    )


def exercise_actions(exercise: ShoppingExercise) -> QuerySet[Action]:
    return exercise.actions.select_related("plan").order_by("plan__title", "position")


def action_choices(organisation: Organisation) -> QuerySet[Action]:
    return (
        Action.objects.filter(organisation=organisation)
        .select_related("plan")
        .order_by("plan__title", "position")
    )


@dataclass
class Result:
    name: str
    made: int = 0
    met: int = 0
    scored: int = 0
    score_sum: int = 0

    @property
    def met_percent(self) -> int | None:
        return round(self.met * 100 / self.made) if self.made else None

    @property
    def average_score(self) -> int | None:
        """The mean of the scores given; checks not scored do not count."""
        return round(self.score_sum / self.scored) if self.scored else None

    def add(self, row: dict[str, Any]) -> None:
        self.made += row["made"]
        self.met += row["met"]
        self.scored += row["scored"]
        self.score_sum += row["score_sum"] or 0


@dataclass
class Results:
    by_channel: list[Result]
    by_service: list[Result]
    by_method: list[Result]
    total: Result


def _sorted(results: Iterable[Result]) -> list[Result]:
    return sorted(results, key=lambda r: r.name)


def exercise_results(exercise: ShoppingExercise) -> Results:
    """Checks met and made, and average scores, by channel, service and method, from one
    grouped query."""
    rows = (
        ShoppingCheck.objects.filter(exercise=exercise)
        .values("channel", "service_code", "method")
        .annotate(
            made=Count("pk"),
            met=Count("pk", filter=Q(met=True)),
            scored=Count("score"),
            score_sum=Sum("score"),
        )
        .order_by()
    )
    channels, services, methods = dict(Channel.choices), dict(SERVICES), dict(Method.choices)
    by_channel: dict[str, Result] = {}
    by_service: dict[str, Result] = {}
    by_method: dict[str, Result] = {}
    total = Result("All checks")
    for row in rows:
        channel = channels.get(row["channel"], row["channel"])
        service = services.get(row["service_code"], row["service_code"] or "Not recorded")
        method = methods.get(row["method"], row["method"])
        for key, table in ((channel, by_channel), (service, by_service), (method, by_method)):
            table.setdefault(key, Result(key)).add(row)
        total.add(row)
    return Results(
        _sorted(by_channel.values()),
        _sorted(by_service.values()),
        _sorted(by_method.values()),
        total,
    )
