"""Who complains: the area and equality-monitoring answers are optional, checked, shown only to
handlers, and counted by area segment and answer on the segments page."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.complaints import services
from stocktake.complaints.models import Complaint, Procedure
from stocktake.customers import services as customers
from stocktake.customers.segments import complaints_by_equality, complaints_by_segment
from stocktake.testing import MakeUser

AREAS = """code,name,district_code,segment_code,segment_name,population
E001,Town centre,E07000077,1A,Cosmopolitans,300
E002,Village,E07000077,7B,Rural residents,200
E003,Estate,E07000077,4C,Hard-pressed living,500
"""
JAN = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def _receive(council: Organisation, officer: User, on: dt.date, **answers: object) -> Complaint:
    return services.complaint_receive(
        organisation=council, received_on=on, channel="email", summary="x", by=officer,
        **answers,  # type: ignore[arg-type]
    )  # fmt: skip


def test_the_receive_page_records_the_area_and_equality_answers(
    client: Client, officer: User, council: Organisation, service: Unit,
    procedures: dict[str, Procedure],
) -> None:  # fmt: skip
    client.force_login(officer)
    form = {
        "received_on": "2026-01-05", "channel": "telephone",
        "procedure": procedures["corporate"].pk, "summary": "Rude reply",
        "area_code": " e00012345 ", "age_band": "45_64", "disabled": "no",
    }  # fmt: skip
    response = client.post(reverse("complaints:receive", args=[council.uuid]), form)
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    answers = (complaint.area_code, complaint.age_band, complaint.disabled)
    assert answers == ("E00012345", "45_64", False)
    page = client.get(reverse("complaints:detail", args=[complaint.uuid])).content.decode()
    assert "E00012345" in page
    assert "45 to 64" in page


def test_unanswered_questions_stay_unanswered(
    client: Client, officer: User, council: Organisation, procedures: dict[str, Procedure]
) -> None:
    client.force_login(officer)
    form = {
        "received_on": "2026-01-05", "channel": "telephone",
        "procedure": procedures["corporate"].pk, "summary": "Rude reply",
    }  # fmt: skip
    client.post(reverse("complaints:receive", args=[council.uuid]), form)
    complaint = Complaint.objects.get()
    assert (complaint.area_code, complaint.age_band, complaint.disabled) == ("", "", None)


def test_an_area_code_that_is_not_a_code_is_refused_and_nothing_is_stored(
    client: Client, officer: User, council: Organisation, procedures: dict[str, Procedure]
) -> None:
    client.force_login(officer)
    form = {
        "received_on": "2026-01-05", "channel": "telephone",
        "procedure": procedures["corporate"].pk, "summary": "Rude reply",
        "area_code": "12 High St",
    }  # fmt: skip
    response = client.post(reverse("complaints:receive", args=[council.uuid]), form)
    assert response.status_code == 200
    assert "Enter an area code of up to 12 letters and digits" in response.content.decode()
    assert not Complaint.objects.exists()


def test_equality_answers_are_hidden_from_staff_who_do_not_handle_the_complaint(
    client: Client, officer: User, council: Organisation, service: Unit, make_user: MakeUser,
    procedures: dict[str, Procedure],
) -> None:  # fmt: skip
    complaint = _receive(council, officer, dt.date(2026, 1, 5), area_code="E00099999")
    other, _ = make_user("Lead officer", council, unit=service)
    client.force_login(other)
    page = client.get(reverse("complaints:detail", args=[complaint.uuid]))
    assert page.status_code == 200
    assert "E00099999" not in page.content.decode()


def test_complaints_break_down_by_segment_with_segments_that_do_not_complain(
    council: Organisation, officer: User, procedures: dict[str, Procedure]
) -> None:
    council.gss_code = "E07000077"
    council.save()
    customers.areas_load(lines=io.StringIO(AREAS))
    for area in ["E001", "E001", "E001", "E002", "", "W999"]:
        _receive(council, officer, dt.date(2026, 1, 10), area_code=area)
    _receive(council, officer, dt.date(2026, 2, 1), area_code="E003")  # outside January
    rows = {row.name: row for row in complaints_by_segment(council, *JAN)}
    assert rows["Cosmopolitans"].complaints == 3
    assert rows["Cosmopolitans"].per_thousand == Decimal("10.00")
    assert rows["Rural residents"].complaints == 1
    assert rows["Hard-pressed living"].complaints == 0  # people there, no complaints
    assert rows["Unknown area"].complaints == 2  # none given, or not in the classification
    assert list(rows)[-1] == "Unknown area"


def test_complainants_break_down_by_equality_answer(
    council: Organisation, officer: User, procedures: dict[str, Procedure]
) -> None:
    _receive(council, officer, dt.date(2026, 1, 3), age_band="under_25", disabled=True)
    _receive(council, officer, dt.date(2026, 1, 4), age_band="under_25", disabled=False)
    _receive(council, officer, dt.date(2026, 1, 5))
    for _ in range(5):
        _receive(council, officer, dt.date(2026, 1, 6), age_band="45_64")
    found = complaints_by_equality(council, *JAN)
    # Counts under 5 are not shown, so no one can be picked out.
    assert found["Age band"] == {
        "45 to 64": "5", "Not asked": "fewer than 5", "Under 25": "fewer than 5",
    }  # fmt: skip
    assert found["Considers themselves disabled"] == {
        "No": "fewer than 5", "Not asked or not said": "6", "Yes": "fewer than 5",
    }  # fmt: skip


def test_the_segments_page_shows_complaints_by_segment(
    client: Client, officer: User, council: Organisation, procedures: dict[str, Procedure]
) -> None:
    council.gss_code = "E07000077"
    council.save()
    customers.areas_load(lines=io.StringIO(AREAS))
    _receive(council, officer, dt.date(2026, 1, 10), area_code="E002", age_band="65_over")
    client.force_login(officer)
    url = reverse("customers:segments", args=[council.uuid])
    page = client.get(url, {"end": "2026-01"}).content.decode()
    assert 'data-testid="complaints-by-segment"' in page
    assert "Rural residents" in page
    assert "65 and over: fewer than 5" in page
