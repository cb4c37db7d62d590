"""The pages show what is behind each colour, and enter values Post/Redirect/Get."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.indicators import services
from stocktake.indicators.models import Indicator, Measurement
from stocktake.testing import MakeUser

from .conftest import MakeIndicator


def _fill(indicator: Indicator, officer: User, periods: int) -> None:
    for i in range(periods):
        year = 2009 - periods // 4 + i // 4
        services.measurement_record(
            indicator=indicator,
            period=f"Q{i % 4 + 1} {year}/{(year + 1) % 100:02d}",
            value=D(30 + i % 7),
            note="Short of target",
            by=officer,
        )


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_indicator_page_issues_the_same_queries_for_4_and_40_periods(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    small, large = make_indicator(council), make_indicator(council)
    _fill(small, officer, 4)
    _fill(large, officer, 40)
    client.force_login(officer)
    counts = [
        _count(client, reverse("indicators:indicator_detail", args=[i.uuid]))
        for i in (small, large)
    ]
    assert counts[0] == counts[1]


def test_the_list_and_scorecard_issue_the_same_queries_for_5_and_50_indicators(
    client: Client,
    make_indicator: MakeIndicator,
    council: Organisation,
    other_council: Organisation,
    service: Unit,
    officer: User,
    make_user: MakeUser,
) -> None:
    other_service = Unit.objects.create(organisation=other_council, name="Other", kind="service")
    other_officer = make_user("Performance officer", other_council)[0]
    for _ in range(5):
        _fill(make_indicator(council, unit=service), officer, 2)
    for _ in range(50):
        _fill(make_indicator(other_council, unit=other_service), other_officer, 2)
    counts = []
    for user, unit in ((officer, service), (other_officer, other_service)):
        client.force_login(user)
        counts.append(
            (
                _count(client, reverse("indicators:indicator_list")),
                _count(client, reverse("indicators:unit_scorecard", args=[unit.uuid])),
                _count(client, reverse("indicators:my_indicators")),
            )
        )
    assert counts[0] == counts[1]


def test_the_indicator_page_explains_each_colour_and_arrow(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q4 2008/09", value=D(35), by=officer)
    services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D(31), note="Survey delayed", by=officer
    )
    client.force_login(officer)
    page = client.get(reverse("indicators:indicator_detail", args=[indicator.uuid]))
    text = page.content.decode()
    assert "Red: 31.0% is below the target of 34% by more than the 2-point tolerance" in text
    assert "Worsening: 31.0%, down from 35.0% in Q4 2008/09 (previous period)" in text
    assert '<span aria-hidden="true">↓</span> Worsening' in text
    assert "<svg" in text
    assert "Survey delayed" in text


def test_the_chart_marks_a_series_break(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q4 2008/09", value=D(35), by=officer)
    services.definition_revise(
        definition=indicator.definition, effective_from=dt.date(2009, 4, 1), by=officer
    )
    indicator.refresh_from_db()
    services.measurement_record(indicator=indicator, period="Q1 2009/10", value=D(36), by=officer)
    client.force_login(officer)
    text = client.get(reverse("indicators:indicator_detail", args=[indicator.uuid])).content
    assert b"New definition" in text
    assert b"New definition (version 2)" in text


def test_an_owner_enters_a_value_and_is_sent_back_to_the_indicator(
    client: Client,
    make_indicator: MakeIndicator,
    council: Organisation,
    make_user: MakeUser,
) -> None:
    user, person = make_user("Lead officer", council)
    indicator = make_indicator(council, owner=person)
    client.force_login(user)
    url = reverse("indicators:measurement_add", args=[indicator.uuid])
    response = client.post(url, {"period": "Q1 2009/10", "value": "35", "provisional": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:indicator_detail", args=[indicator.uuid])
    row = Measurement.objects.get()
    assert (row.status, row.state, row.entered_by) == ("green", "provisional", user)


def test_a_red_value_without_a_note_is_refused_with_an_error_summary(
    client: Client,
    make_indicator: MakeIndicator,
    council: Organisation,
    make_user: MakeUser,
) -> None:
    user, person = make_user("Lead officer", council)
    indicator = make_indicator(council, owner=person)
    client.force_login(user)
    url = reverse("indicators:measurement_add", args=[indicator.uuid])
    response = client.post(url, {"period": "Q1 2009/10", "value": "20"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "This value is red: enter a note saying why, and what is being done" in text
    assert not Measurement.objects.exists()


def test_my_indicators_lists_what_i_own_and_what_is_due(
    client: Client,
    make_indicator: MakeIndicator,
    council: Organisation,
    make_user: MakeUser,
) -> None:
    user, person = make_user("Lead officer", council)
    mine = make_indicator(council, owner=person, definition={"title": "Mine to report"})
    make_indicator(council, definition={"title": "Someone else's"})
    client.force_login(user)
    text = client.get(reverse("indicators:my_indicators")).content.decode()
    assert mine.definition.title in text
    assert "Someone else's" not in text
    assert "Not entered" in text


def test_a_milestone_is_entered_as_achieved_or_not(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(
        council,
        target=None,
        definition={"data_type": "milestone", "frequency": "annual"},
    )
    services.target_set(indicator=indicator, period="2009/10", text="July 09", by=officer)
    client.force_login(officer)
    url = reverse("indicators:measurement_add", args=[indicator.uuid])
    assert client.post(url, {"period": "2009/10", "achieved": "yes"}).status_code == 302
    row = Measurement.objects.get()
    assert row.explanation["status"]["sentence"] == (
        "Green: achieved; the target for 2009/10 was “July 09”"
    )


def test_the_list_filters_by_status_and_the_scorecard_drills_down(
    client: Client,
    make_indicator: MakeIndicator,
    council: Organisation,
    service: Unit,
    officer: User,
) -> None:
    green = make_indicator(council, unit=service, definition={"title": "Going well"})
    red = make_indicator(council, unit=service, definition={"title": "Going badly"})
    services.measurement_record(indicator=green, period="Q1 2009/10", value=D(40), by=officer)
    services.measurement_record(
        indicator=red, period="Q1 2009/10", value=D(10), note="Why", by=officer
    )
    client.force_login(officer)
    scorecard = client.get(reverse("indicators:unit_scorecard", args=[service.uuid]))
    drill = f"?status=red&amp;unit={service.uuid}"
    assert drill in scorecard.content.decode()
    text = client.get(
        reverse("indicators:indicator_list"), {"status": "red", "unit": str(service.uuid)}
    ).content.decode()
    assert "Going badly" in text
    assert "Going well" not in text
