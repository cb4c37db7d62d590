"""An officer signs in, finds their action, adds an update and sees it in the as-at view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.testing import PASSWORD, MakeUser
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_an_owner_updates_an_action_and_sees_it_as_at_that_date(
    live_server: object,
    page: Page,
    council: Organisation,
    make_user: MakeUser,
    officer: User,
) -> None:
    user, person = make_user("Lead officer", council, name="Caroline Marshall")
    plan = services.plan_create(organisation=council, title="Access to Services", by=officer)
    section = services.section_create(plan=plan, title="Customer need", by=officer)
    services.action_create(
        plan=plan,
        section=section,
        ref="1.1",
        text="Conduct ward and district profiling",
        due_text="November 2007",
        owners=[person],
        by=officer,
    )
    base = str(live_server)

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", name="My actions")).to_be_visible()
    page.get_by_role("link", name="Add an update").click()

    page.get_by_label("As at").fill("2007-08-31")
    page.get_by_label("Current position").fill("Purchase of Mosaic agreed")
    page.get_by_label("Progress status").select_option("in_progress")
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_text("Update saved")).to_be_visible()
    expect(page.get_by_test_id("timeline")).to_contain_text("Purchase of Mosaic agreed")
    screenshot(page, "action-after-update")

    page.goto(f"{base}/plans/{plan.uuid}/?as_at=2007-09-01")
    expect(page.get_by_test_id("as-at-banner")).to_contain_text("1 September 2007")
    expect(page.locator("table")).to_contain_text("Purchase of Mosaic agreed")
    page.goto(f"{base}/plans/{plan.uuid}/?as_at=2007-08-01")
    expect(page.locator("table")).not_to_contain_text("Purchase of Mosaic agreed")
    screenshot(page, "plan-as-at")
    assert dt.date.today() > dt.date(2007, 9, 1)


def test_a_form_error_is_announced_in_the_error_summary(
    live_server: object, page: Page, council: Organisation, officer: User
) -> None:
    plan = services.plan_create(organisation=council, title="Plan", by=officer)
    action = services.action_create(plan=plan, text="Something", by=officer)
    page.goto(f"{live_server}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.goto(f"{live_server}/actions/{action.uuid}/update/")
    page.get_by_role("button", name="Save update").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Enter the current position")
    screenshot(page, "update-form-error")
