"""Writes for the management pages: changing and retiring access points and their hours,
editing and deleting standards, correcting mystery shopping exercises and their checks, and
linking mystery shopping to the plan actions it leads to. Creation lives in services.py
(access_point_create, session_add, exception_set, standard_create, …)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, delete_recorded, save_recorded
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action

from . import rules, services
from .models import AccessPoint, OpeningException, OpeningSession
from .models_feedback import (
    ServiceStandard,
    ShoppingCheck,
    ShoppingExercise,
)

POINT_FIELDS = frozenset(
    {
        "code",
        "name",
        "kind",
        "address",
        "area_code",
        "accessibility",
        "always_open",
        "closed_on_bank_holidays",
        "holiday_region",
        "is_public",
    }
)


def _locked(point: AccessPoint) -> AccessPoint:
    # A fresh copy: a refused change must not leave the caller's instance half edited.
    return AccessPoint.objects.select_for_update().get(pk=point.pk)


@transaction.atomic
def access_point_update(*, access_point: AccessPoint, by: Actor, **fields: object) -> AccessPoint:
    unknown = set(fields) - POINT_FIELDS
    if unknown:
        raise TypeError(f"Access points have no editable {', '.join(sorted(unknown))}")
    point = _locked(access_point)
    code = fields.get("code", point.code)
    taken = AccessPoint.objects.filter(organisation_id=point.organisation_id, code=code)
    rules.code_unused(taken.exclude(pk=point.pk).exists())
    for name, value in fields.items():
        setattr(point, name, value)
    point.full_clean()
    save_recorded(point, by)
    return point


@transaction.atomic
def access_point_retire(*, access_point: AccessPoint, on: dt.date, by: Actor) -> AccessPoint:
    """Retired, never deleted: its contacts keep their reference, and it takes no new ones."""
    point = _locked(access_point)
    rules.not_retired(point.retired_on is not None)
    point.retired_on = on
    save_recorded(point, by)
    return point


@transaction.atomic
def access_point_reinstate(*, access_point: AccessPoint, by: Actor) -> AccessPoint:
    point = _locked(access_point)
    point.retired_on = None
    save_recorded(point, by)
    return point


@transaction.atomic
def session_remove(*, session: OpeningSession, by: Actor) -> None:
    delete_recorded(session, by)


@transaction.atomic
def exception_remove(*, exception: OpeningException, by: Actor) -> None:
    delete_recorded(exception, by)


@transaction.atomic
def standard_update(
    *,
    standard: ServiceStandard,
    title: str,
    channel: str,
    indicator: Indicator | None,
    is_published: bool,
    position: int,
    by: Actor,
) -> ServiceStandard:
    if indicator is not None:
        rules.same_council(indicator.organisation_id, standard.organisation_id, "indicator")
    found = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    found.title, found.channel, found.indicator = title, channel, indicator
    found.is_published, found.position = is_published, position
    found.full_clean()
    save_recorded(found, by)
    return found


@transaction.atomic
def exercise_actions_set(
    *, exercise: ShoppingExercise, actions: Sequence[Action], by: Actor
) -> None:
    """The plan actions an exercise led to: the council's own actions only."""
    for action in actions:
        rules.same_council(action.organisation_id, exercise.organisation_id, "actions")
    exercise.actions.set(actions)
    # The link lives in a join table history does not follow; record the change on the exercise.
    save_recorded(exercise, by)


@transaction.atomic
def standard_delete(*, standard: ServiceStandard, by: Actor) -> None:
    """Only a standard no check was measured against; one in use is unpublished instead."""
    found = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    rules.standard_unused(ShoppingCheck.objects.filter(standard=found).count())
    delete_recorded(found, by)


@transaction.atomic
def exercise_update(
    *,
    exercise: ShoppingExercise,
    name: str,
    kind: str,
    start: dt.date,
    end: dt.date,
    by: Actor,
    peer: Organisation | None = None,
) -> ShoppingExercise:
    """The rules of exercise_create, and the checks already made must stay within the dates."""
    found = ShoppingExercise.objects.select_for_update().get(pk=exercise.pk)
    rules.period_in_order(start, end)
    rules.reciprocal_needs_peer(kind, peer.pk if peer else None)
    if peer is not None:
        rules.peer_is_another_council(found.organisation_id, peer.pk)
    checks = ShoppingCheck.objects.filter(exercise=found)
    rules.checks_within_new_dates(
        checks.filter(done_on__lt=start).count(), checks.filter(done_on__gt=end).count()
    )
    found.name, found.kind, found.start, found.end = name, kind, start, end
    # Correcting a reciprocal exercise to our own must not leave it showing the old peer.
    found.peer = peer if kind == ShoppingExercise.Kind.RECIPROCAL else None
    found.full_clean()
    save_recorded(found, by)
    return found


@transaction.atomic
def exercise_delete(*, exercise: ShoppingExercise, by: Actor) -> int:
    """The exercise and its checks (they cascade); returns how many checks went with it."""
    found = ShoppingExercise.objects.select_for_update().get(pk=exercise.pk)
    checks = ShoppingCheck.objects.filter(exercise=found).count()
    delete_recorded(found, by)
    return checks


@transaction.atomic
def check_update(
    *,
    check: ShoppingCheck,
    standard: ServiceStandard,
    channel: str,
    done_on: dt.date,
    met: bool,
    by: Actor,
    service_code: str = "",
    notes: str = "",
    method: str = "",
    score: int | None = None,
    actions: Iterable[Action] = (),
) -> ShoppingCheck:
    """The rules of check_record, against the check's own exercise."""
    found = ShoppingCheck.objects.select_for_update().select_related("exercise").get(pk=check.pk)
    return services.check_saved(
        found, standard=standard, channel=channel, done_on=done_on, met=met, by=by,
        service_code=service_code, notes=notes, method=method, score=score, actions=actions,
    )  # fmt: skip


@transaction.atomic
def check_delete(*, check: ShoppingCheck, by: Actor) -> None:
    delete_recorded(check, by)
