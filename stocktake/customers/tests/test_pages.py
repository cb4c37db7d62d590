"""The pages: the dashboard's query count does not grow with the data, forms save through the
services, and the public pages show hours and current performance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.models import Contact, SamplingPeriod
from stocktake.customers.services_contacts import contacts_load
from stocktake.indicators import services as indicators

from .helpers import csv_lines, row

CHANNELS = ["telephone", "email", "face_to_face", "web_form"]


def _load(council: Organisation, count: int) -> None:
    rows = [
        row(
            f"2026-{1 + n % 6:02d}-{1 + n % 27:02d} 10:00",
            CHANNELS[n % 4],
            service=["CTAX", "BIN", "PLAN"][n % 3],
            avoidable=["yes", "no", ""][n % 3],
            reason="repeat" if n % 3 == 0 else "",
            first=["y", "n"][n % 2],
            area=f"E0000000{n % 5}",
        )
        for n in range(count)
    ]
    contacts_load(organisation=council, lines=csv_lines(*rows), source="t", by=None)


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"end": "2026-06"})
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_issues_the_same_queries_for_few_and_many_contacts(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:dashboard", args=[council.uuid])
    others = [reverse(f"customers:{name}", args=[council.uuid]) for name in ("segments", "ni14")]
    _load(council, 5)
    few = [_count(client, page) for page in [url, *others]]
    _load(council, 400)
    assert [_count(client, page) for page in [url, *others]] == few
    page = client.get(url, {"end": "2026-06"}).content.decode()
    assert "<svg" in page
    assert "Council Tax" in page


def test_an_officer_records_a_contact_in_a_sampling_week(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:contact_entry", args=[council.uuid])
    response = client.post(
        url,
        {
            "received_at": "2026-03-03T10:15",
            "channel": "telephone",
            "service": "CTAX",
            "avoidable": "yes",
            "avoidable_reason": "progress_chasing",
            "resolved_first": "yes",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.avoidable_reason, contact.resolved_first) == ("progress_chasing", True)


def test_the_entry_form_applies_the_same_rules_as_a_load(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:contact_entry", args=[council.uuid])
    response = client.post(
        url,
        {
            "received_at": "2026-03-03T10:15",
            "channel": "telephone",
            "avoidable": "no",
            "avoidable_reason": "repeat",
        },
    )
    assert response.status_code == 200
    assert "Only an avoidable contact has a reason" in response.content.decode()
    assert not Contact.objects.exists()


def test_overlapping_sampling_periods_are_refused(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:sampling", args=[council.uuid])
    week = {"name": "Week 1", "start": "2026-03-02", "end": "2026-03-08"}
    assert client.post(url, week).status_code == 302
    response = client.post(url, {**week, "start": "2026-03-05", "end": "2026-03-12"})
    assert "overlaps another sampling period" in response.content.decode()
    assert SamplingPeriod.objects.count() == 1


def test_the_public_see_a_published_standard_with_its_latest_performance(
    client: Client, council: Organisation, officer: User
) -> None:
    definition = indicators.definition_create(
        organisation=None,
        code="CS1",
        title="Calls answered within 20 seconds",
        data_type="percentage",
        polarity="higher",
        frequency="monthly",
        by=officer,
    )
    indicator = indicators.indicator_create(organisation=council, definition=definition, by=officer)
    indicators.measurement_record(
        indicator=indicator, period="Jan 2026", value=Decimal(83), by=officer
    )
    services.standard_create(
        organisation=council,
        title="We answer 80% of calls within 20 seconds",
        indicator=indicator,
        is_published=True,
        by=officer,
    )
    services.standard_create(organisation=council, title="Draft promise", by=officer)
    page = client.get(reverse("customers:standards")).content.decode()
    assert "We answer 80% of calls within 20 seconds" in page
    assert "83%" in page
    assert "Draft promise" not in page


def test_the_public_see_a_weekly_hours_table(client: Client, council: Organisation) -> None:
    point = services.access_point_create(
        organisation=council,
        code="saffron",
        name="Saffron Walden offices",
        kind="service_centre",
        is_public=True,
        accessibility="Step-free entrance; hearing loop at the desk.",
        by=None,
    )
    for weekday in range(5):
        services.session_add(
            access_point=point, weekday=weekday, opens=dt.time(8, 30), closes=dt.time(17), by=None
        )
    page = client.get(reverse("customers:access_point_detail", args=[point.uuid])).content
    text = page.decode()
    assert text.count("08:30 to 17:00") == 5
    assert "hearing loop" in text


def test_ni14_and_segments_show_the_same_twelve_months_as_the_dashboard(
    client: Client, council: Organisation, officer: User
) -> None:
    contacts_load(
        organisation=council, lines=csv_lines(row("2025-01-15 10:00")), source="t", by=None
    )
    client.force_login(officer)
    for name in ("customers:dashboard", "customers:ni14", "customers:segments"):
        page = client.get(reverse(name, args=[council.uuid])).content.decode()
        # Twelve months ending January 2025, not this month (which would leave it out).
        assert "Jan 2025" in page or "January 2025" in page, name
