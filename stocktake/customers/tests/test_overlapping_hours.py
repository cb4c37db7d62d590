"""Opening hours never overlap: a place is open or not at any moment, so two sessions covering
the same time would publish contradictory hours."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.models import AccessPoint, OpeningException, OpeningSession

T = dt.time


def _point(council: Organisation, officer: User) -> AccessPoint:
    return services.access_point_create(
        organisation=council, code="hub", name="Town hall", kind="service_centre", by=officer
    )


def _session(point: AccessPoint, officer: User, weekday: int, opens: int, closes: int) -> None:
    services.session_add(
        access_point=point, weekday=weekday, opens=T(opens), closes=T(closes), by=officer
    )


def test_a_session_inside_an_existing_one_is_refused_naming_it_and_nothing_is_saved(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    _session(point, officer, 0, 9, 17)
    client.force_login(officer)
    response = client.post(
        reverse("customers:session_add", args=[point.uuid]),
        {"weekday": "0", "opens": "12:00", "closes": "13:00"},
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "This overlaps the Monday session 09:00 to 17:00" in page
    assert 'href="#session_opens"' in page  # the error summary links to the field
    assert list(OpeningSession.objects.values_list("opens", "closes")) == [(T(9), T(17))]


@pytest.mark.parametrize(
    ("weekday", "opens", "closes", "clash"),
    [
        (0, 16, 18, "the Monday session 09:00 to 17:00"),  # overlaps its end
        (0, 8, 10, "the Monday session 09:00 to 17:00"),  # overlaps its start
        (0, 8, 18, "the Monday session 09:00 to 17:00"),  # contains it
        (4, 23, 1, "the Friday session 22:00 to 02:00"),  # both past midnight
        (5, 1, 3, "the Friday session 22:00 to 02:00"),  # into Friday's late night
        (6, 23, 10, "the Monday session 09:00 to 17:00"),  # Sunday night into Monday
    ],
)
def test_overlaps_across_midnight_and_the_end_of_the_week_are_refused(
    council: Organisation, officer: User, weekday: int, opens: int, closes: int, clash: str
) -> None:
    point = _point(council, officer)
    _session(point, officer, 0, 9, 17)
    _session(point, officer, 4, 22, 2)
    with pytest.raises(ValidationError, match=f"This overlaps {clash}"):
        _session(point, officer, weekday, opens, closes)
    assert OpeningSession.objects.count() == 2


def test_sessions_that_only_meet_or_fall_on_other_days_are_kept(
    council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    _session(point, officer, 0, 9, 12)
    _session(point, officer, 0, 12, 13)  # starts as the morning ends
    _session(point, officer, 0, 14, 17)
    _session(point, officer, 1, 9, 17)
    _session(point, officer, 4, 22, 2)
    _session(point, officer, 5, 2, 4)  # after Friday night's session ends
    assert OpeningSession.objects.count() == 6


def test_special_hours_overlapping_the_night_before_are_refused(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    _session(point, officer, 4, 22, 3)  # Friday night until 03:00 Saturday
    client.force_login(officer)
    url = reverse("customers:exception_set", args=[point.uuid])
    response = client.post(
        url,
        {"date": "2026-12-05", "closed": "no", "opens": "01:00", "closes": "05:00",
         "reason": "Late opening"},
    )  # fmt: skip
    page = html.unescape(response.content.decode())
    assert "This overlaps the session on Friday 4 December 2026, 22:00 to 03:00" in page
    assert not OpeningException.objects.exists()


def test_special_hours_running_into_the_next_days_session_are_refused(
    council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    _session(point, officer, 5, 9, 17)  # Saturday
    with pytest.raises(ValidationError, match="Saturday 5 December 2026, 09:00 to 17:00"):
        services.exception_set(
            access_point=point, date=dt.date(2026, 12, 4), opens=T(20), closes=T(10),
            reason="All-night advice line", by=officer,
        )  # fmt: skip
    assert not OpeningException.objects.exists()


def test_special_hours_replace_the_days_own_sessions_without_clashing(
    council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    _session(point, officer, 3, 9, 17)  # Thursday
    services.exception_set(
        access_point=point, date=dt.date(2026, 12, 24), opens=T(8), closes=T(12),
        reason="Christmas Eve", by=officer,
    )  # fmt: skip
    # Set again for the same date: it replaces the earlier special hours.
    services.exception_set(
        access_point=point, date=dt.date(2026, 12, 24), opens=T(10), closes=T(14),
        reason="Christmas Eve", by=officer,
    )  # fmt: skip
    assert list(OpeningException.objects.values_list("opens", "closes")) == [(T(10), T(14))]
