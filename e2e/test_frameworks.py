"""A performance officer rates a criterion of an equality self-assessment, adds a gap action
to a plan, and sees the result and what blocks the next level."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.frameworks import services as frameworks
from stocktake.plans import services as plans
from stocktake.testing import PASSWORD
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[1] / "stocktake" / "frameworks" / "data"


def test_an_officer_rates_a_criterion_and_plans_the_gap(
    live_server: object, page: Page, council: Organisation, officer: User
) -> None:
    data = json.loads((DATA / "eflg-2009.json").read_text())
    framework = frameworks.framework_load(data=data, by=None)
    plans.plan_create(organisation=council, title="Equality action plan", by=officer)
    assessment = frameworks.assessment_create(
        organisation=council,
        framework=framework,
        title="Equality self-assessment",
        as_at=dt.date(2009, 3, 31),
        by=officer,
    )
    for rating in assessment.ratings.select_related("assessment__framework"):
        frameworks.rating_set(rating=rating, value=2, commentary="", by=None)
    page.goto(f"{live_server}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    page.goto(f"{live_server}/framework-assessments/{assessment.uuid}/")
    expect(page.get_by_test_id("result")).to_contain_text("Level 3: Excellent")
    page.get_by_role("link", name="2.2 Equality objectives appear").click()
    page.get_by_label("Rating", exact=True).select_option("1")
    page.get_by_label("Commentary", exact=True).fill("Objectives in two service plans only")
    page.get_by_role("button", name="Save rating").click()
    expect(page.get_by_text("Rating saved")).to_be_visible()
    expect(page.get_by_test_id("rating")).to_contain_text("Below target")

    page.get_by_role("link", name="New action in a plan").click()
    page.get_by_label("Plan").select_option(label="Equality action plan")
    page.get_by_label("Improvement action").fill("Add equality objectives to every service plan")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("gap-actions")).to_contain_text("Add equality objectives")
    screenshot(page, "framework-criterion")

    page.get_by_role("link", name="Back to Equality self-assessment").click()
    expect(page.get_by_test_id("result")).to_contain_text("No level reached")
    expect(page.get_by_test_id("blocking")).to_contain_text("2.2 Equality objectives")
    screenshot(page, "framework-assessment")
