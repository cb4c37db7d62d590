"""An officer records a complaint, acknowledges it, sees it due, and answers stage 1."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.complaints.services import today
from stocktake.complaints.workdays import add_working_days, is_working_day
from stocktake.testing import PASSWORD, MakeUser
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _acknowledged_so_stage_one_is_due_now() -> dt.date:
    """The day to acknowledge on so that stage 1 (10 working days) falls due on the next
    working day from today: then it is on the due-soon list whatever today is."""
    target = today()
    while not is_working_day(target):
        target += dt.timedelta(days=1)
    day = target
    while add_working_days(day, 10) != target:
        day -= dt.timedelta(days=1)
    return day


def test_an_officer_takes_a_complaint_through_stage_one(
    live_server: object, page: Page, council: Organisation, make_user: MakeUser, officer: User
) -> None:
    make_user("Lead officer", council, name="Caroline Marshall")
    acknowledged_on = _acknowledged_so_stage_one_is_due_now()
    received_on = acknowledged_on - dt.timedelta(days=2)
    base = str(live_server)

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    page.goto(f"{base}/organisations/{council.uuid}/complaints/")
    page.get_by_role("link", name="Record a complaint").click()
    page.get_by_label("Received on").fill(received_on.isoformat())
    page.get_by_label("How it came in").select_option("telephone")
    page.get_by_label("Complainant's name", exact=True).fill("Agnes Nutter")
    page.get_by_label("What the complaint is about").fill("Missed bin collection")
    page.get_by_role("button", name="Record complaint").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("recorded")
    expect(page.get_by_test_id("personal")).to_contain_text("Agnes Nutter")

    page.get_by_role("link", name="Acknowledge", exact=True).click()
    page.get_by_label("Acknowledged on").fill(acknowledged_on.isoformat())
    page.get_by_label("Handler").select_option(label="Caroline Marshall")
    page.get_by_role("button", name="Acknowledge", exact=True).click()
    expect(page.get_by_text("Complaint acknowledged")).to_be_visible()
    expect(page.get_by_test_id("stage-1")).to_contain_text("Caroline Marshall")
    reference = page.get_by_role("heading", level=1).inner_text().removeprefix("Complaint ")

    page.goto(f"{base}/organisations/{council.uuid}/complaints/due/")
    expect(page.get_by_test_id("due-soon")).to_contain_text(reference)
    screenshot(page, "complaints-due-soon")
    page.get_by_test_id("due-soon").get_by_role("link", name=reference).click()

    page.get_by_role("link", name="Record the stage 1 response").click()
    page.get_by_label("Responded on").fill(today().isoformat())
    page.get_by_label("Outcome").select_option("partly_upheld")
    page.get_by_label("Remedy offered").fill("Apology and a special collection")
    page.get_by_role("button", name="Save response").click()
    expect(page.get_by_test_id("status")).to_have_text("Closed")
    expect(page.get_by_test_id("stage-1")).to_contain_text("On time")

    page.get_by_role("link", name="Back to complaints").click()
    page.get_by_role("link", name="Overdue and due soon").click()
    expect(page.get_by_test_id("due-soon")).not_to_contain_text(reference)
