"""Fixtures for risk tests: the plans' role matrix with a risk and an assessment in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from stocktake.plans.models import Action, Plan
from stocktake.risks import services, services_equality
from stocktake.risks.models import EqualityAssessment, Risk
from stocktake.testing import World


@dataclass
class RiskWorld:
    plan: Plan
    action: Action
    risk: Risk
    assessment: EqualityAssessment
    users: dict[str, User | None]


@pytest.fixture
def risk_world(world: World, officer: User) -> RiskWorld:
    """A risk and an assessment in the Customer Services unit, owned by "Lead officer (owner)"."""
    plan, action, users = world
    owner = users["Lead officer (owner)"]
    assert owner is not None
    person = owner.person
    risk = services.risk_create(
        organisation=plan.organisation,
        plan=plan,
        title="Failure to profile wards leading to poor targeting resulting in wasted money",
        owner_person=person,
        inherent_likelihood=3,
        inherent_impact=3,
        residual_likelihood=2,
        residual_impact=2,
        mitigation="Ward profiling",
        actions=[action],
        as_at=dt.date(2007, 8, 2),
        by=officer,
    )
    assessment = services_equality.assessment_create(
        organisation=plan.organisation,
        unit=plan.unit,
        title="Travellers Policy",
        priority="high",
        lead_person=person,
        by=officer,
    )
    return RiskWorld(plan, action, risk, assessment, users)
