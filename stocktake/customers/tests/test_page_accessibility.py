"""The contact pages to a screen reader: every chart is an image with its figures as its text
alternative, and every data table has a caption."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.services_contacts import contacts_load

from .helpers import csv_lines, row


def _contacts(council: Organisation) -> None:
    contacts_load(
        organisation=council,
        lines=csv_lines(
            row("2026-03-02 10:00", "telephone", avoidable="yes", reason="repeat", first="y"),
            row("2026-03-03 10:00", "telephone", avoidable="no", first="y"),
            row("2026-03-04 10:00", "email", avoidable="no", first="n"),
            row("2026-03-05 10:00", "web_form", service="BIN"),
        ),
        source="t",
        by=None,
    )


def _soup(client: Client, url: str, **query: str) -> BeautifulSoup:
    response = client.get(url, query)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_dashboard_charts_are_images_whose_text_gives_the_figures_they_show(
    client: Client, council: Organisation, officer: User
) -> None:
    _contacts(council)
    client.force_login(officer)
    page = _soup(client, reverse("customers:dashboard", args=[council.uuid]), end="2026-03")
    charts = [svg for svg in page.find_all("svg") if not svg.find_parent("svg")]
    assert len(charts) == 3
    assert all(svg.get("role") == "img" for svg in charts)
    volumes, shift, rates = (str(svg.get("aria-label")) for svg in charts)
    assert "March 2026: 4 (Telephone 2, Email 1, Web form 1)" in volumes
    assert "February 2026: 0" in volumes
    assert "March 2026: Telephone 50.0%, Email 25.0%, Web form 25.0%" in shift
    assert "February 2026: no contacts" in shift
    # Three assessed, one avoidable; three with first contact known, two resolved.
    assert "March 2026: avoidable 33.3%, resolved at first contact 66.7%" in rates
    assert "February 2026: avoidable none assessed" in rates


def test_every_data_table_on_the_contact_feedback_and_access_point_pages_has_a_caption(
    client: Client, council: Organisation, officer: User
) -> None:
    _contacts(council)
    point = services.access_point_create(
        organisation=council, code="hub", name="Town hall", kind="service_centre", by=officer
    )
    services.session_add(
        access_point=point, weekday=0, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    services.feedback_record(
        organisation=council,
        received_at=dt.datetime.now(dt.UTC),
        channel="email",
        rating="good",
        by=None,
    )
    client.force_login(officer)
    org = council.uuid
    pages = [
        reverse("customers:dashboard", args=[org]),
        reverse("customers:ni14", args=[org]),
        reverse("customers:feedback", args=[org]),
        reverse("customers:segments", args=[org]),
        reverse("customers:access_point_list"),
        reverse("customers:access_point_detail", args=[point.uuid]),
        reverse("customers:manage_access_points", args=[org]),
        reverse("customers:access_point_hours", args=[point.uuid]),
        reverse("customers:manage_standards", args=[org]),
        reverse("customers:exercises", args=[org]),
    ]
    uncaptioned = {}
    for url in pages:
        tables = _soup(client, url, end="2026-03").find_all("table")
        assert tables, url
        missing = [t for t in tables if not (t.caption and t.caption.get_text(strip=True))]
        if missing:
            uncaptioned[url] = len(missing)
    assert uncaptioned == {}
