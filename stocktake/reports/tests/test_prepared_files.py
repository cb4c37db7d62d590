"""Prepared files can be found again on the reports page, are named after the report, and
download under a clean name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.reports.models import JobStatus, ReportJob
from stocktake.testing import MakeUser


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _job(council: Organisation, user: User, title: str, **fields: Any) -> ReportJob:
    return ReportJob.objects.create(
        organisation=council, format="docx", title=title, requested_by=user, **fields
    )


def test_the_reports_page_lists_only_your_own_prepared_files(
    client: Client, council: Organisation, officer: User, make_user: MakeUser
) -> None:
    other, _ = make_user("Performance officer", council)
    mine = _job(council, officer, "Cabinet pack", status=JobStatus.RUNNING, progress=40)
    _job(council, other, "Someone else's pack")
    client.force_login(officer)
    page = client.get(reverse("reports:report_list")).text
    assert "Your prepared files" in page
    assert "Cabinet pack" in page
    assert "Preparing: 40%" in page
    assert reverse("reports:job_detail", args=[mine.uuid]) in page
    assert "Someone else" not in page


def test_a_ready_file_is_listed_with_its_download_under_a_clean_name(
    client: Client, council: Organisation, officer: User
) -> None:
    job = _job(council, officer, "Audit committee: March", status=JobStatus.DONE, progress=100)
    job.result.save("audit-committee-march.docx", ContentFile(b"x"), save=True)
    job.result.save("audit-committee-march.docx", ContentFile(b"y"), save=True)
    assert job.result.name.rsplit("/", 1)[-1] != "audit-committee-march.docx"  # suffixed
    client.force_login(officer)
    download = reverse("reports:job_download", args=[job.uuid])
    assert download in client.get(reverse("reports:report_list")).text
    response = client.get(download)
    assert response["Content-Disposition"] == ('attachment; filename="audit-committee-march.docx"')


def test_a_job_without_a_title_is_called_your_report(
    client: Client, council: Organisation, officer: User
) -> None:
    job = _job(council, officer, "")
    client.force_login(officer)
    page = client.get(reverse("reports:job_detail", args=[job.uuid])).text
    assert '<h1 class="govuk-heading-l">Your report</h1>' in page
    assert "of your report" not in page
    assert "Your prepared files" in page
