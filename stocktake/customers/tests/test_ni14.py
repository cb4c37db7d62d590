"""NI 14 both ways, with sampling periods and exclusions, and fed into an indicator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.core.periods import Period
from stocktake.customers.ni14 import Ni14, ni14_record, ni14_table, ni14_total
from stocktake.customers.services_contacts import contacts_load, sampling_period_add
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Measurement
from stocktake.testing import MakeUser

from .helpers import csv_lines, row

MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def _load(council: Organisation, *rows: str) -> None:
    contacts_load(organisation=council, lines=csv_lines(*rows), source="t", by=None)


def _week(council: Organisation) -> None:
    sampling_period_add(
        organisation=council,
        name="Week 1",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 8),
        by=None,
    )


def test_the_final_definition_is_avoidable_over_assessed_contacts() -> None:
    assert Ni14(contacts=10, avoidable=3, assessed=8, requests_resolved=4).final == Decimal("37.50")
    assert Ni14(contacts=10, avoidable=0, assessed=0, requests_resolved=0).final is None


def test_the_draft_definition_is_contacts_per_resolved_request() -> None:
    assert Ni14(contacts=10, avoidable=3, assessed=8, requests_resolved=4).draft == Decimal("2.50")
    assert Ni14(contacts=10, avoidable=0, assessed=0, requests_resolved=0).draft is None


def test_unassessed_contacts_count_in_neither_side_of_the_final_ratio(
    council: Organisation,
) -> None:
    _load(
        council,
        row(avoidable="yes", reason="progress_chasing"),
        row(avoidable="no", resolved="y"),
        row(avoidable=""),
        row(avoidable=""),
    )
    figures = ni14_total(council.pk, *MARCH, sampled=False)
    assert (figures.avoidable, figures.assessed, figures.final) == (1, 2, Decimal("50.00"))
    assert figures.draft == Decimal("4.00")  # four contacts for one resolved request


def test_excluded_contacts_count_in_neither_definition(council: Organisation) -> None:
    _load(
        council,
        row(avoidable="yes", reason="wrong_department"),
        row(avoidable="no", resolved="y"),
        row(avoidable="no", resolved="y", exclusion="outbound"),
        row(avoidable="yes", reason="other", exclusion="not_council"),
    )
    figures = ni14_total(council.pk, *MARCH, sampled=False)
    assert (figures.final, figures.draft) == (Decimal("50.00"), Decimal("2.00"))


def test_with_sampling_only_contacts_in_sampling_periods_count(council: Organisation) -> None:
    _week(council)
    _load(
        council,
        row("2026-03-03 10:00", avoidable="yes", reason="repeat"),
        row("2026-03-08 23:59", avoidable="no"),
        row("2026-03-09 00:01", avoidable="yes", reason="repeat"),  # the week is over
        row("2026-03-20 10:00", avoidable="yes", reason="repeat"),
    )
    assert ni14_total(council.pk, *MARCH).final == Decimal("50.00")
    assert ni14_total(council.pk, *MARCH, sampled=False).final == Decimal("75.00")


def test_without_a_sampling_period_there_is_no_sampled_figure(council: Organisation) -> None:
    _load(council, row(avoidable="yes", reason="repeat"))
    assert ni14_total(council.pk, *MARCH).final is None


def test_the_table_is_by_service_channel_and_month(council: Organisation) -> None:
    _load(
        council,
        row("2026-03-02 10:00", "telephone", service="CTAX", avoidable="yes", reason="repeat"),
        row("2026-03-02 11:00", "telephone", service="CTAX", avoidable="no"),
        row("2026-03-02 12:00", "email", service="BIN", avoidable="no"),
        row("2026-04-02 12:00", "email", service="BIN", avoidable="yes", reason="not_online"),
    )
    cells = ni14_table(council.pk, dt.date(2026, 3, 1), dt.date(2026, 4, 30), sampled=False)
    found = {(c.month, c.service_code, c.channel): c.figures.final for c in cells}
    assert found == {
        (dt.date(2026, 3, 1), "BIN", "email"): Decimal("0.00"),
        (dt.date(2026, 3, 1), "CTAX", "telephone"): Decimal("50.00"),
        (dt.date(2026, 4, 1), "BIN", "email"): Decimal("100.00"),
    }


def test_it_feeds_an_indicator_which_gets_a_status(council: Organisation, officer: User) -> None:
    definition = indicators.definition_create(
        organisation=None,
        code="NI 14",
        title="Avoidable contact",
        data_type="percentage",
        polarity="lower",
        frequency="monthly",
        by=officer,
    )
    indicator = indicators.indicator_create(organisation=council, definition=definition, by=officer)
    _week(council)
    _load(council, row(avoidable="yes", reason="repeat"), row(avoidable="no"))
    period = Period("Mar 2026", *MARCH, "month")
    saved = ni14_record(indicator=indicator, period=period, definition="final", by=officer)
    assert saved.value == Decimal("50")
    assert (saved.numerator, saved.denominator) == (Decimal(1), Decimal(2))


def test_a_performance_officer_records_a_month_from_the_ni14_page(
    council: Organisation, officer: User, client: Client, make_user: MakeUser
) -> None:
    definition = indicators.definition_create(
        organisation=None,
        code="NI 14",
        title="Avoidable contact",
        data_type="percentage",
        polarity="lower",
        frequency="monthly",
        by=officer,
    )
    indicator = indicators.indicator_create(organisation=council, definition=definition, by=officer)
    _week(council)
    _load(council, row(avoidable="yes", reason="repeat"), row(avoidable="no"), row(avoidable="no"))
    page = reverse("customers:ni14", args=[council.uuid])
    feed = reverse("customers:ni14_feed", args=[council.uuid])
    viewer, _ = make_user("Viewer", council)
    client.force_login(viewer)
    assert feed not in client.get(page).text
    assert client.post(feed, {"indicator": indicator.pk, "period": "March 2026"}).status_code == 403
    client.force_login(officer)
    assert feed in client.get(page).text
    refused = client.post(
        feed, {"indicator": indicator.pk, "period": "Spring", "definition": "final"}
    )
    assert "Enter a period such as" in refused.text
    response = client.post(
        feed,
        {"indicator": indicator.pk, "period": "March 2026", "definition": "final", "sampled": "on"},
    )
    assert response["Location"] == reverse("indicators:indicator_detail", args=[indicator.uuid])
    saved = Measurement.objects.get(indicator=indicator)
    assert (saved.period_label, saved.numerator, saved.denominator) == (
        "March 2026",
        Decimal(1),
        Decimal(3),
    )
