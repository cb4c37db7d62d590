"""A performance officer moves an indicator's quarterly history in from another system: upload,
map the columns, a queued dry run, the import, the reconciliation and the values on the
indicator's page; a second press of the import button is refused."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Indicator, Measurement
from stocktake.movein import jobs
from stocktake.movein.models import MoveInJob
from stocktake.testing import PASSWORD
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Pentana's shape: one row per indicator and quarter, with the old system's status word.
EXPORT = [
    ["PI Code", "Short Name", "Period", "Value", "Status"],
    ["PI 001", "Calls answered", "Q1 2008/09", "48.5", "Red"],
    ["PI 001", "Calls answered", "Q2 2008/09", "52.0", "Red"],
    ["PI 001", "Calls answered", "Q3 2008/09", "61.5", "Green"],
    ["PI 001", "Calls answered", "Q4 2008/09", "64.0", "Green"],
]


def _run_latest() -> None:
    """The background worker's part, done here: no worker runs beside the live server."""
    jobs.job_run(MoveInJob.objects.latest("created_at").pk)


def _indicator(council: Organisation, officer: User) -> Indicator:
    definition = indicators.definition_create(
        organisation=council,
        code="PI 001",
        title="Calls answered within 20 seconds",
        data_type="percentage",
        decimal_places=1,
        polarity="higher",
        frequency="quarterly",
        by=officer,
    )
    indicator = indicators.indicator_create(organisation=council, definition=definition, by=officer)
    indicators.target_set(indicator=indicator, period="2008/09", value=Decimal(60), by=officer)
    return indicator


def test_an_officer_moves_an_indicators_history_in_and_sees_it_reconciled(
    live_server: object,
    page: Page,
    council: Organisation,
    officer: User,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    indicator = _indicator(council, officer)
    export = tmp_path / "pentana.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(EXPORT)
    base = str(live_server)

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.goto(f"{base}/move-in/")
    page.get_by_label("Export file").set_input_files(export)
    page.get_by_label("Import for").select_option(label=council.name)
    page.get_by_label("What the file holds").select_option("indicators")
    page.get_by_role("button", name="Upload and map the columns").click()

    expect(page.get_by_role("heading", name="Say what the export's columns hold")).to_be_visible()
    expect(page.get_by_label("Indicator code", exact=True)).to_have_value("PI Code")
    expect(page.get_by_label("Period", exact=True)).to_have_value("Period")
    page.get_by_label("Value", exact=True).select_option("Value")
    page.get_by_role("button", name="Check the file (dry run)").click()
    expect(page.get_by_role("heading", name="Checking the file (dry run)")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Waiting to start")
    assert not Measurement.objects.exists()

    _run_latest()
    page.reload()
    expect(page.get_by_role("heading", name="What the import would do")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Indicator values to create")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Q1 2008/09 to Q4 2008/09")
    screenshot(page, "movein-preview")
    assert not Measurement.objects.exists()

    stale = page.context.new_page()  # the preview left open in another tab
    stale.goto(page.url)
    page.get_by_role("button", name="Import the history").click()
    expect(page.get_by_role("status")).to_contain_text("Waiting to start")
    _run_latest()
    page.reload()
    expect(page.get_by_role("heading", name="Reconciliation: pentana.csv")).to_be_visible()
    created = page.locator(".govuk-summary-list__row", has_text="Indicator values created")
    expect(created).to_contain_text("4")
    screenshot(page, "movein-report")
    assert Measurement.objects.filter(indicator=indicator).count() == 4

    stale.get_by_role("button", name="Import the history").click()
    expect(
        stale.get_by_text("This file has already been imported; nothing was changed")
    ).to_be_visible()
    assert Measurement.objects.filter(indicator=indicator).count() == 4
    assert MoveInJob.objects.filter(dry_run=False).count() == 1

    page.goto(f"{base}/indicators/{indicator.uuid}/")
    for period, value, status in (("Q4 2008/09", "64.0%", "Green"), ("Q1 2008/09", "48.5%", "Red")):
        header = page.get_by_role("rowheader", name=period, exact=True)
        row = page.get_by_role("row").filter(has=header)
        expect(row).to_contain_text(value)
        expect(row).to_contain_text(status)
    screenshot(page, "movein-indicator")
