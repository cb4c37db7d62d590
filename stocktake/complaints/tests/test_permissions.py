"""Who sees what: complaints hold personal data, so each role is tested on each page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.complaints import services
from stocktake.complaints.models import Complaint
from stocktake.testing import MakeUser

SECRET = "agnes@example.org"


@pytest.fixture
def people(
    make_user: MakeUser,
    council: Organisation,
    other_council: Organisation,
    service: Unit,
    officer: User,
    complaint: Complaint,
) -> dict[str, User | None]:
    handler, handler_person = make_user("Lead officer", council, unit=service)
    services.complaint_acknowledge(
        complaint=complaint, on=dt.date(2026, 1, 5), handler=handler_person, by=officer
    )
    return {
        "anonymous": None,
        "Viewer": make_user("Viewer", council)[0],
        "Councillor": make_user("Councillor", council)[0],
        "Lead officer": make_user("Lead officer", council, unit=service)[0],
        "Lead officer (handler)": handler,
        "Performance officer": officer,
        "Performance officer (other council)": make_user("Performance officer", other_council)[0],
    }


def _get(client: Client, user: User | None, url: str) -> int:
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


DETAIL = {
    "anonymous": 302,
    "Viewer": 403,
    "Councillor": 403,
    "Lead officer": 200,
    "Lead officer (handler)": 200,
    "Performance officer": 200,
    "Performance officer (other council)": 403,
}
PERSONAL = {"Lead officer (handler)", "Performance officer"}
HANDLE = {role: 200 if role in PERSONAL else DETAIL[role] for role in DETAIL}
HANDLE["Lead officer"] = 403
REGISTER = DETAIL
RECEIVE = {**DETAIL, "Lead officer": 403, "Lead officer (handler)": 403}
REPORT = {**DETAIL, "Councillor": 200}


@pytest.mark.parametrize("role", DETAIL)
def test_only_handlers_see_the_complainants_details(
    client: Client, people: dict[str, User | None], complaint: Complaint, role: str
) -> None:
    if people[role] is not None:
        client.force_login(people[role])  # type: ignore[arg-type]
    response = client.get(reverse("complaints:detail", args=[complaint.uuid]))
    assert response.status_code == DETAIL[role]
    if response.status_code == 200:
        assert (SECRET in response.content.decode()) == (role in PERSONAL)


@pytest.mark.parametrize("role", HANDLE)
def test_only_handlers_take_steps(
    client: Client, people: dict[str, User | None], complaint: Complaint, role: str
) -> None:
    url = reverse("complaints:step", args=[complaint.uuid, "respond"])
    assert _get(client, people[role], url) == HANDLE[role]


@pytest.mark.parametrize("role", RECEIVE)
def test_only_editors_record_complaints(
    client: Client, people: dict[str, User | None], council: Organisation, role: str
) -> None:
    url = reverse("complaints:receive", args=[council.uuid])
    assert _get(client, people[role], url) == RECEIVE[role]


@pytest.mark.parametrize("role", REGISTER)
def test_the_register_and_due_lists_are_for_council_staff_without_personal_data(
    client: Client, people: dict[str, User | None], council: Organisation, role: str
) -> None:
    for name in ("register", "due"):
        url = reverse(f"complaints:{name}", args=[council.uuid])
        if people[role] is not None:
            client.force_login(people[role])  # type: ignore[arg-type]
        response = client.get(url)
        assert response.status_code == REGISTER[role]
        assert SECRET not in response.content.decode()
        assert "Agnes" not in response.content.decode()


@pytest.mark.parametrize("role", REPORT)
def test_the_annual_report_is_aggregate_and_councillors_may_read_it(
    client: Client, people: dict[str, User | None], council: Organisation, role: str
) -> None:
    url = reverse("complaints:report", args=[council.uuid]) + "?year=2025"
    if people[role] is not None:
        client.force_login(people[role])  # type: ignore[arg-type]
    response = client.get(url)
    assert response.status_code == REPORT[role]
    assert "Agnes" not in response.content.decode()
    assert "Bin not collected" not in response.content.decode()


def test_an_unknown_complaint_is_not_found(client: Client, officer: User) -> None:
    client.force_login(officer)
    assert client.get("/complaints/9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10/").status_code == 404
    assert client.get("/complaints/not-a-uuid/").status_code == 404


def test_a_handler_person_keeps_access_after_the_stage(
    people: dict[str, User | None], complaint: Complaint, handlers: list[Person]
) -> None:
    from stocktake.complaints.access import can_handle

    assert can_handle(people["Lead officer (handler)"], complaint)  # type: ignore[arg-type]
    assert not can_handle(people["Lead officer"], complaint)  # type: ignore[arg-type]
