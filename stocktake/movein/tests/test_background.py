"""The dry run and the import run in the background worker; the pages watch them, once only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Indicator, Measurement
from stocktake.movein import jobs, services
from stocktake.movein.models import MoveIn, MoveInJob
from stocktake.movein.reading import rows_about
from stocktake.testing import MakeUser

from .conftest import MakeIndicators, Worker, write_csv, write_xlsx

REFRESH = 'http-equiv="refresh"'


def _uploaded(council: Organisation, officer: User, path: Path) -> MoveIn:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return services.movein_upload(
        organisation=council, kind="indicators", upload=upload, by=officer
    )


def _checked(council: Organisation, officer: User, path: Path, worker: Worker) -> MoveIn:
    movein = _uploaded(council, officer, path)
    with worker():
        jobs.check_queue(movein=movein, mapping=movein.mapping, by=officer)
    movein.refresh_from_db()
    assert movein.state == MoveIn.State.CHECKED
    return movein


def _said(response: Any) -> str:
    """The message the response added (earlier ones wait unread: no redirect is followed)."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


def test_the_dry_run_is_queued_then_the_preview_shows_its_report(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_indicators(council, 2)
    movein = _uploaded(council, officer, long_csv(2))
    client.force_login(officer)
    preview = reverse("movein:movein_preview", args=[movein.uuid])
    with django_capture_on_commit_callbacks() as queued:
        jobs.check_queue(movein=movein, mapping=movein.mapping, by=officer)
    assert len(queued) == 1  # handed to the worker once committed, not run here
    waiting = client.get(preview).content.decode()
    assert REFRESH in waiting
    assert "Waiting to start" in waiting
    assert "Import the history" not in waiting
    # The mapping is fixed while its check runs: the mapping page sends you to watch it.
    assert client.get(reverse("movein:movein_map", args=[movein.uuid]))["Location"] == preview

    with worker():
        queued[0]()

    job = MoveInJob.objects.get()
    assert (job.dry_run, job.status, job.rows_done, job.rows_total) == (True, "done", 16, 16)
    page = client.get(preview).content.decode()
    assert REFRESH not in page
    assert "What the import would do" in page
    assert "Import the history" in page
    assert not Measurement.objects.exists()


def test_the_import_is_queued_shows_progress_then_the_reconciliation(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_indicators(council, 3)
    movein = _checked(council, officer, long_csv(3), worker)
    client.force_login(officer)
    preview = reverse("movein:movein_preview", args=[movein.uuid])
    report = reverse("movein:movein_report", args=[movein.uuid])
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(preview)
    assert response["Location"] == report
    assert len(queued) == 1
    job = MoveInJob.objects.get(dry_run=False)
    assert (job.status, job.requested_by) == ("queued", officer)
    assert client.get(preview)["Location"] == report  # the preview sends you to watch it
    waiting = client.get(report).content.decode()
    assert REFRESH in waiting
    assert "Waiting to start" in waiting
    assert not Measurement.objects.exists()
    MoveInJob.objects.filter(pk=job.pk).update(status="running", rows_done=10, rows_total=24)
    running = client.get(report).content.decode()
    assert "Importing the file: 10 of about 24 rows read" in running
    assert 'value="41"' in running
    MoveInJob.objects.filter(pk=job.pk).update(status="queued", rows_done=0)

    with worker():
        queued[0]()

    job.refresh_from_db()
    assert (job.status, job.rows_done, job.error) == ("done", 24, "")
    assert job.finished_at is not None
    assert Measurement.objects.count() == 24
    done = client.get(report).content.decode()
    assert REFRESH not in done
    assert "Reconciliation" in done
    movein.refresh_from_db()
    assert movein.state == MoveIn.State.IMPORTED
    assert movein.report["created"] == {"indicator values": 24}


def test_a_failing_import_writes_nothing_and_says_why(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
) -> None:
    make_indicators(council, 3)
    movein = _checked(council, officer, long_csv(3), worker)
    # Between the check and the import the last indicator goes: its rows come after the others'
    # values have been written, so the run must take those back.
    Indicator.objects.filter(definition__code="PI 003").delete()
    client.force_login(officer)
    with worker():
        client.post(reverse("movein:movein_preview", args=[movein.uuid]))

    job = MoveInJob.objects.get(dry_run=False)
    assert job.status == "failed"
    assert job.error.startswith("8 rows name items Stocktake does not have; line 18: ")
    assert not Measurement.objects.exists()
    movein.refresh_from_db()
    assert movein.state == MoveIn.State.CHECKED
    page = client.get(reverse("movein:movein_report", args=[movein.uuid])).content.decode()
    assert REFRESH not in page
    assert "The import did not finish: nothing was changed" in page
    assert "8 rows name items Stocktake does not have" in page
    # Nothing changed, so the import may be asked for again (and fails the same way).
    with worker():
        client.post(reverse("movein:movein_preview", args=[movein.uuid]))
    assert MoveInJob.objects.filter(dry_run=False, status="failed").count() == 2


def test_a_run_that_breaks_unexpectedly_is_failed_with_its_reason(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
) -> None:
    make_indicators(council, 1)
    movein = _checked(council, officer, long_csv(1), worker)
    Path(movein.file.path).unlink()
    client.force_login(officer)
    with worker():
        client.post(reverse("movein:movein_preview", args=[movein.uuid]))
    job = MoveInJob.objects.get(dry_run=False)
    assert job.status == "failed"
    assert job.error.startswith("The run stopped unexpectedly (FileNotFoundError")
    assert not Measurement.objects.exists()


def test_a_second_post_queues_no_second_run(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_indicators(council, 2)
    movein = _checked(council, officer, long_csv(2), worker)
    client.force_login(officer)
    preview = reverse("movein:movein_preview", args=[movein.uuid])
    report = reverse("movein:movein_report", args=[movein.uuid])
    with django_capture_on_commit_callbacks() as queued:
        first = client.post(preview)
        second = client.post(preview)  # a double click
        remapped = client.post(reverse("movein:movein_map", args=[movein.uuid]), {})
    assert len(queued) == 1
    assert MoveInJob.objects.filter(dry_run=False).count() == 1
    assert first["Location"] == second["Location"] == report
    assert _said(second) == (
        "This file is already being checked or imported: wait for that to finish; "
        "nothing was changed"
    )
    assert remapped["Location"] == preview
    assert _said(remapped) == "This file is already being checked or imported"

    with worker():
        queued[0]()
        queued[0]()  # the worker given the same task twice runs it once
        again = client.post(preview)  # the back button, after it has finished
    assert Measurement.objects.count() == 16
    assert MoveInJob.objects.filter(dry_run=False).count() == 1
    assert again["Location"] == report
    assert _said(again) == "This file has already been imported; nothing was changed"


def test_an_import_needs_a_finished_check(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_indicators(council, 1)
    movein = _uploaded(council, officer, long_csv(1))
    client.force_login(officer)
    preview = reverse("movein:movein_preview", args=[movein.uuid])
    with django_capture_on_commit_callbacks() as queued:
        unchecked = client.post(preview)  # a forged POST: no dry run yet
        jobs.check_queue(movein=movein, mapping=movein.mapping, by=officer)
        checking = client.post(preview)  # while the check is under way
    assert len(queued) == 1
    assert unchecked["Location"] == checking["Location"] == preview
    assert _said(unchecked) == (
        "Check the file with a dry run before importing it; nothing was changed"
    )
    assert "already being checked" in _said(checking)
    assert not MoveInJob.objects.filter(dry_run=False).exists()


def test_the_database_refuses_two_runs_under_way_at_once(
    council: Organisation, officer: User, long_csv: Callable[[int], Path]
) -> None:
    movein = _uploaded(council, officer, long_csv(1))
    MoveInJob.objects.create(movein=movein, dry_run=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        MoveInJob.objects.create(movein=movein, dry_run=False)


def test_the_run_is_done_as_the_asker_whose_rights_are_checked_again(
    council: Organisation,
    officer: User,
    make_user: MakeUser,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
) -> None:
    make_indicators(council, 1)
    movein = _checked(council, officer, long_csv(1), worker)
    viewer, _ = make_user("Viewer", council)
    job = MoveInJob.objects.create(movein=movein, dry_run=False, requested_by=viewer)
    jobs.job_run(job.pk)
    job.refresh_from_db()
    assert (job.status, job.error) == (
        "failed",
        "The person who asked for this run may no longer move in.",
    )
    assert not Measurement.objects.exists()


def test_a_lead_officer_can_neither_watch_nor_start_a_run(
    client: Client, council: Organisation, officer: User, make_user: MakeUser, tmp_path: Path
) -> None:
    movein = _uploaded(
        council, officer, write_csv(tmp_path / "a.csv", [["Code", "Value"], ["PI 1", "1"]])
    )
    MoveInJob.objects.create(movein=movein, dry_run=False, requested_by=officer)
    lead, _ = make_user("Lead officer", council)
    client.force_login(lead)
    for name in ("movein_preview", "movein_report", "movein_map"):
        assert client.get(reverse(f"movein:{name}", args=[movein.uuid])).status_code == 403
    assert client.post(reverse("movein:movein_preview", args=[movein.uuid])).status_code == 403
    assert MoveInJob.objects.count() == 1


def test_the_status_pages_ask_the_same_queries_whatever_the_file(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    wide_xlsx: Callable[[int], Path],
) -> None:
    make_indicators(council, 20)
    client.force_login(officer)
    counts = []
    for path, status, done in ((long_csv(1), "queued", 0), (wide_xlsx(20), "running", 90)):
        movein = _uploaded(council, officer, path)
        MoveInJob.objects.create(movein=movein, dry_run=True, status=status, rows_done=done)
        with CaptureQueriesContext(connection) as checking:
            page = client.get(reverse("movein:movein_preview", args=[movein.uuid]))
            assert REFRESH in page.content.decode()
        MoveInJob.objects.filter(movein=movein).update(status="done")
        MoveIn.objects.filter(pk=movein.pk).update(state=MoveIn.State.CHECKED)
        MoveInJob.objects.create(movein=movein, dry_run=False, status=status, rows_done=done)
        with CaptureQueriesContext(connection) as importing:
            page = client.get(reverse("movein:movein_report", args=[movein.uuid]))
            assert REFRESH in page.content.decode()
        counts.append((len(checking), len(importing)))
    assert counts[0] == counts[1]


def test_the_hourly_tidy_fails_runs_whose_worker_stopped(
    client: Client, council: Organisation, officer: User, long_csv: Callable[[int], Path]
) -> None:
    movein = _uploaded(council, officer, long_csv(1))
    MoveIn.objects.filter(pk=movein.pk).update(state=MoveIn.State.CHECKED)
    stuck = MoveInJob.objects.create(movein=movein, dry_run=False, status="running")
    now = timezone.now()
    assert jobs.jobs_tidy(now=now + dt.timedelta(minutes=10)) == 0
    assert jobs.jobs_tidy(now=now + dt.timedelta(minutes=31)) == 1
    stuck.refresh_from_db()
    assert stuck.status == "failed"
    client.force_login(officer)
    page = client.get(reverse("movein:movein_report", args=[movein.uuid])).content.decode()
    assert "The background worker stopped before the run finished" in page
    jobs.job_run(stuck.pk)  # a worker that wakes up late finds it failed and leaves it
    stuck.refresh_from_db()
    assert stuck.status == "failed"


def test_the_rows_to_come_are_counted_before_the_run(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Code", "Value"], ["A", 1], ["B", 2], ["C", 3]]
    assert rows_about(write_csv(tmp_path / "a.csv", rows)) == 3
    (tmp_path / "b.csv").write_bytes(b"Code,Value\nA,1\nB,2")  # no newline at the end
    assert rows_about(tmp_path / "b.csv") == 2
    book = write_xlsx(tmp_path / "c.xlsx", {"2007": rows, "2008": rows[:2]})
    assert rows_about(book) == 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
def test_progress_written_during_the_run_is_seen_before_it_commits(
    council: Organisation, officer: User, long_csv: Callable[[int], Path]
) -> None:
    movein = _uploaded(council, officer, long_csv(1))
    job = MoveInJob.objects.create(movein=movein, dry_run=False, status="running")
    meter = jobs.meter_for(job.pk)
    watcher = connections.create_connection(DEFAULT_DB_ALIAS)  # the status page's session
    try:
        with transaction.atomic():  # as the run's
            meter.add(1000)
            meter.write()
            with watcher.cursor() as cursor:
                table = MoveInJob._meta.db_table
                cursor.execute(f"SELECT rows_done FROM {table} WHERE id = %s", [job.pk])  # noqa: S608  # nosec B608
                seen = cursor.fetchone()
    finally:
        meter.close()
        watcher.close()
    assert seen == (1000,)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL: the test above")
def test_on_sqlite_progress_written_during_the_run_shows_on_its_page_before_it_commits(
    client: Client, council: Organisation, officer: User, long_csv: Callable[[int], Path]
) -> None:
    movein = _uploaded(council, officer, long_csv(1))
    job = MoveInJob.objects.create(movein=movein, dry_run=False, status="running", rows_total=4000)
    meter = jobs.meter_for(job.pk)
    client.force_login(officer)
    page = reverse("movein:movein_report", args=[movein.uuid])
    try:
        with transaction.atomic():  # as the run's: its own row is not written until it ends
            meter.add(1000)
            meter.write()
            assert MoveInJob.objects.get(pk=job.pk).rows_done == 0
            during = client.get(page).content.decode()
    finally:
        meter.close()
    assert "1000 of about 4000 rows read" in during
    assert "1000 of about" not in client.get(page).content.decode()  # the count is the row's again
