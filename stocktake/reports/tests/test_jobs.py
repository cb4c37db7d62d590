"""Long reports' PDF and Word files are prepared in the background, with progress, for the asker."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan
from stocktake.reports import jobs, services
from stocktake.reports.fixtures import performance_plan
from stocktake.reports.models import ReportJob
from stocktake.testing import World


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def plan(council: Organisation, officer: User) -> Plan:
    return performance_plan(organisation=council, by=officer, actions=6, indicator_count=1)


def _ask(client: Client, plan: Plan, kind: str, **extra: str) -> tuple[Any, ReportJob | None]:
    data = {"plans": [str(plan.uuid)], "layout": "performance", "format": kind, **extra}
    response = client.post(reverse("reports:job_create"), data)
    return response, ReportJob.objects.order_by("-id").first()


def _download(client: Client, job: ReportJob) -> bytes:
    response = client.get(reverse("reports:job_download", args=[job.uuid]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_a_pdf_job_is_queued_shows_progress_and_runs_to_a_readable_file(
    client: Client, plan: Plan, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    queued: list[tuple[Any, ...]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jobs, "async_task", lambda *args, **kw: queued.append(args))
        with django_capture_on_commit_callbacks(execute=True):
            response, job = _ask(client, plan, "pdf", title="Cabinet pack")
    assert job is not None
    assert queued == [(jobs.TASK, job.pk)]  # handed to the worker, not run in the request
    assert response["Location"] == reverse("reports:job_detail", args=[job.uuid])
    waiting = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in waiting
    assert "Waiting to start" in waiting
    assert client.get(reverse("reports:job_download", args=[job.uuid])).status_code == 404

    jobs.job_run(job.pk)

    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == ("done", 100, "")
    assert job.title == "Cabinet pack"
    done = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert reverse("reports:job_download", args=[job.uuid]) in done
    with pdfplumber.open(io.BytesIO(_download(client, job))) as document:
        text = " ".join(page.extract_text() or "" for page in document.pages)
    assert "Cabinet pack" in text
    assert "improvement 6" in " ".join(text.split())  # cells wrap in narrow columns


def test_a_word_job_for_a_saved_report_makes_an_editable_document(
    client: Client, plan: Plan, officer: User
) -> None:
    definition = services.definition_save(
        title="Audit committee pack", layout="actions", plans=[plan], by=officer
    )
    client.force_login(officer)
    page = client.get(reverse("reports:definition_detail", args=[definition.uuid]))
    assert "Prepare Word" in page.content.decode()
    client.post(
        reverse("reports:job_create"), {"definition": str(definition.uuid), "format": "docx"}
    )
    job = ReportJob.objects.get()
    assert job.definition == definition

    jobs.job_run(job.pk)

    document = Document(io.BytesIO(_download(client, job)))
    assert document.paragraphs[0].text == "Audit committee pack"
    texts = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "Deliver improvement 3" in texts


def test_a_failing_job_records_the_error_and_stops_refreshing(
    client: Client, plan: Plan, officer: User
) -> None:
    client.force_login(officer)
    _, job = _ask(client, plan, "pdf")
    assert job is not None

    def broken(data: dict[str, Any]) -> bytes:
        raise RuntimeError("The PDF engine ran out of fonts")

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(jobs._MAKERS, "pdf", broken)
        jobs.job_run(job.pk)

    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == "The PDF engine ran out of fonts"
    assert not job.result
    page = client.get(reverse("reports:job_detail", args=[job.uuid])).content.decode()
    assert "could not be prepared" in page
    assert "ran out of fonts" in page
    assert 'http-equiv="refresh"' not in page


def test_a_job_fails_when_the_asker_cannot_see_its_plan_when_it_runs(
    client: Client, world: World
) -> None:
    plan, _action, users = world
    outsider = users["Lead officer (other unit)"]  # cannot see the draft plan
    assert outsider is not None
    job = jobs.job_queue(
        params={"plans": [str(plan.uuid)], "layout": ["actions"]},
        format="docx",
        plans=[plan],
        by=outsider,
    )
    jobs.job_run(job.pk)
    job.refresh_from_db()
    assert job.status == "failed"
    assert "no longer valid" in job.error
    assert not job.result
    client.force_login(outsider)
    assert client.get(reverse("reports:job_detail", args=[job.uuid])).status_code == 403


def test_only_the_asker_who_can_still_see_the_report_gets_the_file(
    client: Client, world: World, officer: User, other_council: Organisation
) -> None:
    plan, _action, users = world
    client.force_login(officer)
    _, job = _ask(client, plan, "docx")
    assert job is not None
    jobs.job_run(job.pk)
    urls = [
        reverse("reports:job_detail", args=[job.uuid]),
        reverse("reports:job_download", args=[job.uuid]),
    ]
    assert [client.get(u).status_code for u in urls] == [200, 200]
    for role in ["Councillor", "Administrator", "Performance officer (other council)"]:
        someone = users[role]
        assert someone is not None
        client.force_login(someone)
        assert [client.get(u).status_code for u in urls] == [403, 403], role
    superuser = users["superuser"]
    assert superuser is not None
    client.force_login(superuser)
    assert [client.get(u).status_code for u in urls] == [200, 200]
    client.logout()
    assert [client.get(u).status_code for u in urls] == [302, 302]
    client.force_login(officer)
    missing = reverse("reports:job_detail", args=["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"])
    assert client.get(missing).status_code == 404


def test_nobody_can_queue_a_file_of_a_plan_they_cannot_see(
    client: Client, world: World, officer: User
) -> None:
    plan, _action, users = world
    stranger = users["Performance officer (other council)"]
    assert stranger is not None
    client.force_login(stranger)
    response, job = _ask(client, plan, "pdf")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert job is None
    assert client.post(reverse("reports:job_create"), {"format": "exe"}).status_code == 404


def test_tidying_fails_jobs_whose_worker_stopped_and_deletes_month_old_files(
    client: Client, plan: Plan, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jobs, "async_task", lambda *args, **kw: None)
        with django_capture_on_commit_callbacks(execute=True):
            _, stuck = _ask(client, plan, "pdf")
            _, done = _ask(client, plan, "docx")
    assert stuck is not None
    assert done is not None
    jobs.job_run(done.pk)
    done.refresh_from_db()
    path = Path(done.result.path)
    assert path.exists()
    ReportJob.objects.filter(pk=stuck.pk).update(status="running", progress=30)

    now = timezone.now()
    assert jobs.jobs_tidy(now=now + dt.timedelta(minutes=10)) == (0, 0)
    assert jobs.jobs_tidy(now=now + dt.timedelta(minutes=31)) == (1, 0)
    stuck.refresh_from_db()
    assert stuck.status == "failed"
    assert (
        "Please ask again"
        in client.get(reverse("reports:job_detail", args=[stuck.uuid])).content.decode()
    )
    assert jobs.jobs_tidy(now=now + dt.timedelta(days=31)) == (0, 1)
    done.refresh_from_db()
    assert not path.exists()
    assert not done.result
    assert client.get(reverse("reports:job_download", args=[done.uuid])).status_code == 404
