"""A performance officer uploads a contacts file with a bad row: it is refused, line by line;
uploaded again skipping bad rows, the good rows load and the page says how many were skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.customers import tasks
from stocktake.customers.models import Contact, ContactUpload
from stocktake.customers.tests.helpers import csv_lines, row
from stocktake.testing import PASSWORD
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _run_latest() -> None:
    """The background worker's part, done here: no worker runs beside the live server."""
    tasks.contacts_upload_run(ContactUpload.objects.latest("created_at").pk)


def test_an_officer_uploads_contacts_and_sees_bad_rows_then_skips_them(
    live_server: object,
    page: Page,
    council: Organisation,
    officer: User,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    contacts = tmp_path / "march.csv"
    contacts.write_text(csv_lines(row(), row(channel="fax"), row()).getvalue(), encoding="utf-8")
    base = str(live_server)

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.goto(f"{base}/contacts/{council.uuid}/")
    page.get_by_role("link", name="Upload contacts").click()

    page.get_by_label("Contacts file").set_input_files(contacts)
    page.get_by_role("button", name="Upload and load contacts").click()
    expect(page.get_by_test_id("upload-status")).to_contain_text("Waiting to start")
    _run_latest()
    page.reload()
    expect(page.get_by_text("Nothing was loaded")).to_be_visible()
    expect(page.get_by_test_id("bad-rows")).to_contain_text("channel 'fax'")
    screenshot(page, "contacts-upload-refused")
    assert not Contact.objects.exists()

    page.get_by_role("link", name="Back to uploads").click()
    page.get_by_label("Contacts file").set_input_files(contacts)
    page.get_by_label("Skip bad rows").check()
    page.get_by_role("button", name="Upload and load contacts").click()
    _run_latest()
    page.reload()
    expect(page.get_by_text("2 rows loaded, 1 skipped")).to_be_visible()
    screenshot(page, "contacts-upload-done")
    assert Contact.objects.count() == 2

    page.get_by_role("link", name="Back to uploads").click()
    expect(page.get_by_test_id("recent-loads")).to_contain_text("march.csv")
