"""The builder refuses dates and day counts that cannot be meant, and says why; the
exceptions line names the exceptions in words."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan
from stocktake.reports.fixtures import performance_plan


@pytest.fixture
def plan(council: Organisation, officer: User) -> Plan:
    return performance_plan(organisation=council, by=officer, actions=1, indicator_count=0)


def _build(client: Client, plan: Plan, **choices: str | list[str]) -> str:
    query = {"plans": [str(plan.uuid)], "layout": "actions", **choices}
    return client.get(reverse("reports:report_builder"), query).text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("as_at", "0001-01-01", "The as-at date must be on or after 1 January 1990"),
        ("as_at", "9999-12-31", "The as-at date must be today or in the past"),
        ("as_at", "tomorrow", "The as-at date must be today or in the past"),
        ("compare_on", "1066-10-14", "The date to compare with must be on or after 1 January 1990"),
        ("stale_days", "100000", "Enter 3650 days (10 years) or fewer"),
    ],
)
def test_the_builder_refuses_nonsense_with_a_message(
    client: Client, officer: User, plan: Plan, field: str, value: str, message: str
) -> None:
    if value == "tomorrow":
        value = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    client.force_login(officer)
    page = _build(client, plan, **{field: value})
    assert "govuk-error-summary" in page
    assert message in page
    assert 'data-testid="report"' not in page


def test_the_builder_accepts_today_and_ten_years(client: Client, officer: User, plan: Plan) -> None:
    client.force_login(officer)
    page = _build(client, plan, as_at=timezone.localdate().isoformat(), stale_days="3650")
    assert 'data-testid="report"' in page


def test_the_exceptions_line_uses_labels_not_codes(
    client: Client, officer: User, plan: Plan
) -> None:
    client.force_login(officer)
    page = _build(client, plan, exceptions=["red", "stale"])
    assert "Exceptions only: Rated red, Not updated recently." in page
