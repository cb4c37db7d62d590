"""Complaints and consultations summaries in reports: the figures, every output, snapshots frozen,
and nothing personal in anything the public can read."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pdfplumber
import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.complaints import services as complaints
from stocktake.consultations.models import Consultation
from stocktake.plans.models import Plan
from stocktake.reports import jobs, render
from stocktake.reports.build import build_report
from stocktake.reports.fixtures import performance_plan
from stocktake.reports.models import ReportDefinition, ReportJob, ReportSnapshot
from stocktake.reports.selectors import Spec
from stocktake.reports.word import report_docx
from stocktake.testing import MakeUser, publish

from .customer_data import PERSONAL, PUBLISHED, TODAY, UNPUBLISHED, CustomerData, customer_data

BOTH = ["complaints", "consultations"]


@pytest.fixture
def people(make_user: MakeUser, council: Organisation, service: Unit) -> list[Person]:
    names = ["Anathema Device", "Newton Pulsifer", "Lead officer Crowley"]
    return [make_user("Lead officer", council, unit=service, name=n)[1] for n in names]


@pytest.fixture
def data(council: Organisation, officer: User, people: list[Person], service: Unit) -> CustomerData:
    return customer_data(council, officer, people, service)


@pytest.fixture
def plan(council: Organisation, officer: User) -> Plan:
    return performance_plan(organisation=council, by=officer, actions=3)


def _report(plan: Plan, user: Any, layout: str = "actions", **spec: Any) -> dict[str, Any]:
    spec.setdefault("include", BOTH)
    chosen = Spec(plans=[plan], layout=layout, as_at=TODAY, title="Customer report", **spec)
    return build_report(chosen, user=user, today=TODAY)


def test_the_complaints_summary_counts_stages_timeliness_outcomes_ombudsman_and_learning(
    plan: Plan, officer: User, data: CustomerData
) -> None:
    found = _report(plan, officer)["complaints"]
    assert found["label"] == "2025/26"  # the financial year containing the as-at date
    assert found["received"] == 3
    stage1, stage2 = found["stages"]
    assert (stage1["started"], stage1["answered"], stage1["on_time"]) == (3, 2, 1)
    assert stage1["percent_on_time"] == 50.0
    assert (stage2["answered"], stage2["on_time"], stage2["percent_on_time"]) == (1, 0, 0.0)
    outcomes = dict(zip(found["outcome_labels"], stage1["outcomes"], strict=True))
    assert outcomes == {"Upheld": 1, "Partly upheld": 1, "Not upheld": 0, "Withdrawn": 0}
    services = {s["service"]: (s["received"], s["stages"]) for s in found["services"]}
    assert services == {"Customer Services": (1, [1, 1]), "Waste": (2, [2, 0])}
    assert found["ombudsman"] == {"referred": 1, "decisions": [["Fault found (upheld)", 1]]}
    assert found["learning"] == 1
    earlier = _report(plan, officer, summary_year=2024)["complaints"]
    assert (earlier["label"], earlier["received"], earlier["stages"]) == ("2024/25", 0, [])


def test_the_consultations_summary_counts_by_status_with_you_said_we_did_and_public_links(
    plan: Plan, officer: User, data: CustomerData
) -> None:
    found = _report(plan, officer)["consultations"]
    assert found["total"] == 3  # last year's is outside the period
    statuses = dict(found["by_status"])
    assert (statuses["Planned"], statuses["Open"], statuses["Outcome published"]) == (1, 1, 1)
    assert (found["feedback_lines"], found["with_feedback"]) == (2, 1)
    items = {i["title"]: i for i in found["items"]}
    assert set(items) == {PUBLISHED, UNPUBLISHED, "Leisure review"}  # staff see the planner
    assert items[PUBLISHED]["url"].endswith(
        reverse("consultations:public_detail", args=[data_uuid(PUBLISHED)])
    )
    assert items[UNPUBLISHED]["url"] == ""
    public = _report(plan, AnonymousUser())
    assert [i["title"] for i in public["consultations"]["items"]] == [PUBLISHED]
    assert "complaints" not in public
    assert public["complaints_withheld"]


def data_uuid(title: str) -> str:
    return str(Consultation.objects.get(title=title).uuid)


def _pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as document:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in document.pages)


def _docx_text(content: bytes) -> tuple[str, list[str]]:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    return "\n".join(parts), headings


def _xlsx(content: bytes) -> dict[str, list[list[Any]]]:
    book = load_workbook(io.BytesIO(content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }


def test_both_summaries_appear_in_html_pdf_word_and_excel(
    plan: Plan, officer: User, data: CustomerData
) -> None:
    report = _report(plan, officer, layout="performance")
    html = render.report_html(report)
    for words in ["Complaints summary 2025/26", "Consultations summary 2025/26", "50%"]:
        assert words in html
    pdf = _pdf_text(render.report_pdf(report))
    assert "Complaints summary 2025/26" in pdf
    assert "Consultations summary 2025/26" in pdf
    assert "Complaints by service" in pdf
    assert PUBLISHED in pdf
    text, headings = _docx_text(report_docx(report))
    assert {"Complaints summary 2025/26", "Consultations summary 2025/26"} <= set(headings)
    assert "Complaints by stage" in headings
    assert UNPUBLISHED in text
    sheets = _xlsx(render.report_xlsx(report))
    assert next(iter(sheets)) == "Report"
    assert sheets["Complaints by stage"][1][:5] == ["Stage 1", 3, 2, 1, "50%"]
    assert ["Waste", 2, 2, 0] in sheets["Complaints by service"]
    assert ["Outcome published", 1] in sheets["Consultations by status"]
    assert any(row[0] == PUBLISHED and row[5] for row in sheets["Consultations"])
    for output in (html, pdf, text, str(sheets)):
        for personal in PERSONAL:
            assert personal not in output, personal


def test_the_builder_offers_the_summaries_and_a_saved_definition_keeps_them(
    client: Client, plan: Plan, officer: User, data: CustomerData
) -> None:
    client.force_login(officer)
    builder = client.get(reverse("reports:report_builder")).content.decode()
    assert 'name="include" value="complaints"' in builder
    assert 'name="include" value="consultations"' in builder
    query = {"plans": [str(plan.uuid)], "layout": "actions", "as_at": TODAY.isoformat()}
    page = client.get(reverse("reports:report_builder"), query | {"include": BOTH})
    assert "Complaints summary 2025/26" in page.content.decode()
    plain = client.get(reverse("reports:report_builder"), query).content.decode()
    assert "Complaints summary" not in plain
    assert "Consultations summary" not in plain
    client.post(
        reverse("reports:definition_save"),
        query | {"include": ["consultations"], "summary_year": "2024"},
    )
    definition = ReportDefinition.objects.get()
    assert definition.filters["include"] == ["consultations"]
    saved = client.get(reverse("reports:definition_detail", args=[definition.uuid]))
    body = saved.content.decode()
    assert "Consultations summary 2024/25" in body
    assert "Complaints summary" not in body


def _publish(client: Client, plan: Plan, officer: User) -> ReportSnapshot:
    client.force_login(officer)
    client.post(
        reverse("reports:definition_save"),
        {
            "plans": [str(plan.uuid)],
            "layout": "performance",
            "title": "Customer report",
            "as_at": TODAY.isoformat(),
            "include": BOTH,
        },
    )
    definition = ReportDefinition.objects.get()
    client.post(reverse("reports:definition_publish", args=[definition.uuid]))
    return ReportSnapshot.objects.get()


def test_a_snapshot_keeps_the_summaries_as_they_were_when_complaints_later_change(
    client: Client, plan: Plan, officer: User, data: CustomerData
) -> None:
    snapshot = _publish(client, plan, officer)
    before = (snapshot.html, snapshot.data)
    assert snapshot.data["complaints"]["received"] == 3
    assert snapshot.data["complaints"]["stages"][0]["answered"] == 2
    complaints.stage_respond(
        complaint=data.open_complaint, responded_on=TODAY, outcome="upheld", by=officer
    )
    complaints.complaint_receive(
        organisation=plan.organisation, received_on=dt.date(2025, 12, 20), channel="email",
        service_name="Parks", summary="A fourth complaint", by=officer,
    )  # fmt: skip
    snapshot.refresh_from_db()
    assert (snapshot.html, snapshot.data) == before
    url = reverse("reports:snapshot_detail", args=[snapshot.uuid])
    assert client.get(url, {"format": "json"}).json() == before[1]
    sheets = _xlsx(client.get(url, {"format": "xlsx"}).content)
    assert ["Parks", 1, 0, 0] not in sheets["Complaints by service"]
    assert snapshot.definition is not None
    rerun = client.get(reverse("reports:definition_detail", args=[snapshot.definition.uuid]))
    assert "Parks" in rerun.content.decode()  # today's figures have moved on; the copy has not


def test_a_public_snapshot_has_the_complaints_figures_but_nothing_personal_or_unpublished(
    client: Client, plan: Plan, officer: User, data: CustomerData
) -> None:
    publish(plan, officer)
    snapshot = _publish(client, plan, officer)
    assert snapshot.is_public
    client.logout()
    url = reverse("reports:snapshot_detail", args=[snapshot.uuid])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Complaints summary 2025/26" in html  # aggregate, so it may be published
    assert "Consultations summary 2025/26" in html
    assert PUBLISHED in html
    outputs = {
        "html": html,
        "json": client.get(url, {"format": "json"}).content.decode(),
        "csv": client.get(url, {"format": "csv"}).content.decode(),
        "pdf": _pdf_text(client.get(url, {"format": "pdf"}).content),
        "docx": _docx_text(client.get(url, {"format": "docx"}).content)[0],
        "xlsx": str(_xlsx(client.get(url, {"format": "xlsx"}).content)),
    }
    assert "Complaints summary 2025/26" in outputs["pdf"]
    assert next(iter(csv.reader(io.StringIO(outputs["csv"]))))[0] == "Group"
    for kind, text in outputs.items():
        for secret in [*PERSONAL, UNPUBLISHED, "Leisure review"]:
            assert secret not in text, (kind, secret)


def test_the_health_card_shows_complaint_timeliness_and_consultations_closing_soon(
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    make_user: MakeUser,
    council: Organisation,
    plan: Plan,
    officer: User,
    data: CustomerData,
) -> None:
    monkeypatch.setattr("stocktake.reports.services.today", lambda: TODAY)
    url = reverse("reports:dashboard", args=[council.uuid])
    due = reverse("complaints:due", args=[council.uuid])
    client.force_login(officer)
    page = client.get(url).content.decode()
    card = client.get(url).context["card"]
    assert card.complaints.year_label == "2025/26"
    assert card.complaints.on_time == [(1, 50.0, 2), (2, 0.0, 1)]
    assert card.complaints.overdue == 1  # the third complaint's stage 1 reply is late
    assert card.consultations_closing == 1  # the leisure review; the depot one is later
    assert 'data-testid="complaint-timeliness"' in page
    assert f'href="{due}"' in page
    assert client.get(due).status_code == 200
    councillor = make_user("Councillor", council)[0]
    client.force_login(councillor)
    page = client.get(url).content.decode()
    assert "stage 1 responses on time" in page  # aggregate figures for members too
    assert f'href="{due}"' not in page  # but the due list names complaints: staff only
    for personal in PERSONAL:
        assert personal not in page


def test_a_background_word_file_carries_the_summaries_chosen_on_the_page(
    client: Client,
    settings: Any,
    tmp_path: Any,
    plan: Plan,
    officer: User,
    data: CustomerData,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(officer)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jobs, "async_task", lambda *args, **kw: None)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("reports:job_create"),
                {
                    "plans": [str(plan.uuid)],
                    "layout": "actions",
                    "format": "docx",
                    "include": BOTH,
                    "summary_year": "2025",
                },
            )
    job = ReportJob.objects.get()
    jobs.job_run(job.pk)
    job.refresh_from_db()
    assert job.status == "done", job.error
    text, headings = _docx_text(job.result.read())
    assert "Complaints summary 2025/26" in headings
    assert "Consultations summary 2025/26" in headings
    for personal in PERSONAL:
        assert personal not in text
