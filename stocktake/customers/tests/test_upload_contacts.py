"""Contacts uploaded on the web: queued for the background worker, watched on a status page, all
or nothing unless bad rows are skipped, and the file deleted once read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.core import progress
from stocktake.customers import services_upload, tasks
from stocktake.customers.models import Contact, ContactLoad, ContactUpload

from .helpers import csv_lines, row


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _file(*rows: str, name: str = "contacts.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, csv_lines(*rows).getvalue().encode(), "text/csv")


def _upload(
    client: Client, council: Organisation, upload: SimpleUploadedFile, capture: Any, **extra: str
) -> tuple[Any, list[tuple[Any, ...]]]:
    """Post the file as the page does; the worker's task is caught rather than run."""
    queued: list[tuple[Any, ...]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services_upload, "async_task", lambda *args, **kw: queued.append(args))
        with capture(execute=True):
            response = client.post(
                reverse("customers:contacts_upload", args=[council.uuid]),
                {"file": upload, **extra},
            )
    return response, queued


def _run(queued: list[tuple[Any, ...]]) -> ContactUpload:
    """What the worker does with the queued task, run here in the test's own process."""
    [(task, job_id)] = queued
    assert task == services_upload.TASK
    tasks.contacts_upload_run(job_id)
    return ContactUpload.objects.get(pk=job_id)


def test_a_clean_file_is_queued_then_loaded_and_its_file_deleted(
    client: Client,
    council: Organisation,
    officer: User,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(officer)
    response, queued = _upload(
        client, council, _file(row(), row(channel="email")), django_capture_on_commit_callbacks
    )
    job = ContactUpload.objects.get()
    status_url = reverse("customers:contacts_upload_status", args=[council.uuid, job.uuid])
    assert response["Location"] == status_url
    assert not Contact.objects.exists()  # handed to the worker, not loaded in the request
    assert Path(job.file.path).is_file()
    assert Path(job.file.path).is_relative_to(tmp_path)
    waiting = client.get(status_url).content.decode()
    assert 'http-equiv="refresh"' in waiting
    assert "Waiting to start" in waiting

    job = _run(queued)

    assert (job.status, job.loaded, job.skipped, job.rows_total) == ("done", 2, 0, 2)
    assert Contact.objects.filter(organisation=council).count() == 2
    assert not job.file
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
    done = client.get(status_url).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert "2 rows loaded, 0 skipped" in done
    page = client.get(reverse("customers:contacts_upload", args=[council.uuid])).content.decode()
    assert "contacts.csv" in page
    assert ContactLoad.objects.get().by == officer


def test_a_file_with_bad_rows_is_refused_with_line_numbers_and_loads_nothing(
    client: Client, council: Organisation, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    upload = _file(row(), row(channel="fax"), row(), row(when="yesterday"))
    _, queued = _upload(client, council, upload, django_capture_on_commit_callbacks)
    job = _run(queued)
    assert (job.status, job.loaded, job.skipped) == ("refused", 0, 2)
    assert [line for line, _ in job.bad_rows] == [3, 5]
    assert not Contact.objects.exists()
    assert not ContactLoad.objects.exists()
    page = client.get(
        reverse("customers:contacts_upload_status", args=[council.uuid, job.uuid])
    ).content.decode()
    assert "Nothing was loaded" in page
    assert "channel &#x27;fax&#x27;" in page
    assert "received_at &#x27;yesterday&#x27;" in page
    assert "2 bad rows" in page


def test_skip_bad_loads_the_good_rows_and_reports_how_many_were_skipped(
    client: Client, council: Organisation, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    upload = _file(row(), row(channel="fax"), row())
    _, queued = _upload(client, council, upload, django_capture_on_commit_callbacks, skip_bad="on")
    job = _run(queued)
    assert (job.status, job.loaded, job.skipped) == ("done", 2, 1)
    assert Contact.objects.count() == 2
    assert ContactLoad.objects.get().skipped == 1
    page = client.get(
        reverse("customers:contacts_upload_status", args=[council.uuid, job.uuid])
    ).content.decode()
    assert "2 rows loaded, 1 skipped" in page
    assert "channel &#x27;fax&#x27;" in page


def test_only_the_first_two_hundred_bad_rows_are_listed_with_the_total(
    client: Client, council: Organisation, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    upload = _file(*[row(channel="fax")] * 205)
    _, queued = _upload(client, council, upload, django_capture_on_commit_callbacks)
    job = _run(queued)
    assert (job.skipped, len(job.bad_rows)) == (205, 200)
    page = client.get(
        reverse("customers:contacts_upload_status", args=[council.uuid, job.uuid])
    ).content.decode()
    assert "The first 200 of 205 bad rows" in page


def test_a_file_without_the_needed_columns_is_refused_at_line_one(
    client: Client, council: Organisation, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    upload = SimpleUploadedFile("contacts.csv", b"when,how\n2026-01-01,phone\n", "text/csv")
    _, queued = _upload(client, council, upload, django_capture_on_commit_callbacks)
    job = _run(queued)
    assert job.status == "refused"
    assert "line 1: the header lacks received_at, channel" in job.error
    assert not job.file


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contacts.xlsx", b"PK\x03\x04rest", "must be a CSV file"),
        ("contacts.csv", b"PK\x03\x04 a zip in disguise", "not a CSV text file"),
        ("contacts.csv", b"received_at\x00\x00", "not a CSV text file"),
        ("contacts.csv", b"x" * 101, "smaller than"),
    ],
)
def test_a_wrong_type_or_too_big_file_is_refused_before_it_is_kept(
    client: Client,
    council: Organisation,
    officer: User,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
    name: str,
    content: bytes,
    message: str,
) -> None:
    settings.CONTACTS_UPLOAD_MAX_BYTES = 100
    client.force_login(officer)
    upload = SimpleUploadedFile(name, content)
    response, queued = _upload(client, council, upload, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert queued == []
    assert not ContactUpload.objects.exists()


def test_a_task_delivered_twice_loads_the_file_once(
    client: Client, council: Organisation, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    _, queued = _upload(client, council, _file(row()), django_capture_on_commit_callbacks)
    _run(queued)
    _run(queued)
    assert Contact.objects.count() == 1


def test_an_uploader_who_lost_the_right_to_load_has_nothing_loaded(
    client: Client,
    council: Organisation,
    officer: User,
    make_user: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(officer)
    _, queued = _upload(client, council, _file(row()), django_capture_on_commit_callbacks)
    viewer, _ = make_user("Viewer", council)
    ContactUpload.objects.update(requested_by=viewer)
    job = _run(queued)
    assert job.status == "failed"
    assert "may no longer load contacts" in job.error
    assert not Contact.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_progress_is_written_as_rows_are_read_and_never_below_nothing(
    council: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A committed job row and a load's transaction around the count, as in the worker (on
    # PostgreSQL the count then goes through the second connection).
    job = ContactUpload.objects.create(organisation=council, source="big.csv", rows_total=40_000)
    monkeypatch.setattr(tasks, "EVERY", 0)
    meter = tasks.meter_for(job.pk)
    with transaction.atomic():
        meter.add(10_000)
        seen = ContactUpload.objects.get(pk=job.pk)
        seen.rows_read = progress.shown(seen, "rows_read")  # as the status page reads it
        assert (seen.rows_read, seen.percent) == (10_000, 25)
    meter.close()
    meter.add(-20_000)  # the loader starting over takes its rows back
    job.refresh_from_db()
    assert job.rows_read == 0


def test_an_upload_whose_worker_stopped_is_failed_and_its_file_deleted_by_the_tidy(
    client: Client, council: Organisation, officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(officer)
    _upload(client, council, _file(row()), django_capture_on_commit_callbacks)
    job = ContactUpload.objects.get()
    kept = Path(job.file.path)
    assert tasks.uploads_tidy() == 0  # just queued: left alone
    later = job.updated_at + tasks.STALLED_AFTER + dt.timedelta(minutes=1)
    assert tasks.uploads_tidy(now=later) == 1
    job.refresh_from_db()
    assert (job.status, job.file.name) == ("failed", "")
    assert "upload the file again" in job.error
    assert not kept.exists()
    assert not Contact.objects.exists()
