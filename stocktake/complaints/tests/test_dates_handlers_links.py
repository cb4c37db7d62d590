"""Nothing is dated in the future, only those who may handle complaints are named handlers,
links go only to pages the reader may open, and the annual report writes dates in words."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from docx import Document

from stocktake.accounts.models import Organisation, Person
from stocktake.complaints import access, annual, outputs, services, services_after
from stocktake.complaints.models import Complaint, Procedure
from stocktake.testing import MakeUser

TODAY = services.today()
TOMORROW = TODAY + dt.timedelta(days=1)


def _receive_page(council: Organisation) -> str:
    return reverse("complaints:receive", args=[council.uuid])


def test_a_complaint_received_tomorrow_is_refused_beside_the_date_and_nothing_is_recorded(
    client: Client, officer: User, council: Organisation, procedures: dict[str, Procedure]
) -> None:
    client.force_login(officer)
    response = client.post(
        _receive_page(council),
        {"received_on": TOMORROW.isoformat(), "channel": "email", "summary": "Bins"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_received_on"' in page
    assert "The date must be today or in the past" in page
    assert not Complaint.objects.exists()


def test_a_complaint_received_today_is_recorded(
    officer: User, council: Organisation, procedures: dict[str, Procedure]
) -> None:
    made = services.complaint_receive(
        organisation=council, received_on=TODAY, channel="email", summary="x", by=officer
    )
    assert made.reference == f"C{TODAY.year}-0001"


def test_no_step_on_a_complaint_can_be_dated_tomorrow(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.complaint_accept(complaint=complaint, on=TOMORROW, by=officer)
    assert "on" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.complaint_refuse(complaint=complaint, on=TOMORROW, reason="x", by=officer)
    with pytest.raises(ValidationError):
        services.complaint_acknowledge(
            complaint=complaint, on=TOMORROW, handler=handlers[0], by=officer
        )
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RECEIVED
    assert complaint.acknowledged_on is None
    services.complaint_acknowledge(complaint=complaint, on=TODAY, handler=handlers[0], by=officer)
    with pytest.raises(ValidationError):
        services.stage_extend(
            complaint=complaint, days=2, reason="x", agreed_on=TOMORROW, by=officer
        )
    with pytest.raises(ValidationError) as refused:
        services.stage_respond(
            complaint=complaint, responded_on=TOMORROW, outcome="upheld", by=officer
        )
    assert "responded_on" in refused.value.message_dict
    services.stage_respond(complaint=complaint, responded_on=TODAY, outcome="upheld", by=officer)
    with pytest.raises(ValidationError):
        services.complaint_escalate(
            complaint=complaint, on=TOMORROW, handler=handlers[1], by=officer
        )
    with pytest.raises(ValidationError):
        services_after.ombudsman_refer(complaint=complaint, referred_on=TOMORROW, by=officer)
    with pytest.raises(ValidationError):
        services_after.learning_add(
            complaint=complaint, what_changed="x", changed_on=TOMORROW, by=officer
        )
    assert complaint.stages.count() == 1
    assert not complaint.ombudsman_cases.exists()


def test_a_step_dated_tomorrow_is_shown_again_with_the_error_beside_the_date(
    client: Client, complaint: Complaint, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("complaints:step", args=[complaint.uuid, "decide"])
    response = client.post(url, {"decision": "accept", "on": TOMORROW.isoformat()})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_on"' in page
    assert "The date must be today or in the past" in page


@pytest.fixture
def others(make_user: MakeUser, council: Organisation) -> dict[str, Person]:
    return {
        role or "No role": make_user(role, council)[1]
        for role in ("Councillor", "Viewer", None, "Performance officer")
    }


def test_only_people_who_may_handle_complaints_are_offered_as_handlers(
    client: Client, officer: User, complaint: Complaint, handlers: list[Person],
    others: dict[str, Person], council: Organisation,
) -> None:  # fmt: skip
    without_login = Person.objects.create(organisation=council, name="Sam Service")
    client.force_login(officer)
    page = client.get(reverse("complaints:step", args=[complaint.uuid, "acknowledge"]))
    offered = set(page.context["form"].fields["handler"].queryset)
    assert offered == {
        *handlers,
        others["Performance officer"],
        without_login,
        Person.objects.get(user=officer),
    }


@pytest.mark.parametrize("role", ["Councillor", "Viewer", "No role"])
def test_someone_who_may_not_handle_complaints_cannot_be_made_a_handler(
    client: Client, officer: User, complaint: Complaint, others: dict[str, Person], role: str
) -> None:
    client.force_login(officer)
    url = reverse("complaints:step", args=[complaint.uuid, "acknowledge"])
    response = client.post(url, {"on": TODAY.isoformat(), "handler": others[role].pk})
    assert "Choose someone who may handle complaints" in response.content.decode()
    with pytest.raises(ValidationError) as refused:
        services.complaint_acknowledge(
            complaint=complaint, on=TODAY, handler=others[role], by=officer
        )
    assert "handler" in refused.value.message_dict
    assert not complaint.stages.exists()
    user = others[role].user
    assert user is not None
    assert not access.can_handle(user, complaint)


def _links(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_councillor_is_linked_to_the_annual_report_and_not_to_the_register(
    client: Client, make_user: MakeUser, council: Organisation
) -> None:
    register = reverse("complaints:register", args=[council.uuid])
    due = reverse("complaints:due", args=[council.uuid])
    report = reverse("complaints:report", args=[council.uuid])
    client.force_login(make_user("Councillor", council)[0])
    for url in (reverse("customers:dashboard", args=[council.uuid]), report):
        page = _links(client, url)
        assert f'href="{register}"' not in page
        assert f'href="{due}"' not in page
        assert f'href="{report}"' in page
    assert client.get(register).status_code == 403


def test_staff_are_linked_to_the_register_and_the_annual_report(
    client: Client, officer: User, council: Organisation
) -> None:
    register = reverse("complaints:register", args=[council.uuid])
    report = reverse("complaints:report", args=[council.uuid])
    client.force_login(officer)
    page = _links(client, reverse("customers:dashboard", args=[council.uuid]))
    assert f'href="{register}"' in page
    assert f'href="{report}"' in page


def test_the_annual_report_gives_its_dates_in_words_on_the_page_pdf_and_word(
    client: Client, officer: User, council: Organisation, complaint: Complaint
) -> None:
    client.force_login(officer)
    page = _links(client, reverse("complaints:report", args=[council.uuid]) + "?year=2025")
    assert "received between 1 April 2025 and 31 March 2026" in page
    assert "2025-04-01" not in page
    data = annual.annual_report(council, 2025)
    assert data["start"] == dt.date(2025, 4, 1)  # a date: the API gives it as ISO
    printed = render_to_string("complaints/annual_print.html", {"report": data})
    assert "between 1 April 2025 and 31 March 2026" in printed
    words = "\n".join(p.text for p in Document(io.BytesIO(outputs.report_docx(data))).paragraphs)
    assert "between 1 April 2025 and 31 March 2026" in words
    assert "2025-04-01" not in words
