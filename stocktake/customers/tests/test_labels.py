"""Pages show the words for stored codes: channel labels, service names, age bands and ratings,
never face_to_face, CTAX, 25_44 or good."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.services_contacts import contacts_load
from stocktake.customers.templatetags.customer_labels import by_age_band, ratings_summary

from .helpers import csv_lines, row

CODES = ("face_to_face", "web_form", "BENEFIT", "CTAX", "25_44", "65_over", "under_25")


def _text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


def _feedback(council: Organisation, channel: str, rating: str, **fields: str) -> None:
    services.feedback_record(
        organisation=council,
        received_at=dt.datetime.now(dt.UTC),
        channel=channel,
        rating=rating,
        by=None,
        **fields,
    )


def test_the_feedback_and_segment_pages_show_labels_not_codes(
    client: Client, council: Organisation, officer: User
) -> None:
    _feedback(council, "email", "good", service_code="BENEFIT", age_band="25_44")
    _feedback(council, "face_to_face", "poor", service_code="CTAX", age_band="65_over")
    _feedback(council, "web_form", "average", age_band="under_25")
    _feedback(council, "web_form", "good")
    today = dt.date.today()
    yesterday = today - dt.timedelta(days=1)
    contacts_load(
        organisation=council,
        lines=csv_lines(row(f"{yesterday:%Y-%m-%d} 10:00", "face_to_face", area="E00000001")),
        source="t",
        by=None,
    )
    exercise = services.exercise_create(
        organisation=council, name="Spring", start=today, end=today, by=officer
    )
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    services.check_record(
        exercise=exercise,
        standard=standard,
        channel="face_to_face",
        service_code="CTAX",
        done_on=today,
        met=True,
        by=officer,
    )
    client.force_login(officer)
    feedback = _text(client, reverse("customers:feedback", args=[council.uuid]))
    assert "Email · Housing Benefit and Council Tax support: 1 good" in feedback
    assert "Face to face · Council Tax: 0 good, 0 average, 1 poor" in feedback
    assert "Web form · no service" in feedback
    assert "Face to face Council Tax 1 1" in feedback  # the mystery shopping table
    segments = _text(client, reverse("customers:segments", args=[council.uuid]))
    assert "Face to face: 1" in segments
    assert (
        "Under 25: Average 1 25 to 44: Good 1 65 and over: Poor 1 Not answered: Good 1" in segments
    )
    exercise_page = _text(client, reverse("customers:exercise_detail", args=[exercise.uuid]))
    assert "Face to face · Council Tax" in exercise_page
    for page in (feedback, segments, exercise_page):
        assert not [code for code in CODES if code in page]


def test_ratings_read_in_scale_order_and_unknown_codes_show_as_themselves() -> None:
    assert ratings_summary({"poor": 2, "good": 5}) == "Good 5, Poor 2"
    assert ratings_summary({"meh": 1, "average": 3}) == "Average 3, meh 1"
    bands = {"Not answered": {"good": 1}, "65_over": {}, "under_25": {}, "old_band": {}}
    assert [name for name, _ in by_age_band(bands)] == [
        "Under 25",
        "65 and over",
        "Not answered",
        "old_band",
    ]
