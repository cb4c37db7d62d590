"""Removing a weekly session or a closure from an access point's hours takes a confirmation step:
the hours page links to a page that asks, and only its POST removes."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.models import AccessPoint, OpeningException, OpeningSession
from stocktake.testing import MakeUser


def _point(council: Organisation, officer: User) -> AccessPoint:
    return services.access_point_create(
        organisation=council, code="hub", name="Town hall", kind="service_centre", by=officer
    )


def test_removing_a_session_asks_first_and_removes_only_when_confirmed(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    session = services.session_add(
        access_point=point, weekday=2, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    client.force_login(officer)
    url = reverse("customers:session_remove", args=[point.uuid])
    hours = client.get(reverse("customers:access_point_hours", args=[point.uuid])).content.decode()
    assert f'href="{url}?session={session.pk}"' in hours
    assert f'action="{url}"' not in hours  # no one-click remove button
    asked = client.get(url, {"session": session.pk})
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Remove this session?" in page
    assert "Wednesday" in page
    assert "09:00 to 17:00" in page
    assert f'name="session" value="{session.pk}"' in page
    assert OpeningSession.objects.filter(pk=session.pk).exists()
    removed = client.post(url, {"session": session.pk}, follow=True)
    assert removed.redirect_chain[-1][0].endswith(f"/access-points/{point.uuid}/hours/")
    assert "Wednesday session removed" in removed.content.decode()
    assert not OpeningSession.objects.exists()


def test_removing_a_closure_asks_first_and_removes_only_when_confirmed(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    closure = services.exception_set(
        access_point=point, date=dt.date(2026, 12, 29), reason="Staff training", by=officer
    )
    client.force_login(officer)
    url = reverse("customers:exception_remove", args=[point.uuid])
    asked = client.get(url, {"exception": closure.pk}).content.decode()
    assert "Remove this closure?" in asked
    assert "Tuesday 29 December 2026" in asked
    assert "Staff training" in asked
    assert OpeningException.objects.filter(pk=closure.pk).exists()
    removed = client.post(url, {"exception": closure.pk}, follow=True)
    assert "The usual hours apply again on 29 December 2026" in removed.content.decode()
    assert not OpeningException.objects.exists()


def test_changed_hours_are_named_as_such_on_the_confirmation(
    client: Client, council: Organisation, officer: User
) -> None:
    point = _point(council, officer)
    changed = services.exception_set(
        access_point=point,
        date=dt.date(2026, 12, 24),
        reason="Christmas Eve",
        opens=dt.time(9),
        closes=dt.time(12),
        by=officer,
    )
    client.force_login(officer)
    url = reverse("customers:exception_remove", args=[point.uuid])
    asked = client.get(url, {"exception": changed.pk}).content.decode()
    assert "Remove these changed hours?" in asked
    assert "09:00 to 12:00" in asked


def test_a_stale_or_foreign_removal_link_explains_itself_and_removes_nothing(
    client: Client,
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    point = _point(council, officer)
    other = services.access_point_create(
        organisation=council, code="library", name="Library", kind="library", by=officer
    )
    theirs = services.session_add(
        access_point=other, weekday=0, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    client.force_login(officer)
    url = reverse("customers:session_remove", args=[point.uuid])
    for query in ({"session": theirs.pk}, {"session": "999999"}, {}):
        response = client.get(url, query)
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()
    assert (
        "not one of this access point" in client.get(url, {"session": theirs.pk}).content.decode()
    )
    outsider, _ = make_user("Performance officer", other_council)
    client.force_login(outsider)
    assert client.get(url, {"session": theirs.pk}).status_code == 403
    assert OpeningSession.objects.filter(pk=theirs.pk).exists()
