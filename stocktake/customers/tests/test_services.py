"""Services and rules for access points, standards and mystery shopping."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.hours import is_open
from stocktake.customers.models import AccessPoint
from stocktake.customers.selectors import access_points_with_hours, pattern_for, shopping_results
from stocktake.customers.servicelist import SERVICES


def test_the_shipped_service_list_matches_the_module() -> None:
    migration = importlib.import_module("stocktake.customers.migrations.0002_service_list")
    assert list(SERVICES) == migration.SERVICES
    assert len({code for code, _ in SERVICES}) == len(SERVICES)


def test_stored_hours_and_closures_decide_open_now(council: Organisation, officer: User) -> None:
    point = services.access_point_create(
        organisation=council, code="library", name="Library", kind="library", by=officer
    )
    services.session_add(
        access_point=point, weekday=2, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    services.exception_set(
        access_point=point, date=dt.date(2026, 3, 11), reason="Flooded", by=officer
    )
    loaded = access_points_with_hours(
        AccessPoint.objects.filter(pk=point.pk), dt.date(2026, 3, 11)
    ).get()
    pattern = pattern_for(loaded)
    london = dt.timezone(dt.timedelta(0))
    assert is_open(pattern, dt.datetime(2026, 3, 4, 10, tzinfo=london))
    assert not is_open(pattern, dt.datetime(2026, 3, 11, 10, tzinfo=london))


def test_a_session_must_have_a_length(council: Organisation, officer: User) -> None:
    point = services.access_point_create(
        organisation=council, code="kiosk", name="Kiosk", kind="kiosk", by=officer
    )
    with pytest.raises(ValidationError, match="close at a different time"):
        services.session_add(
            access_point=point, weekday=0, opens=dt.time(9), closes=dt.time(9), by=officer
        )


def test_a_reciprocal_exercise_names_its_peer(
    council: Organisation, other_council: Organisation, officer: User
) -> None:
    with pytest.raises(ValidationError, match="names the peer council"):
        services.exercise_create(
            organisation=council,
            name="Spring 2009",
            start=dt.date(2009, 3, 1),
            end=dt.date(2009, 3, 31),
            kind="reciprocal",
            by=officer,
        )
    services.exercise_create(
        organisation=council,
        name="Spring 2009",
        start=dt.date(2009, 3, 1),
        end=dt.date(2009, 3, 31),
        kind="reciprocal",
        peer=other_council,
        by=officer,
    )


def test_mystery_shopping_results_are_by_channel_and_service(
    council: Organisation, officer: User
) -> None:
    standard = services.standard_create(
        organisation=council, title="Answer calls within 20 seconds", by=officer
    )
    exercise = services.exercise_create(
        organisation=council,
        name="Autumn",
        start=dt.date(2026, 9, 1),
        end=dt.date(2026, 9, 30),
        by=officer,
    )
    for met in (True, True, False):
        services.check_record(
            exercise=exercise,
            standard=standard,
            channel="telephone",
            service_code="CTAX",
            done_on=dt.date(2026, 9, 2),
            met=met,
            by=officer,
        )
    assert shopping_results(council) == [
        {"channel": "telephone", "service_code": "CTAX", "made": 3, "met": 2}
    ]
