"""In Chromium: the health card, a public scorecard and a report page show their content and pass
an automated accessibility check (axe-core) with no serious or critical violations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.reports.fixtures import performance_plan
from stocktake.testing import PASSWORD, MakeUser, publish
from stocktake.testing_browser import screenshot

from .customer_data import PUBLISHED, customer_data

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def _serious(page: Page) -> list[Any]:
    # Evaluated through the browser's devtools protocol: the page's CSP refuses inline script tags.
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run()")
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_the_dashboard_a_public_scorecard_and_a_report_are_readable_and_accessible(
    live_server: object,
    page: Page,
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    plan = performance_plan(organisation=council, by=officer, actions=8, indicator_count=2)
    publish(plan, officer)
    customer_data(council, officer, [make_user("Lead officer", council)[1] for _ in range(3)])
    base = str(live_server)

    page.goto(f"{base}/public/plans/{plan.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(plan.title)
    expect(page.get_by_test_id("freshness")).to_contain_text("Progress last reported on")
    expect(page.get_by_test_id("public-indicators")).to_contain_text("LPI 1")
    screenshot(page, "reports-public-scorecard")
    assert _serious(page) == []

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    page.goto(f"{base}/organisations/{council.uuid}/dashboard/")
    expect(page.get_by_role("heading", name="Health card")).to_be_visible()
    expect(page.get_by_test_id("by-plan")).to_contain_text(plan.title)
    expect(page.get_by_test_id("complaint-timeliness")).to_contain_text("stage 2 responses")
    expect(page.get_by_test_id("consultations-closing")).to_contain_text("next 30 days")
    screenshot(page, "reports-dashboard")
    assert _serious(page) == []

    extras = "include=complaints&include=consultations&summary_year=2025"
    page.goto(
        f"{base}/reports/new/?plans={plan.uuid}&layout=performance&compare_on=2008-07-01&{extras}"
    )
    expect(page.get_by_test_id("report-table")).to_contain_text("Deliver improvement 8")
    expect(page.get_by_test_id("complaints-summary")).to_contain_text("Complaints by service")
    expect(page.get_by_test_id("consultations-summary")).to_contain_text(PUBLISHED)
    expect(page.get_by_role("heading", name="Indicators")).to_be_visible()
    screenshot(page, "reports-performance-report")
    assert _serious(page) == []
