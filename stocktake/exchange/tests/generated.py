"""A few records of each app added after the exporter, made through each app's services."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person
from stocktake.complaints import services as complaints
from stocktake.complaints import services_after
from stocktake.consultations import services as consultations
from stocktake.consultations import services_kb
from stocktake.customers import services as customers
from stocktake.customers.services_contacts import contacts_load, sampling_period_add
from stocktake.customers.tests.helpers import csv_lines, row
from stocktake.frameworks import services as frameworks
from stocktake.frameworks import services_evidence
from stocktake.frameworks.models import FrameworkAssessment
from stocktake.indicators.models import Indicator
from stocktake.movein import services as movein
from stocktake.plans.models import Action, Plan
from stocktake.serviceplans import services as serviceplans
from stocktake.serviceplans import services_workflow

FRAMEWORK = Path(__file__).resolve().parents[2] / "frameworks" / "data" / "eflg-2009.json"


def add_customer_records(council: Organisation, officer: User, action: Action) -> None:
    point = customers.access_point_create(
        organisation=council, code="ccc", name="Saffron Walden office", kind="service_centre",
        is_public=True, by=officer,
    )  # fmt: skip
    customers.session_add(
        access_point=point, weekday=0, opens=dt.time(9), closes=dt.time(17), by=officer
    )
    customers.exception_set(
        access_point=point, date=dt.date(2009, 12, 24), reason="Christmas Eve", by=officer
    )
    lines = [row(f"2009-0{m}-0{d} 10:00", point="ccc", avoidable="yes", reason="repeat")
             for m in (4, 5) for d in (1, 2)]  # fmt: skip
    contacts_load(
        organisation=council, lines=csv_lines(*lines, row("2009-04-03 11:00", "email")),
        source="crm.csv", by=officer,
    )  # fmt: skip
    sampling_period_add(
        organisation=council, name="April week", start=dt.date(2009, 4, 1),
        end=dt.date(2009, 4, 7), by=officer,
    )  # fmt: skip
    customers.feedback_record(
        organisation=council, received_at=timezone.now(), channel="telephone", rating="good",
        access_point=point, by=officer,
    )  # fmt: skip
    indicator = Indicator.objects.filter(organisation=council).first()
    standard = customers.standard_create(
        organisation=council, title="Answer 80% of calls in 20 seconds", indicator=indicator,
        is_published=True, by=officer,
    )  # fmt: skip
    exercise = customers.exercise_create(
        organisation=council, name="Spring shop", start=dt.date(2009, 4, 1),
        end=dt.date(2009, 4, 30), by=officer,
    )  # fmt: skip
    exercise.actions.add(action)
    customers.check_record(
        exercise=exercise, standard=standard, channel="telephone", done_on=dt.date(2009, 4, 2),
        met=False, score=60, actions=[action], by=officer,
    )  # fmt: skip


def add_complaint_records(council: Organisation, officer: User, handler: Person) -> None:
    complaint = complaints.complaint_receive(
        organisation=council, received_on=dt.date(2009, 5, 1), channel="letter",
        summary="Bin not collected", complainant_name="A Resident", area_code="E00000001",
        age_band="65_over", disabled=True, by=officer,
    )  # fmt: skip
    complaints.complaint_accept(complaint=complaint, on=dt.date(2009, 5, 2), by=officer)
    complaints.complaint_acknowledge(
        complaint=complaint, on=dt.date(2009, 5, 3), handler=handler, by=officer
    )
    complaints.stage_extend(
        complaint=complaint, days=5, reason="Waiting for crew", agreed_on=dt.date(2009, 5, 4),
        by=officer,
    )  # fmt: skip
    complaints.stage_respond(
        complaint=complaint, responded_on=dt.date(2009, 5, 20), outcome="upheld", by=officer
    )
    services_after.ombudsman_refer(
        complaint=complaint, referred_on=dt.date(2009, 6, 1), taken_early=True, by=officer
    )
    services_after.learning_add(
        complaint=complaint, what_changed="Crews check the list", changed_on=dt.date(2009, 7, 1),
        by=officer,
    )  # fmt: skip


def add_consultation_records(council: Organisation, officer: User, action: Action) -> None:
    consultation = consultations.consultation_plan(
        organisation=council, title="Opening hours", opens_on=dt.date(2009, 4, 1),
        closes_on=dt.date(2009, 5, 1), methods=["survey"], action=action, by=officer,
    )  # fmt: skip
    consultations.responses_record(
        consultation=consultation, kind="channel", label="Online", count=120, by=officer
    )
    consultations.feedback_add(
        consultation=consultation, you_said="Open on Saturdays", we_did="Opened on Saturdays",
        action=action, by=officer,
    )  # fmt: skip
    services_kb.entry_create(
        organisation=council, question="When are bins collected?", answer="Weekly",
        review_on=dt.date(2010, 1, 1), by=officer,
    )  # fmt: skip


def add_framework_records(council: Organisation, officer: User, action: Action) -> None:
    framework = frameworks.framework_load(data=json.loads(FRAMEWORK.read_text()), by=officer)
    assessment: FrameworkAssessment = frameworks.assessment_create(
        organisation=council, framework=framework, title="Equality 2009", as_at=dt.date(2009, 3, 1),
        by=officer,
    )  # fmt: skip
    frameworks.assessor_add(assessment=assessment, user=officer, by=officer)
    rating = assessment.ratings.select_related("criterion").first()
    assert rating is not None
    frameworks.rating_set(rating=rating, value=2, commentary="Most of it", by=officer)
    services_evidence.evidence_add(rating=rating, title="Policy", note="Adopted", by=officer)
    services_evidence.gap_action_link(rating=rating, action=action, by=officer)


def add_service_plan_records(council: Organisation, officer: User, plan: Plan) -> None:
    unit = accounts.unit_create(organisation=council, name="Waste", kind="service")
    made = serviceplans.service_plan_create(
        organisation=council, unit=unit, year=2009, tracked_plan=plan, by=officer
    )
    content = made.contents.select_related("section").first()
    assert content is not None
    serviceplans.section_save(content=content, data={"text": "We collect bins"}, by=officer)
    serviceplans.comment_add(service_plan=made, text="Good start", by=officer)
    services_workflow.plan_submit(plan=made, by=officer)


def add_movein_records(council: Organisation, officer: User) -> None:
    movein.profile_save(
        organisation=council, name="CorVu values", kind="indicators",
        mapping={"columns": {"code": "PI Code", "period": "Period"}}, by=officer,
    )  # fmt: skip


def add_every_later_app(
    council: Organisation, officer: User, plan: Plan, action: Action, handler: Person
) -> None:
    add_customer_records(council, officer, action)
    add_complaint_records(council, officer, handler)
    add_consultation_records(council, officer, action)
    add_framework_records(council, officer, action)
    add_service_plan_records(council, officer, plan)
    add_movein_records(council, officer)
