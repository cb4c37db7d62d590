"""Managing access points through their pages: details, weekly sessions, exceptions, retiring."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import selectors, services, services_contacts, services_manage
from stocktake.customers.models import AccessPoint, OpeningException, OpeningSession
from stocktake.customers.models_contacts import Contact
from stocktake.customers.services_contacts import BadRows

from .helpers import csv_lines, row

DETAILS = {
    "name": "London Road offices",
    "code": "london-road",
    "kind": "service_centre",
    "address": "1 London Road",
    "area_code": "E00000001",
    "accessibility": "Step-free entrance",
    "closed_on_bank_holidays": "on",
    "holiday_region": "ENG",
    "is_public": "on",
}


def _point(council: Organisation, officer: User, code: str = "hub") -> AccessPoint:
    return services.access_point_create(
        organisation=council, code=code, name="Town hall", kind="service_centre", by=officer
    )


def test_an_officer_adds_an_access_point_and_lands_on_its_hours(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("customers:access_point_new", args=[council.uuid]), DETAILS, follow=True
    )
    point = AccessPoint.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "customers:access_point_hours", args=[point.uuid]
    )
    assert "London Road offices added" in response.content.decode()
    assert (point.organisation, point.address, point.is_public) == (council, "1 London Road", True)
    assert point.history.get().history_user == officer


def test_a_code_already_used_by_the_council_is_refused_with_a_clear_message(
    client: Client, council: Organisation, officer: User
) -> None:
    _point(council, officer, code="london-road")
    client.force_login(officer)
    response = client.post(reverse("customers:access_point_new", args=[council.uuid]), DETAILS)
    assert response.status_code == 200
    assert "Another access point of this council uses this code" in response.content.decode()
    assert AccessPoint.objects.count() == 1


def test_a_bad_code_is_refused_and_nothing_is_saved(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("customers:access_point_new", args=[council.uuid]), {**DETAILS, "code": "no spaces"}
    )
    assert "There is a problem" in response.content.decode()
    assert not AccessPoint.objects.exists()


def test_editing_changes_the_details_and_keeps_history(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    client.force_login(officer)
    url = reverse("customers:access_point_edit", args=[point.uuid])
    assert "Town hall" in client.get(url).content.decode()
    response = client.post(url, {**DETAILS, "code": "hub", "name": "Civic centre"})
    assert response.status_code == 302
    point.refresh_from_db()
    assert (point.name, point.accessibility, point.area_code) == (
        "Civic centre",
        "Step-free entrance",
        "E00000001",
    )
    assert point.history.count() == 2


def test_editing_to_another_points_code_is_refused(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    _point(council, officer, code="library")
    client.force_login(officer)
    response = client.post(
        reverse("customers:access_point_edit", args=[point.uuid]), {**DETAILS, "code": "library"}
    )
    assert "Another access point of this council uses this code" in response.content.decode()
    point.refresh_from_db()
    assert (point.code, point.name) == ("hub", "Town hall")


def test_update_refuses_fields_that_are_not_details(council: Organisation, officer: User) -> None:
    point = _point(council, officer)
    with pytest.raises(TypeError):
        services_manage.access_point_update(access_point=point, organisation=None, by=officer)


def test_sessions_are_added_and_removed_on_the_hours_page(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    client.force_login(officer)
    add = reverse("customers:session_add", args=[point.uuid])
    response = client.post(add, {"weekday": "2", "opens": "09:00", "closes": "17:00"}, follow=True)
    assert "Wednesday session added" in response.content.decode()
    session = OpeningSession.objects.get()
    assert (session.weekday, session.opens, session.closes) == (2, dt.time(9), dt.time(17))
    remove = reverse("customers:session_remove", args=[point.uuid])
    assert client.post(remove, {"session": session.pk}).status_code == 302
    assert not OpeningSession.objects.exists()
    assert session.history.count() == 2


def test_a_session_without_length_or_on_no_weekday_is_refused(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    client.force_login(officer)
    add = reverse("customers:session_add", args=[point.uuid])
    same = client.post(add, {"weekday": "1", "opens": "09:00", "closes": "09:00"})
    assert "A session must close at a different time" in same.content.decode()
    no_day = client.post(add, {"weekday": "7", "opens": "09:00", "closes": "17:00"})
    assert "Select a valid choice" in no_day.content.decode()
    assert not OpeningSession.objects.exists()
    with pytest.raises(ValidationError, match="Weekdays run from 0"):
        services.session_add(
            access_point=point, weekday=9, opens=dt.time(9), closes=dt.time(17), by=officer
        )


def test_another_points_session_cannot_be_removed_through_this_one(
    client: Client, council: Organisation, officer: User
) -> None:
    point, other = _point(council, officer), _point(council, officer, code="library")
    session = services.session_add(
        access_point=other, weekday=0, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    client.force_login(officer)
    response = client.post(
        reverse("customers:session_remove", args=[point.uuid]), {"session": session.pk}
    )
    assert "not one of this access point" in response.content.decode()
    assert OpeningSession.objects.filter(pk=session.pk).exists()


def test_closures_and_changed_hours_are_set_and_removed(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    client.force_login(officer)
    url = reverse("customers:exception_set", args=[point.uuid])
    client.post(url, {"date": "2026-12-24", "closed": "no", "opens": "09:00", "closes": "12:00",
                      "reason": "Christmas Eve"})  # fmt: skip
    client.post(url, {"date": "2026-12-29", "closed": "yes", "opens": "09:00",
                      "reason": "Staff training"})  # fmt: skip
    found = {e.date.day: (e.opens, e.closes, e.reason) for e in OpeningException.objects.all()}
    assert found == {
        24: (dt.time(9), dt.time(12), "Christmas Eve"),
        29: (None, None, "Staff training"),
    }
    closure = OpeningException.objects.get(date__day=29)
    remove = reverse("customers:exception_remove", args=[point.uuid])
    assert client.post(remove, {"exception": closure.pk}).status_code == 302
    assert OpeningException.objects.count() == 1


def test_changed_hours_need_both_times_and_a_length(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    client.force_login(officer)
    url = reverse("customers:exception_set", args=[point.uuid])
    missing = client.post(url, {"date": "2026-12-24", "closed": "no", "reason": "Short day"})
    assert "Enter the time for a day with different hours" in missing.content.decode()
    same = client.post(url, {"date": "2026-12-24", "closed": "no", "opens": "10:00",
                             "closes": "10:00", "reason": "Short day"})  # fmt: skip
    assert "A session must close at a different time" in same.content.decode()
    assert not OpeningException.objects.exists()


def test_retiring_keeps_contacts_and_hides_the_point_from_new_contacts_and_the_public(
    client: Client, council: Organisation, officer: User
) -> None:
    point = services.access_point_create(
        organisation=council, code="hub", name="Town hall", kind="service_centre",
        is_public=True, by=officer,
    )  # fmt: skip
    services_contacts.contacts_load(
        organisation=council, lines=csv_lines(row(point="hub")), source="t.csv", by=officer
    )
    client.force_login(officer)
    assert "Town hall" in client.get("/api/access-points/").content.decode()
    response = client.post(
        reverse("customers:access_point_retire", args=[point.uuid]), {"retired_on": "2026-04-01"}
    )
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.retired_on == dt.date(2026, 4, 1)
    assert Contact.objects.get().access_point_id == point.pk
    entry = client.get(reverse("customers:contact_entry", args=[council.uuid])).content.decode()
    assert 'value="hub"' not in entry
    # A contact from before the day it closed may still name it (an old file loads); one from
    # that day on may not.
    on_closing = row("2026-04-01 09:00", point="hub")
    with pytest.raises(BadRows) as refused:
        services_contacts.contacts_load(
            organisation=council, lines=csv_lines(row(point="hub"), on_closing), source="u.csv",
            by=officer,
        )  # fmt: skip
    assert refused.value.result.errors == [(3, "access_point 'hub' closed for good on 2026-04-01")]
    assert Contact.objects.count() == 1
    services_contacts.contacts_load(
        organisation=council, lines=csv_lines(row("2026-03-31 23:59", point="hub")),
        source="v.csv", by=officer,
    )  # fmt: skip
    assert Contact.objects.filter(access_point=point).count() == 2
    public = client.get(reverse("customers:access_point_list")).content.decode()
    assert "Town hall" not in public
    assert "Town hall" not in client.get("/api/access-points/").content.decode()
    detail = client.get(reverse("customers:access_point_detail", args=[point.uuid]))
    assert "closed for good" in detail.content.decode()
    manage = client.get(reverse("customers:manage_access_points", args=[council.uuid]))
    assert "Retired 1 Apr 2026" in manage.content.decode()


def test_a_retired_point_cannot_be_retired_again_but_can_be_reinstated(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    services_manage.access_point_retire(access_point=point, on=dt.date(2026, 4, 1), by=officer)
    client.force_login(officer)
    again = client.post(
        reverse("customers:access_point_retire", args=[point.uuid]), {"retired_on": "2026-05-01"}
    )
    assert again.status_code == 200
    point.refresh_from_db()
    assert point.retired_on == dt.date(2026, 4, 1)
    client.post(reverse("customers:access_point_reinstate", args=[point.uuid]))
    point.refresh_from_db()
    assert point.retired_on is None
    assert "hub" in services_contacts.access_point_codes(council)


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_and_hours_pages_take_the_same_queries_whatever_their_rows(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    first = _point(council, officer, code="p0")
    listing = reverse("customers:manage_access_points", args=[council.uuid])
    hours = reverse("customers:access_point_hours", args=[first.uuid])
    public = reverse("customers:access_point_list")
    before = [_count(client, url) for url in (listing, hours, public)]
    for n in range(1, 6):
        point = _point(council, officer, code=f"p{n}")
        services_manage.access_point_update(access_point=point, is_public=True, by=officer)
        for day in range(5):
            services.session_add(
                access_point=first, weekday=day, opens=dt.time(3 * n), closes=dt.time(3 * n + 2),
                by=officer,
            )  # fmt: skip
        services.exception_set(
            access_point=first, date=dt.date.today() + dt.timedelta(days=n), reason="x", by=officer
        )
    assert [_count(client, url) for url in (listing, hours, public)] == before


def test_the_weeks_table_shows_a_closure_earlier_in_the_week_than_yesterday(
    council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    services.session_add(
        access_point=point, weekday=0, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    monday = dt.date(2026, 11, 23)
    services.exception_set(access_point=point, date=monday, reason="Staff training", by=officer)
    thursday = dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)
    _, week = selectors.access_point_week(point, thursday)
    assert (week[0].date, week[0].sessions, week[0].note) == (monday, (), "Staff training")
