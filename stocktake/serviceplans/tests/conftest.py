from __future__ import annotations

import copy
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Unit
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.plans.models import Plan
from stocktake.serviceplans.importing import service_plan_from_imported_plan
from stocktake.serviceplans.models import ServicePlan
from stocktake.testing import seed_paper


@pytest.fixture(scope="session")
def preview_003() -> dict[str, Any]:
    return preview_document(seed_paper("003"))


@pytest.fixture
def imported_003(preview_003: dict[str, Any], council: Organisation, officer: User) -> Plan:
    record = plan_import(preview=copy.deepcopy(preview_003), organisation=council, by=officer)
    assert record.plan is not None
    return record.plan


@pytest.fixture
def community(council: Organisation) -> Unit:
    return accounts.unit_create(
        organisation=council, name="Community and Customer Services", kind="service"
    )


@pytest.fixture
def plan_003(imported_003: Plan, community: Unit, officer: User) -> ServicePlan:
    return service_plan_from_imported_plan(plan=imported_003, unit=community, year=2009, by=officer)


@pytest.fixture
def small_plan(council: Organisation, service: Unit, officer: User) -> ServicePlan:
    """A 2009/10 plan for Customer Services tracking a little of everything."""
    from decimal import Decimal

    from stocktake.indicators import services as indicators
    from stocktake.plans import services as plans
    from stocktake.priorities.models import Priority
    from stocktake.risks import services as risks
    from stocktake.serviceplans import services

    aim = Priority.objects.create(organisation=council, code="A", title="A listening council")
    tracked = plans.plan_create(
        organisation=council, unit=service, title="Customer Services 2009/10", by=officer
    )
    top = plans.section_create(plan=tracked, title="OPERATIONAL PLAN: Contact", by=officer)
    objective = plans.section_create(
        plan=tracked, title="Answer customers first time", parent=top, by=officer
    )
    objective.priorities.add(aim)
    open_action = plans.action_create(
        plan=tracked,
        section=objective,
        text="Set up user groups",
        owner_text="Contact Centre Manager",
        progress_status="in_progress",
        by=officer,
    )
    done_action = plans.action_create(
        plan=tracked,
        section=objective,
        text="Run the mystery shop",
        owner_text="Contact Centre Manager",
        progress_status="complete",
        by=officer,
    )
    lasting = indicators.indicator_create(
        organisation=council,
        definition=indicators.definition_create(
            organisation=None, code="NI 14", title="Avoidable contact", by=officer
        ),
        plan=tracked,
        section=objective,
        by=officer,
    )
    for period, value in [("2009/10", "30"), ("2010/11", "28"), ("2011/12", "25")]:
        indicators.target_set(indicator=lasting, period=period, value=Decimal(value), by=officer)
    milestone = indicators.indicator_create(
        organisation=council,
        definition=indicators.definition_create(
            organisation=council, title="Publish the access strategy", by=officer
        ),
        plan=tracked,
        section=objective,
        by=officer,
    )
    indicators.target_set(indicator=milestone, period="2009/10", text="July 09", by=officer)
    open_risk = risks.risk_create(
        organisation=council, title="Calls go unanswered", plan=tracked, checked=False, by=officer
    )
    closed_risk = risks.risk_create(
        organisation=council,
        title="Phones fail",
        plan=tracked,
        status="closed",
        checked=False,
        by=officer,
    )
    plan = services.service_plan_create(
        organisation=council, unit=service, year=2009, tracked_plan=tracked, by=officer
    )
    contents = {c.section.key: c for c in plan.contents.select_related("section", "service_plan")}
    services.section_save(
        content=contents["functions"], data={"text": "We answer the phones."}, by=officer
    )
    services.section_save(
        content=contents["workforce"],
        data={
            "text": "A small team.",
            "rows": [
                ["Contact Centre Manager", "1", "Contact Team"],
                ["Adviser", "1", "Contact Team"],
            ],
        },
        by=officer,
    )
    links: dict[str, list[Any]] = {
        "objectives": [objective],
        "council_actions": [open_action, done_action],
        "operational": [lasting, milestone],
        "risks": [open_risk, closed_risk],
    }
    for key, items in links.items():
        services.section_links_set(content=contents[key], items=items, by=officer)
    return plan
