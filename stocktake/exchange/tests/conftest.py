"""An organisation with the seed papers imported and generated indicators and risks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.indicators import services as indicators
from stocktake.plans import services as plans
from stocktake.plans.models import Action
from stocktake.risks import services as risks
from stocktake.testing import MakeUser, publish, seed_paper

from .generated import add_every_later_app


@pytest.fixture
def filled(council: Organisation, officer: User, make_user: MakeUser) -> Organisation:
    _, owner = make_user("Lead officer", council)
    for prefix in ("000", "001", "003"):
        preview = preview_document(seed_paper(prefix))
        plan_import(preview=preview, organisation=council, by=officer, as_at=dt.date(2009, 3, 31))
    action = Action.objects.filter(organisation=council).select_related("plan").first()
    assert action is not None
    plan = action.plan
    plans.action_owner_add(action=action, person=owner, by=officer)
    plans.action_update_add(
        action=action, as_at=dt.date(2009, 6, 30), position="Going well", rag="green", by=officer
    )
    plans.action_due_revise(action=action, new_due_text="June 2010", reason="Slipped", by=officer)
    plans.milestone_add(action=action, text="Report to cabinet", due_text="May 2010", by=officer)
    for n in range(3):
        definition = indicators.definition_create(
            organisation=council, code=f"GEN{n}", title=f"Generated {n}", by=officer
        )
        indicator = indicators.indicator_create(
            organisation=council, definition=definition, plan=plan, owner_person=owner, by=officer
        )
        indicators.target_set(indicator=indicator, period="2009/10", value=Decimal(50), by=officer)
        for quarter in ("Q1 2009/10", "Q2 2009/10"):
            indicators.measurement_record(
                indicator=indicator,
                period=quarter,
                value=Decimal("47.5") + n,
                note="ok",
                by=officer,
            )
        risk = risks.risk_create(
            organisation=council,
            title=f"Generated risk {n} leading to delay",
            plan=plan,
            owner_person=owner,
            residual_likelihood=2,
            residual_impact=2,
            as_at=dt.date(2009, 4, 1),
            actions=[action],
            by=officer,
        )
        risks.risk_review_add(
            risk=risk, as_at=dt.date(2009, 9, 1), likelihood=1, impact=2, by=officer
        )
    publish(plan, officer)
    add_every_later_app(council, officer, plan, action, owner)
    return council
