"""The plan list filters and groups by the council's structure."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Committee, Organisation, Portfolio, Unit
from stocktake.plans import services


def test_plans_filter_by_unit_including_the_units_below(
    client: Client, council: Organisation, service: Unit, officer: User
) -> None:
    team = accounts.unit_create(
        organisation=council, name="Contact centre", kind="team", parent=service
    )
    planning = accounts.unit_create(organisation=council, name="Planning", kind="service")
    services.plan_create(organisation=council, unit=team, title="Contact centre plan", by=officer)
    services.plan_create(organisation=council, unit=planning, title="Planning plan", by=officer)
    client.force_login(officer)
    page = client.get(reverse("plans:plan_list"), {"unit": str(service.uuid)}).content.decode()
    assert "Contact centre plan" in page
    assert "Planning plan" not in page


def test_plans_filter_and_group_by_portfolio_and_committee(
    client: Client, council: Organisation, officer: User
) -> None:
    portfolio = Portfolio.objects.create(
        organisation=council, name="Community and Customer Services"
    )
    scrutiny = Committee.objects.create(
        organisation=council, name="Performance Select", kind="scrutiny"
    )
    services.plan_create(
        organisation=council,
        title="Service plan",
        portfolio=portfolio,
        committee=scrutiny,
        by=officer,
    )
    services.plan_create(organisation=council, title="Other plan", by=officer)
    client.force_login(officer)
    url = reverse("plans:plan_list")
    by_committee = client.get(url, {"committee": str(scrutiny.uuid)}).content.decode()
    assert "Service plan" in by_committee
    assert "Other plan" not in by_committee
    grouped = client.get(url, {"group": "portfolio"}).content.decode()
    assert grouped.index("Community and Customer Services") < grouped.index("None recorded")
    assert "Other plan" in grouped


def test_a_forged_filter_value_is_ignored_not_an_error(client: Client, officer: User) -> None:
    client.force_login(officer)
    response = client.get(reverse("plans:plan_list"), {"unit": "not-a-uuid", "group": "secret"})
    assert response.status_code == 200


def test_the_plan_page_filters_actions_by_the_unit_that_delivers_them(
    client: Client, council: Organisation, service: Unit, officer: User
) -> None:
    team = accounts.unit_create(
        organisation=council, name="Contact centre", kind="team", parent=service
    )
    plan = services.plan_create(organisation=council, title="Plan", by=officer)
    services.action_create(plan=plan, text="Answer calls faster", unit=team, by=officer)
    services.action_create(plan=plan, text="Review planning fees", by=officer)
    client.force_login(officer)
    url = reverse("plans:plan_detail", args=[plan.uuid])
    page = client.get(url, {"unit": str(service.uuid)}).content.decode()
    assert "Answer calls faster" in page
    assert "Review planning fees" not in page
