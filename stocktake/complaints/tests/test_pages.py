"""Pages post through the services and redirect; the due lists cost a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.complaints import selectors, services
from stocktake.complaints.models import Complaint, Procedure


def test_an_officer_records_acknowledges_and_answers_a_complaint(
    client: Client, officer: User, council: Organisation, service: Unit, handlers: list[Person],
    procedures: dict[str, Procedure],
) -> None:  # fmt: skip
    client.force_login(officer)
    response = client.post(
        reverse("complaints:receive", args=[council.uuid]),
        {
            "received_on": "2026-01-05", "channel": "telephone",
            "procedure": procedures["corporate"].pk, "unit": service.pk,
            "summary": "Rude reply", "complainant_name": "Anathema Device",
        },
    )  # fmt: skip
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    url = reverse("complaints:step", args=[complaint.uuid, "acknowledge"])
    response = client.post(url, {"on": "2026-01-06", "handler": handlers[0].pk})
    assert response.status_code == 302
    url = reverse("complaints:step", args=[complaint.uuid, "respond"])
    response = client.post(url, {"responded_on": "2026-01-07"})
    assert "Choose the outcome" in response.content.decode()
    client.post(url, {"responded_on": "2026-01-07", "outcome": "upheld", "remedy": "Apology"})
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CLOSED
    page = client.get(reverse("complaints:detail", args=[complaint.uuid])).content.decode()
    assert "Anathema Device" in page
    assert "On time" in page


def test_an_unknown_step_is_not_found(client: Client, officer: User, complaint: Complaint) -> None:
    client.force_login(officer)
    assert client.get(f"/complaints/{complaint.uuid}/explode/").status_code == 404


def test_the_due_lists_split_overdue_from_due_soon_in_fixed_queries(
    client: Client, officer: User, council: Organisation, procedures: dict[str, Procedure],
) -> None:  # fmt: skip
    today = services.today()
    for offset in (-10, -1, 0, 1, 7):  # received today at the latest
        services.complaint_receive(
            organisation=council, received_on=today + dt.timedelta(days=offset - 7),
            channel="email", summary="x", by=officer,
        )  # fmt: skip
    lists = selectors.due_lists(council, today=today)
    assert all(c.next_due_on and c.next_due_on < today for c in lists.overdue)
    assert all(c.next_due_on and today <= c.next_due_on <= lists.soon_until for c in lists.due_soon)
    assert len(lists.overdue) + len(lists.due_soon) < 5
    client.force_login(officer)
    url = reverse("complaints:due", args=[council.uuid])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        services.complaint_receive(
            organisation=council, received_on=today - dt.timedelta(days=20), channel="email",
            summary="x", by=officer,
        )  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("suffix", "kind"), [("report.pdf", "application/pdf"), ("report.docx", "officedocument")]
)
def test_the_annual_report_downloads(
    client: Client,
    officer: User,
    council: Organisation,
    complaint: Complaint,
    suffix: str,
    kind: str,
) -> None:
    client.force_login(officer)
    response = client.get(f"/organisations/{council.uuid}/complaints/{suffix}?year=2025")
    assert response.status_code == 200
    assert kind in response["Content-Type"]


def test_opening_the_receive_page_changes_nothing_and_the_first_complaint_sets_up_procedures(
    client: Client, officer: User, council: Organisation
) -> None:
    client.force_login(officer)
    url = reverse("complaints:receive", args=[council.uuid])
    assert client.get(url).status_code == 200
    assert not Procedure.objects.filter(organisation=council).exists()
    form = {"received_on": "2026-01-05", "channel": "email", "summary": "Missed bin"}
    assert client.post(url, form).status_code == 302
    assert Complaint.objects.get().procedure.is_default
