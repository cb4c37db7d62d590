"""A service head writes a section of their service plan; it saves itself as they type."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation, Unit
from stocktake.serviceplans import services
from stocktake.testing import PASSWORD, MakeUser
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_service_head_writes_a_section_and_it_autosaves(
    live_server: object,
    page: Page,
    council: Organisation,
    service: Unit,
    make_user: MakeUser,
    officer: User,
) -> None:
    head, _ = make_user("Lead officer", council, unit=service, name="Paul Swift")
    plan = services.service_plan_create(organisation=council, unit=service, year=2009, by=officer)
    base = str(live_server)

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(head.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.goto(f"{base}/service-plans/{plan.uuid}/")
    page.get_by_role("link", name="Change Key functions and responsibilities").click()
    page.wait_for_load_state()  # the autosave script is a module, run once the page is parsed
    page.get_by_label("Text").fill("To communicate the Council's vision and priorities.")
    expect(page.get_by_role("status")).to_contain_text("Saved automatically", timeout=30_000)
    screenshot(page, "service-plan-section-autosaved")
    # Saving after an autosave is checked against the autosaved version: no conflict.
    page.get_by_label("Text").fill("To communicate the Council's vision and priorities well.")
    page.get_by_role("button", name="Save and return to the plan").click()
    expect(page.get_by_test_id("section-functions")).to_contain_text("priorities well")

    page.goto(f"{base}/service-plans/{plan.uuid}/")
    expect(page.get_by_test_id("section-functions")).to_contain_text("Council's vision")
    screenshot(page, "service-plan")
