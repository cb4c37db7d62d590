"""Fixtures for risk tests: the plans' role matrix with a risk and an assessment in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, PartnershipMember
from stocktake.plans.models import Action, Plan
from stocktake.risks import services, services_equality
from stocktake.risks import services_partnerships as partnerships
from stocktake.risks.models import EqualityAssessment, Partnership, Risk
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


@dataclass
class PartnershipWorld:
    partnership: Partnership
    risk: Risk
    users: dict[str, User | None]


@pytest.fixture
def partnership_world(world: World, officer: User) -> PartnershipWorld:
    """The Local Strategic Partnership, managed by Customer Services and led by its lead officer,
    with one risk scored at likelihood 2."""
    plan, _, users = world
    lead = users["Lead officer (owner)"]
    assert lead is not None
    council = plan.organisation
    body = Organisation.objects.create(name="South Cambs LSP", kind=Organisation.Kind.PARTNERSHIP)
    police = Organisation.objects.create(name="Cambridgeshire Constabulary", kind="partner")
    PartnershipMember.objects.create(partnership=body, member=council)
    PartnershipMember.objects.create(partnership=body, member=police)
    partnership = partnerships.partnership_create(
        organisation=council,
        unit=plan.unit,
        body=body,
        name="Local Strategic Partnership",
        partner_names="Cambridgeshire ACRE",
        purpose="Deliver the Sustainable Community Strategy",
        lead_person=lead.person,
        governance="formal",
        funding="£20,000 a year from the council",
        by=officer,
    )
    risk = services.risk_create(
        organisation=council,
        unit=plan.unit,
        partnership=partnership,
        title="Failure to agree shared priorities leading to duplicated effort",
        category="partnership",
        owner_person=lead.person,
        residual_likelihood=2,
        residual_impact=2,
        as_at=dt.date(2008, 4, 1),
        by=officer,
    )
    return PartnershipWorld(partnership, risk, users)
