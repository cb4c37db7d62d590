"""A performance officer adds a public customer service centre, sets its weekday hours and a
closure, sees them on its public page, then retires it and it leaves the public list."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from stocktake.accounts.models import Organisation
from stocktake.customers.hours import bank_holiday
from stocktake.customers.models import AccessPoint
from stocktake.testing import PASSWORD
from stocktake.testing_browser import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def test_an_officer_publishes_an_access_points_hours_and_then_retires_it(
    live_server: object, page: Page, council: Organisation, officer: User
) -> None:
    today = dt.datetime.now(ZoneInfo("Europe/London")).date()
    # The public page shows this week, Monday to Sunday: its Monday is always on it.
    monday = today - dt.timedelta(days=today.weekday())
    base = str(live_server)

    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(officer.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.goto(f"{base}/contacts/{council.uuid}/access-points/")
    page.get_by_role("link", name="Add an access point").click()

    page.get_by_label("Name", exact=True).fill("London Road offices")
    page.get_by_label("Code", exact=True).fill("london-road")
    page.get_by_label("Kind", exact=True).select_option(label="Customer service centre")
    page.get_by_label("Address", exact=True).fill("1 London Road\nSaffron Walden")
    page.get_by_label("Show on the public site").check()
    page.get_by_role("button", name="Add access point").click()
    expect(
        page.get_by_text("London Road offices added. Now set its opening hours.")
    ).to_be_visible()

    sessions = page.locator("form").filter(has=page.get_by_role("button", name="Add session"))
    for day in WEEKDAYS:
        sessions.get_by_label("Day").select_option(label=day)
        sessions.get_by_label("Opens").fill("09:00")
        sessions.get_by_label("Closes").fill("17:00")
        sessions.get_by_role("button", name="Add session").click()
        expect(page.get_by_text(f"{day} session added.")).to_be_visible()

    closure = page.locator("form").filter(has=page.get_by_role("button", name="Set date"))
    closure.get_by_label("Date").fill(monday.isoformat())
    closure.get_by_label("Closed all day").check()
    closure.get_by_label("Reason").fill("Staff training")
    # Both forms have "Opens": each label must name the input in its own form.
    expect(closure.get_by_label("Opens")).to_have_count(1)
    closure.get_by_role("button", name="Set date").click()
    expect(page.get_by_text(f"Hours for {monday:%-d %B %Y} set.")).to_be_visible()

    point = AccessPoint.objects.get()
    browser = page.context.browser
    assert browser is not None
    public = browser.new_context(locale="en-GB").new_page()  # a member of the public
    public.goto(f"{base}/access-points/{point.uuid}/")
    expect(public.get_by_role("heading", name="London Road offices")).to_be_visible()
    week = public.get_by_role("table")
    expect(week.get_by_role("row")).to_have_count(7)
    for n, day in enumerate([*WEEKDAYS, "Saturday", "Sunday"]):
        date = monday + dt.timedelta(days=n)
        header = public.get_by_role("rowheader", name=f"{day} {date.day} {date:%B}", exact=True)
        row = week.get_by_role("row").filter(has=header)
        if n == 0:
            expect(row).to_contain_text("Closed")
            expect(row).to_contain_text("Staff training")
        elif n < 5 and not bank_holiday(date):
            expect(row).to_contain_text("09:00 to 17:00")
        else:  # the weekend, or a bank holiday this week
            expect(row).to_contain_text("Closed")
    screenshot(public, "access-point-public")
    public.get_by_role("link", name="All places").click()
    expect(public.get_by_role("link", name="London Road offices", exact=True)).to_be_visible()

    page.get_by_role("link", name="Retire", exact=True).click()
    page.get_by_label("Closed for good from").fill(today.isoformat())
    page.get_by_role("button", name="Retire access point").click()
    expect(page.get_by_text("London Road offices retired. Its contacts are kept.")).to_be_visible()

    public.reload()
    expect(public.get_by_role("heading", name="Where to contact the council")).to_be_visible()
    expect(public.get_by_role("link", name="London Road offices", exact=True)).to_have_count(0)
    public.context.close()
