"""Schemathesis drives the API from its own OpenAPI schema, in process through the WSGI app.

As a performance officer's token, every operation gets generated input (valid and not) against
real records; no answer may be a server error or break the schema it documents. Few examples
per operation, so the suite stays fast.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from stocktake.accounts.models import Organisation
from stocktake.complaints.models import Complaint
from stocktake.consultations.models import Consultation, Entry
from stocktake.customers.models import AccessPoint
from stocktake.exchange.tests.generated import add_every_later_app
from stocktake.frameworks.models import CriterionRating
from stocktake.indicators import services as indicators
from stocktake.movein.models import MappingProfile
from stocktake.plans.models import Plan
from stocktake.risks import services as risks
from stocktake.risks import services_equality as equality
from stocktake.serviceplans.models import SectionContent
from stocktake.wsgi import application

from .conftest import MakeToken

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def records(
    council: Organisation, officer: User, make_plan: Any, make_token: MakeToken, make_user: Any
) -> Any:
    plan: Plan = make_plan(council, actions=2)
    _, handler = make_user("Lead officer", council)
    action = plan.actions.first()
    assert action is not None
    add_every_later_app(council, officer, plan, action, handler)
    rating = CriterionRating.objects.filter(organisation=council).select_related("criterion")[0]
    content = SectionContent.objects.filter(organisation=council).select_related("service_plan")[0]
    definition = indicators.definition_create(
        organisation=council, code="SX18", title="Calls answered", by=officer
    )
    indicator = indicators.indicator_create(organisation=council, definition=definition, by=officer)
    risk = risks.risk_create(
        organisation=council, title="Budget cut leading to closures", checked=False, by=officer
    )
    assessment = equality.assessment_create(
        organisation=council, title="Customer access", checked=False, by=officer
    )
    uuids = {
        "plan_uuid": plan.uuid,
        "organisation_uuid": council.uuid,
        "action_uuid": plan.actions.first().uuid,  # type: ignore[union-attr]
        "indicator_uuid": indicator.uuid,
        "risk_uuid": risk.uuid,
        "assessment_uuid": assessment.uuid,
        "access_point_uuid": AccessPoint.objects.get(organisation=council).uuid,
        "complaint_uuid": Complaint.objects.get(organisation=council).uuid,
        "consultation_uuid": Consultation.objects.get(organisation=council).uuid,
        "entry_uuid": Entry.objects.get(organisation=council).uuid,
        "framework_uuid": rating.criterion.framework.uuid,
        "framework_assessment_uuid": rating.assessment.uuid,
        "criterion_uuid": rating.criterion.uuid,
        "serviceplan_uuid": content.service_plan.uuid,
        "section_uuid": content.uuid,
        "profile_uuid": MappingProfile.objects.get(organisation=council).uuid,
    }
    return make_token(officer, council), uuids


@pytest.fixture(autouse=True)
def _connection_kept_between_requests() -> Any:
    """Calling the WSGI app directly fires the request signals that close the database
    connection, which would end the test's transaction; Django's test client disconnects the
    same handler for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema(records: Any, settings: Any) -> None:
    settings.API_THROTTLE_RATES = {"anonymous": "100000/min", "caller": "100000/min"}
    headers, uuids = records
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 20

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=4,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            # Aim at real records, so generated bodies reach the forms and services.
            for name in list(case.path_parameters or {}):
                if name in uuids:
                    case.path_parameters[name] = str(uuids[name])
            case.call_and_validate(headers=headers, checks=CHECKS)

        run()
