"""The annual report's figures on a generated dataset whose answers are known."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib.auth.models import User
from docx import Document as DocxDocument

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.complaints import annual, outputs, services, services_after
from stocktake.complaints.models import Procedure

D = dt.date


def _dataset(council: Organisation, service: Unit, officer: User, handlers: list[Person]) -> None:
    """Ten complaints in 2025/26: 6 for Customer Services, 4 for Waste; 3 go to stage 2."""
    waste = accounts.unit_create(organisation=council, name="Waste", kind="service")
    outcomes = ["upheld", "not_upheld", "partly_upheld", "not_upheld", "withdrawn"]
    for i in range(10):
        received = D(2025, 4, 1) + dt.timedelta(days=20 * i)
        complaint = services.complaint_receive(
            organisation=council, received_on=received, channel="email",
            unit=service if i < 6 else waste, summary=f"Complaint {i}", by=officer,
        )  # fmt: skip
        ack_on = received + dt.timedelta(days=1 if i else 14)  # the first is acknowledged late
        services.complaint_acknowledge(
            complaint=complaint, on=ack_on, handler=handlers[0], by=officer
        )
        # Even ones answered on the day, odd ones 30 days later (late at stage 1's 10 days).
        answered = ack_on + dt.timedelta(days=0 if i % 2 == 0 else 30)
        services.stage_respond(
            complaint=complaint, responded_on=answered, outcome=outcomes[i % 5], by=officer
        )
        if i in (0, 1, 6):
            services.complaint_escalate(
                complaint=complaint, on=answered, handler=handlers[1], by=officer
            )
            services.stage_respond(
                complaint=complaint, responded_on=answered, outcome="not_upheld", by=officer
            )
        if i == 0:
            case = services_after.ombudsman_refer(
                complaint=complaint, referred_on=D(2025, 9, 1), by=officer
            )
            services_after.ombudsman_decide(
                case=case, decision="upheld", decided_on=D(2025, 12, 1), by=officer
            )
            services_after.learning_add(
                complaint=complaint, what_changed="Crews now photograph missed bins",
                changed_on=D(2025, 10, 1), by=officer,
            )  # fmt: skip
        services_after.satisfaction_record(
            complaint=complaint, satisfaction=5 if i < 4 else 2, by=officer
        )
    services.complaint_receive(
        organisation=council, received_on=D(2026, 4, 1), channel="email", summary="Next year",
        by=officer,
    )  # fmt: skip


def test_the_annual_report_counts_stages_timeliness_outcomes_and_learning(
    council: Organisation,
    service: Unit,
    officer: User,
    handlers: list[Person],
    procedures: dict[str, Procedure],
) -> None:
    _dataset(council, service, officer, handlers)
    data = annual.annual_report(council, 2025)
    assert data["label"] == "2025/26"
    assert data["received"] == 10
    assert (data["acknowledged"], data["percent_acknowledged_on_time"]) == (10, 90.0)
    stage1, stage2 = data["stages"]
    assert (stage1["started"], stage1["answered"], stage1["on_time"]) == (10, 10, 5)
    assert stage1["percent_on_time"] == 50.0
    assert stage1["outcomes"] == {
        "Upheld": 2, "Partly upheld": 2, "Not upheld": 4, "Withdrawn": 2,
    }  # fmt: skip
    assert (stage2["started"], stage2["percent_on_time"]) == (3, 100.0)
    assert data["services"] == [
        {"service": "Customer Services", "received": 6, "stages": {1: 6, 2: 2}},
        {"service": "Waste", "received": 4, "stages": {1: 4, 2: 1}},
    ]
    assert data["ombudsman"] == {"referred": 1, "decisions": {"Fault found (upheld)": 1}}
    assert data["satisfaction"] == {"answers": 10, "percent_satisfied": 40.0}
    assert data["learning"][0]["what_changed"] == "Crews now photograph missed bins"
    assert annual.annual_report(council, 2026)["received"] == 1


def test_the_report_draws_a_labelled_chart_and_builds_pdf_and_word(
    council: Organisation,
    service: Unit,
    officer: User,
    handlers: list[Person],
    procedures: dict[str, Procedure],
) -> None:
    _dataset(council, service, officer, handlers)
    data = annual.annual_report(council, 2025)
    svg = outputs.chart_svg(data)
    assert svg.startswith("<svg")
    assert "Customer Services: stage 1 6, stage 2 2" in svg
    assert outputs.report_pdf(data).startswith(b"%PDF")
    assert outputs.report_docx(data).startswith(b"PK")


def test_an_empty_year_still_renders(council: Organisation) -> None:
    data = annual.annual_report(council, 2019)
    assert data["received"] == 0
    assert data["stages"] == []
    assert "None in the year" in outputs.chart_svg(data)


def test_who_complained_is_counted_with_small_numbers_suppressed(
    council: Organisation, officer: User, procedures: dict[str, Procedure]
) -> None:
    answers = [("under_25", True)] * 6 + [("65_over", False)] * 2 + [("", None)] * 5
    for band, disabled in answers:
        services.complaint_receive(
            organisation=council, received_on=D(2025, 6, 1), channel="email", summary="x",
            age_band=band, disabled=disabled, by=officer,
        )  # fmt: skip
    who = annual.annual_report(council, 2025)["who_complained"]
    assert who["Age band"] == {"65 and over": "fewer than 5", "Not asked": "5", "Under 25": "6"}
    assert who["Considers themselves disabled"] == {
        "No": "fewer than 5", "Not asked or not said": "5", "Yes": "6",
    }  # fmt: skip
    document = DocxDocument(io.BytesIO(outputs.report_docx(annual.annual_report(council, 2025))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Age band: 65 and over: fewer than 5; Not asked: 5; Under 25: 6" in text
