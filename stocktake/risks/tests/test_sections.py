"""Risks and equality assessments know the section of the plan's paper they came from."""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.plans import services as plans
from stocktake.plans.models import Plan, Section
from stocktake.risks import services, services_equality
from stocktake.risks.models import EqualityAssessment, Risk
from stocktake.testing import seed_paper


@pytest.fixture(scope="module")
def preview_003() -> dict[str, Any]:
    return preview_document(seed_paper("003"))


def _imported(preview: dict[str, Any], council: Organisation, officer: User) -> Plan:
    record = plan_import(
        preview=preview, organisation=council, by=officer, as_at=dt.date(2009, 3, 31)
    )
    assert record.plan is not None
    return record.plan


def _section_titles(model: type[Risk | EqualityAssessment], plan: Plan) -> set[str | None]:
    return set(model.objects.filter(plan=plan).values_list("section__title", flat=True))


def test_an_imported_papers_risks_and_assessments_keep_the_section_they_came_from(
    preview_003: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _imported(preview_003, council, officer)
    assert Risk.objects.filter(plan=plan).count() == 16
    assert _section_titles(Risk, plan) == {"Risk Overview"}
    assert _section_titles(EqualityAssessment, plan) == {"Equalities Overview"}
    risk = Risk.objects.filter(plan=plan).select_related("section").first()
    assert risk is not None
    assert risk.section is not None
    assert risk.section.plan_id == plan.pk
    # The history records it too.
    assert risk.history.get().section_id == risk.section_id


def test_items_under_two_sections_of_the_same_title_each_keep_their_own(
    council: Organisation, officer: User
) -> None:
    def item(kind: str, text: str, section: str) -> dict[str, Any]:
        return {"kind": kind, "text": text, "section": section, "owners": [], "flags": []}

    preview = {
        "source": "twins.docx",
        "as_at": "2009-03-31",
        "sections": [
            {"ref": "1", "title": "1. Risks"},
            {"ref": "2", "title": "2. Risks"},
        ],
        "items": [
            item("risk", "Funding ends", "1. Risks"),
            item("risk", "Staff leave", "2. Risks"),
            item("equality_assessment", "Lettings policy", "2. Risks"),
        ],
    }
    plan = _imported(preview, council, officer)
    first, second = Section.objects.filter(plan=plan).order_by("position")
    assert first.title == second.title == "Risks"
    assert Risk.objects.get(plan=plan, title="Funding ends").section == first
    assert Risk.objects.get(plan=plan, title="Staff leave").section == second
    assert EqualityAssessment.objects.get(plan=plan).section == second


def test_the_migration_fills_the_section_of_risks_and_assessments_imported_before_it(
    preview_003: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _imported(preview_003, council, officer)
    before = {
        model: dict(model.objects.filter(plan=plan).values_list("pk", "section_id"))
        for model in (Risk, EqualityAssessment)
    }
    Risk.objects.filter(plan=plan).update(section=None)
    EqualityAssessment.objects.filter(plan=plan).update(section=None)
    # Made by hand, not from the paper: left as it is.
    other = plans.plan_create(organisation=council, title="By hand", by=officer)
    hand = services.risk_create(
        organisation=council, plan=other, title="Hand made", checked=False, by=officer
    )

    migration = import_module("stocktake.risks.migrations.0005_section_from_import")
    migration.sections_from_import(apps, None)

    for model, sections in before.items():
        assert dict(model.objects.filter(plan=plan).values_list("pk", "section_id")) == sections
        assert None not in sections.values()
    hand.refresh_from_db()
    assert hand.section_id is None


def test_a_risk_moved_to_another_plan_leaves_its_old_plans_section(
    council: Organisation, officer: User
) -> None:
    plan = plans.plan_create(organisation=council, title="Plan", by=officer)
    section = plans.section_create(plan=plan, title="Risks", by=officer)
    other = plans.plan_create(organisation=council, title="Other", by=officer)
    risk = services.risk_create(
        organisation=council,
        plan=plan,
        section=section,
        title="Funding ends",
        checked=False,
        by=officer,
    )
    assessment = services_equality.assessment_create(
        organisation=council,
        plan=plan,
        section=section,
        title="Lettings",
        checked=False,
        by=officer,
    )
    services.risk_edit(risk=risk, owner_person=officer.person, plan=other, by=officer)
    services_equality.assessment_edit(
        assessment=assessment, lead_person=officer.person, plan=other, by=officer
    )
    risk.refresh_from_db()
    assessment.refresh_from_db()
    assert (risk.plan, risk.section) == (other, None)
    assert (assessment.plan, assessment.section) == (other, None)
    # An edit that keeps the plan keeps the section.
    services.risk_edit(risk=risk, plan=plan, section=section, by=officer)
    services.risk_edit(risk=risk, title="Funding ends in 2010", by=officer)
    risk.refresh_from_db()
    assert risk.section == section
