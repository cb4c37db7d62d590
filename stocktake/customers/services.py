"""Writes for access points, standards, feedback and mystery shopping. Contact loading and
sampling live in services_contacts.py."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import formats, timezone

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, save_recorded
from stocktake.plans.models import Action

from . import rules
from .hours import Session, hours_on, session_span
from .models import AccessPoint, Area, OpeningException, OpeningSession
from .models_feedback import (
    METHOD_FOR_CHANNEL,
    Feedback,
    Method,
    PeerSatisfaction,
    ServiceStandard,
    ShoppingCheck,
    ShoppingExercise,
)
from .selectors import pattern_for

DAY = 24 * 60 * 60
WEEK = 7 * DAY
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@transaction.atomic
def access_point_create(
    *, organisation: Organisation, code: str, name: str, kind: str, by: Actor, **fields: object
) -> AccessPoint:
    rules.code_unused(AccessPoint.objects.filter(organisation=organisation, code=code).exists())
    point = AccessPoint(organisation=organisation, code=code, name=name, kind=kind, **fields)
    point.full_clean()
    save_recorded(point, by)
    return point


@transaction.atomic
def session_add(
    *, access_point: AccessPoint, weekday: int, opens: dt.time, closes: dt.time, by: Actor
) -> OpeningSession:
    rules.weekday_exists(weekday)
    rules.session_has_length(opens, closes)
    _lock(access_point)
    rules.session_does_not_overlap(_weekly_clash(access_point, weekday, opens, closes))
    session = OpeningSession(access_point=access_point, weekday=weekday, opens=opens, closes=closes)
    save_recorded(session, by)
    return session


@transaction.atomic
def exception_set(
    *,
    access_point: AccessPoint,
    date: dt.date,
    reason: str,
    by: Actor,
    opens: dt.time | None = None,
    closes: dt.time | None = None,
) -> OpeningException:
    """A closure (no times) or special hours for one date, replacing any earlier one."""
    _lock(access_point)
    if opens is not None and closes is not None:
        rules.session_has_length(opens, closes)
        rules.session_does_not_overlap(_dated_clash(access_point, date, Session(opens, closes)))
    found = OpeningException.objects.filter(access_point=access_point, date=date).first()
    exception = found or OpeningException(access_point=access_point, date=date)
    exception.opens, exception.closes, exception.reason = opens, closes, reason
    save_recorded(exception, by)
    return exception


def _lock(access_point: AccessPoint) -> None:
    """One change to a point's hours at a time, so two overlapping sessions added at once
    cannot both pass the check."""
    AccessPoint.objects.select_for_update().filter(pk=access_point.pk).exists()


def _seconds(at: dt.time) -> int:
    return at.hour * 3600 + at.minute * 60 + at.second


def _week_span(weekday: int, opens: dt.time, closes: dt.time) -> tuple[int, int]:
    """Seconds from Monday 00:00; a session closing at or before it opens ends the next day."""
    start = weekday * DAY + _seconds(opens)
    return start, start + (_seconds(closes) - _seconds(opens)) % DAY


def _weekly_clash(point: AccessPoint, weekday: int, opens: dt.time, closes: dt.time) -> str:
    """The point's weekly session this one would overlap, described; empty if none. The week
    wraps round: Sunday night's session may run into Monday morning."""
    start, end = _week_span(weekday, opens, closes)
    for other in OpeningSession.objects.filter(access_point=point).order_by("weekday", "opens"):
        other_start, other_end = _week_span(other.weekday, other.opens, other.closes)
        if any(start < other_end + s and other_start + s < end for s in (-WEEK, 0, WEEK)):
            return f"the {DAYS[other.weekday]} session {_times(other.opens, other.closes)}"
    return ""


def _dated_clash(point: AccessPoint, day: dt.date, session: Session) -> str:
    """The session on the day before or after that these hours for ``day`` would overlap (the
    day's own usual hours are replaced by them); empty if none."""
    # Fresh from the database: the point passed in may carry hours prefetched before this change.
    pattern = pattern_for(
        AccessPoint.objects.prefetch_related("sessions", "exceptions").get(pk=point.pk)
    )
    if pattern.always_open:
        return ""
    start, end = session_span(day, session)
    for other_day in (day - dt.timedelta(days=1), day + dt.timedelta(days=1)):
        for other in hours_on(pattern, other_day).sessions:
            other_start, other_end = session_span(other_day, other)
            if start < other_end and other_start < end:
                times = _times(other.opens, other.closes)
                return f"the session on {other_day:%A %-d %B %Y}, {times}"
    return ""


def _times(opens: dt.time, closes: dt.time) -> str:
    return f"{opens:%H:%M} to {closes:%H:%M}"


AREA_BATCH = 2000
_AREA_FIELDS = ["name", "district_code", "kind", "segment_code", "segment_name", "population"]


@transaction.atomic
def areas_load(*, lines: Iterable[str], kind: str = Area.Kind.OUTPUT_AREA) -> int:
    """Load an open area classification (CSV: code, name, district_code, segment_code,
    segment_name, population). Areas are global; a reload updates them in place. Each row is
    checked as it is read (a bad one raises ValueError naming the field; the caller's
    transaction then saves nothing), and rows are written in batches: a national file is
    some 190,000 output areas."""
    count = 0
    batch: dict[str, Area] = {}  # by code: a code given twice keeps its last row
    for row in csv.DictReader(lines):
        area = _area(row, kind)
        batch[area.code] = area
        count += 1
        if len(batch) == AREA_BATCH:
            _areas_save(list(batch.values()))
            batch = {}
    _areas_save(list(batch.values()))
    return count


def _text(row: dict[str, str], name: str, longest: int) -> str:
    value = (row.get(name) or "").strip()
    if len(value) > longest:
        raise ValueError(f"{name} is longer than {longest} characters")
    return value


def _area(row: dict[str, str], kind: str) -> Area:
    code = (row.get("code") or "").strip()
    if not code or not rules.AREA_CODE.fullmatch(code):
        raise ValueError(f"code {code!r} should be up to 12 letters and digits")
    population = (row.get("population") or "").strip()
    if population and not population.isdigit():
        raise ValueError(f"population {population!r} should be a whole number")
    return Area(
        code=code,
        kind=kind,
        name=_text(row, "name", 200),
        district_code=_text(row, "district_code", 9),
        segment_code=_text(row, "segment_code", 10),
        segment_name=_text(row, "segment_name", 200),
        population=int(population) if population else None,
    )


def _areas_save(areas: list[Area]) -> None:
    Area.objects.bulk_create(
        areas, update_conflicts=True, unique_fields=["code"], update_fields=_AREA_FIELDS
    )


@transaction.atomic
def feedback_record(
    *,
    organisation: Organisation,
    received_at: dt.datetime,
    channel: str,
    rating: str,
    by: Actor,
    **fields: object,
) -> Feedback:
    rules.area_code_is_a_code(str(fields.get("area_code", "")))
    rules.service_listed(str(fields.get("service_code", "")))
    shown = formats.date_format(timezone.localtime(received_at), "j F Y, H:i")
    rules.not_in_future(received_at, timezone.now(), shown)
    feedback = Feedback(
        organisation=organisation, received_at=received_at, channel=channel, rating=rating, **fields
    )
    feedback.full_clean()
    feedback.save()
    return feedback


@transaction.atomic
def peer_satisfaction_set(
    *,
    organisation: Organisation,
    peer: Organisation,
    month: dt.date,
    channel: str,
    net_satisfaction: Decimal,
    by: Actor,
) -> PeerSatisfaction:
    rules.channel_known(channel)
    rules.peer_is_another_council(organisation.pk, peer.pk)
    figure, _ = PeerSatisfaction.objects.update_or_create(
        organisation=organisation,
        peer=peer,
        month=month.replace(day=1),
        channel=channel,
        defaults={"net_satisfaction": net_satisfaction},
    )
    return figure


@transaction.atomic
def standard_create(
    *, organisation: Organisation, title: str, by: Actor, **fields: object
) -> ServiceStandard:
    standard = ServiceStandard(organisation=organisation, title=title, **fields)
    if standard.indicator is not None:
        rules.same_council(standard.indicator.organisation_id, organisation.pk, "indicator")
    save_recorded(standard, by)
    return standard


@transaction.atomic
def exercise_create(
    *,
    organisation: Organisation,
    name: str,
    start: dt.date,
    end: dt.date,
    by: Actor,
    kind: str = ShoppingExercise.Kind.OWN,
    peer: Organisation | None = None,
) -> ShoppingExercise:
    rules.period_in_order(start, end)
    rules.reciprocal_needs_peer(kind, peer.pk if peer else None)
    exercise = ShoppingExercise(
        organisation=organisation, name=name, start=start, end=end, kind=kind, peer=peer
    )
    save_recorded(exercise, by)
    return exercise


@transaction.atomic
def check_record(
    *,
    exercise: ShoppingExercise,
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
    """One check against a standard; the method defaults to the channel's usual one, and
    the plan actions it led to must be the council's own."""
    return check_saved(
        ShoppingCheck(exercise=exercise), standard=standard, channel=channel, done_on=done_on,
        met=met, by=by, service_code=service_code, notes=notes, method=method, score=score,
        actions=actions,
    )  # fmt: skip


def check_saved(
    check: ShoppingCheck,
    *,
    standard: ServiceStandard,
    channel: str,
    done_on: dt.date,
    met: bool,
    by: Actor,
    service_code: str,
    notes: str,
    method: str,
    score: int | None,
    actions: Iterable[Action],
) -> ShoppingCheck:
    """A new or changed check, under the rules of its exercise; call inside a transaction."""
    exercise = check.exercise
    rules.same_council(standard.organisation_id, exercise.organisation_id, "standard")
    # The dates as they stand now, held until this check is saved (an edit may be narrowing them).
    start, end = (
        ShoppingExercise.objects.select_for_update().values_list("start", "end").get(pk=exercise.pk)
    )
    rules.check_within_exercise(done_on, start, end)
    rules.score_is_a_percentage(score)
    actions = list(actions)
    for action in actions:
        rules.same_council(action.organisation_id, exercise.organisation_id, "actions")
    check.standard, check.channel, check.done_on, check.met = standard, channel, done_on, met
    check.method = method or METHOD_FOR_CHANNEL.get(channel, Method.VISIT)
    check.service_code, check.notes, check.score = service_code, notes, score
    check.full_clean()
    save_recorded(check, by)
    check.actions.set(actions)
    return check
