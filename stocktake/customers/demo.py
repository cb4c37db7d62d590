"""Demonstration customer-contact data for the demo council, written through this app's services
(and the indicators' for the standards' measures), so the demo exercises what a council's own
data would. Deterministic for a given `today`: every random choice comes from one seeded source.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person
from stocktake.core.fuzzydates import financial_year_of
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action

from . import services, services_contacts
from .demo_contacts import SERVICE_WEIGHTS, contacts_csv, weighted
from .hours import LONDON
from .models import AccessPoint
from .models_feedback import AgeBand, Method, ServiceStandard
from .selectors import last_months

SEED = 14  # NI 14
DISTRICT = "E07000077"  # Uttlesford, for a council with no GSS code of its own
# Made-up output areas (real codes stop well short of E0099…) in segments of an open area
# classification; the last segment gets no contacts, so the segments page shows a non-user group.
SEGMENTS = (
    ("Rural residents", 7, 1.0),
    ("Suburbanites", 5, 1.3),
    ("Urbanites", 4, 1.1),
    ("Hard-pressed living", 2, 0.9),
    ("Constrained city dwellers", 2, 0.0),
)
# Published standards: key, title, channel, then the local indicator measuring it (code, title,
# target %, a year of monthly values), if any.
STANDARDS = (
    ("calls", "Answer 80% of calls within 20 seconds", "telephone",
     "CS1", "Calls answered within 20 seconds", 80,
     (78, 81, 83, 76, 72, 79, 82, 84, 85, 81, 86, 87)),
    ("letters", "Acknowledge letters within 5 working days", "letter",
     "CS2", "Letters acknowledged within 5 working days", 95,
     (93, 96, 97, 95, 98, 94, 97, 98, 99, 97, 98, 99)),
    ("visits", "See visitors within 10 minutes of arrival", "face_to_face", "", "", 0, ()),
)  # fmt: skip
Standard = tuple[str, str, str, str, str, int, list[tuple[dt.date, int]]]


def demo_customer_data(
    *,
    organisation: Organisation,
    officer: User,
    handler: Person,
    today: dt.date,
    action: Action | None = None,
) -> int:
    """Access points, standards (measured by local indicators owned by `handler`), areas, a
    year of contacts ending last month with two NI 14 sampling weeks, feedback, and a mystery
    shopping exercise (one check linked to `action`). Returns the number of contacts loaded."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, wanted repeatable
    months = last_months(today.replace(day=1) - dt.timedelta(days=1))
    with transaction.atomic():
        _access_points(organisation, officer, today)
        areas = _areas(organisation, officer, rng)
        standards = _standards(organisation, officer, handler, months)
        weeks = _sampling_weeks(organisation, officer, months)
        loaded = services_contacts.contacts_load(
            organisation=organisation,
            lines=contacts_csv(rng, months, weeks, areas),
            source="Demo contacts (generated)",
            by=officer,
        ).loaded
        _feedback(organisation, officer, rng, months, areas)
        _shopping(organisation, officer, rng, months, standards, action)
    return loaded


def _access_points(organisation: Organisation, officer: User, today: dt.date) -> None:
    centre = services.access_point_create(
        organisation=organisation,
        code="csc",
        name="Council Offices customer service centre",
        kind=AccessPoint.Kind.SERVICE_CENTRE,
        address="Council Offices, London Road, Saffron Walden",
        accessibility="Step-free entrance, hearing loop at every desk, accessible toilet.",
        closed_on_bank_holidays=True,
        is_public=True,
        by=officer,
    )
    _sessions(centre, range(4), dt.time(9), dt.time(17), officer)
    _sessions(centre, [4], dt.time(9), dt.time(16, 30), officer)
    christmas_eve = dt.date(today.year, 12, 24)
    if christmas_eve < today:
        christmas_eve = dt.date(today.year + 1, 12, 24)
    services.exception_set(
        access_point=centre,
        date=christmas_eve,
        opens=dt.time(9),
        closes=dt.time(12, 30),
        reason="Christmas Eve: closes at half past twelve",
        by=officer,
    )
    phone = services.access_point_create(
        organisation=organisation,
        code="phone",
        name="Customer contact centre (01799 510510)",
        kind=AccessPoint.Kind.PHONE,
        is_public=True,
        by=officer,
    )
    _sessions(phone, range(5), dt.time(8, 30), dt.time(17), officer)
    services.access_point_create(
        organisation=organisation,
        code="web",
        name="Council website and online forms",
        kind=AccessPoint.Kind.WEB,
        always_open=True,
        is_public=True,
        by=officer,
    )
    library = services.access_point_create(
        organisation=organisation,
        code="library",
        name="Great Dunmow Library community information point",
        kind=AccessPoint.Kind.INFORMATION_POINT,
        address="Great Dunmow Library, Market Place, Great Dunmow",
        accessibility="Ground floor; staffed by library staff trained in council enquiries.",
        is_public=True,
        by=officer,
    )
    _sessions(library, [1, 3], dt.time(10), dt.time(13), officer)
    _sessions(library, [5], dt.time(9, 30), dt.time(12), officer)


def _sessions(
    point: AccessPoint, weekdays: Iterable[int], opens: dt.time, closes: dt.time, officer: User
) -> None:
    for weekday in weekdays:
        services.session_add(
            access_point=point, weekday=weekday, opens=opens, closes=closes, by=officer
        )


def _areas(organisation: Organisation, officer: User, rng: random.Random) -> dict[str, float]:
    """Load the classification; returns each output area's weight for contacts (0: none)."""
    if not organisation.gss_code:
        accounts.organisation_settings_set(
            organisation=organisation,
            by=officer,
            name=organisation.name,
            gss_code=DISTRICT,
            councillors_see_drafts=organisation.councillors_see_drafts,
        )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code", "name", "district_code", "segment_code", "segment_name", "population"])
    weights: dict[str, float] = {}
    number = 0
    for index, (segment, count, weight) in enumerate(SEGMENTS, start=1):
        for _ in range(count):
            number += 1
            code = f"E0099{number:04d}"
            people = rng.randint(250, 420)
            writer.writerow(
                [code, f"Demo area {number}", organisation.gss_code, f"S{index}", segment, people]
            )
            weights[code] = weight * people
    services.areas_load(lines=io.StringIO(out.getvalue()))
    return weights


def _measured(
    organisation: Organisation, officer: User, handler: Person, spec: Standard
) -> Indicator | None:
    """A local monthly percentage with a target each financial year and a year of values."""
    _, _, _, code, title, target, values = spec
    if not code:
        return None
    definition = indicators.definition_create(
        organisation=organisation,
        code=code,
        title=title,
        data_type="percentage",
        unit="%",
        polarity="higher",
        frequency="monthly",
        by=officer,
    )
    indicator = indicators.indicator_create(
        organisation=organisation, definition=definition, owner_person=handler, by=officer
    )
    for year in sorted({financial_year_of(month).label for month, _ in values}):
        indicators.target_set(indicator=indicator, period=year, value=Decimal(target), by=officer)
    for month, value in values:
        note = "Staff vacancies in the contact centre." if value < target else ""
        indicators.measurement_record(
            indicator=indicator,
            period=f"{month:%B %Y}",
            value=Decimal(value),
            note=note,
            by=officer,
        )
    return indicator


def _standards(
    organisation: Organisation, officer: User, handler: Person, months: Sequence[dt.date]
) -> dict[str, ServiceStandard]:
    made = {}
    for position, (key, title, channel, code, measure, target, values) in enumerate(STANDARDS):
        spec = (key, title, channel, code, measure, target, list(zip(months, values, strict=False)))
        made[key] = services.standard_create(
            organisation=organisation,
            title=title,
            channel=channel,
            indicator=_measured(organisation, officer, handler, spec),
            is_published=True,
            position=position,
            by=officer,
        )
    return made


def _sampling_weeks(
    organisation: Organisation, officer: User, months: Sequence[dt.date]
) -> list[tuple[dt.date, dt.date]]:
    """The second full week of the year's third and ninth months."""
    weeks = []
    for month in (months[2], months[8]):
        monday = month + dt.timedelta(days=(7 - month.weekday()) % 7 + 7)
        sunday = monday + dt.timedelta(days=6)
        services_contacts.sampling_period_add(
            organisation=organisation,
            name=f"NI 14 sampling week {monday:%-d %B %Y}",
            start=monday,
            end=sunday,
            by=officer,
        )
        weeks.append((monday, sunday))
    return weeks


def _feedback(
    organisation: Organisation,
    officer: User,
    rng: random.Random,
    months: Sequence[dt.date],
    areas: dict[str, float],
) -> None:
    good = {"face_to_face": 0.78, "telephone": 0.62, "web_form": 0.55, "email": 0.5}
    bands = [b for b in AgeBand.values if b != AgeBand.NOT_SAID]
    for _ in range(320):
        month = rng.choice(months)
        channel = rng.choice(list(good))
        roll = rng.random()
        rating = "good" if roll < good[channel] else "average" if roll < 0.88 else "poor"
        services.feedback_record(
            organisation=organisation,
            received_at=dt.datetime.combine(
                month + dt.timedelta(days=rng.randint(0, 27)),
                dt.time(rng.randint(9, 16), rng.randint(0, 59)),
                tzinfo=LONDON,
            ),
            channel=channel,
            rating=rating,
            service_code=weighted(rng, SERVICE_WEIGHTS),
            reason="Had to ask twice" if rating == "poor" else "",
            area_code=weighted(rng, areas) if rng.random() < 0.7 else "",
            age_band=rng.choice(bands) if rng.random() < 0.5 else "",
            disabled=rng.random() < 0.15 if rng.random() < 0.5 else None,
            by=officer,
        )


def _shopping(
    organisation: Organisation,
    officer: User,
    rng: random.Random,
    months: Sequence[dt.date],
    standards: dict[str, ServiceStandard],
    action: Action | None,
) -> None:
    start = months[-3]
    exercise = services.exercise_create(
        organisation=organisation,
        name=f"Mystery shopping {start:%B %Y}",
        start=start,
        end=start + dt.timedelta(days=27),
        by=officer,
    )
    checks = (
        ("calls", Method.CALL, "telephone", "CTAX"), ("calls", Method.CALL, "telephone", "BIN"),
        ("calls", Method.CALL, "telephone", "BENEFIT"), ("calls", Method.CALL, "telephone", "PLAN"),
        ("letters", Method.LETTER, "letter", "CTAX"),
        ("letters", Method.LETTER, "letter", "HOUSING"),
        ("letters", Method.EMAIL, "email", "PARKING"),
        ("letters", Method.EMAIL, "email", "COUNCIL"),
        ("visits", Method.VISIT, "face_to_face", "BENEFIT"),
        ("visits", Method.VISIT, "face_to_face", "HOUSING"),
        ("visits", Method.VISIT, "face_to_face", "CTAX"),
        ("visits", Method.VISIT, "face_to_face", "LICENCE"),
    )  # fmt: skip
    for n, (standard, method, channel, service) in enumerate(checks):
        score = rng.choice([45, 60, 70, 80, 85, 90, 100])
        linked = action is not None and n == 3
        services.check_record(
            exercise=exercise,
            standard=standards[standard],
            method=method,
            channel=channel,
            service_code=service,
            done_on=start + dt.timedelta(days=2 * n),
            met=score >= 70 and not linked,
            score=45 if linked else score,
            notes="Transferred three times; nobody could say when the case would be decided."
            if linked
            else "",
            actions=[action] if linked and action is not None else [],
            by=officer,
        )
