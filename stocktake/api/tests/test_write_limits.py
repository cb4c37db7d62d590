"""Writes refuse what the database cannot hold or the field cannot mean, with 400 JSON naming
the field, and change nothing; unknown fields and filter values are refused, not ignored."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.backends.base.operations import BaseDatabaseOperations
from django.test import Client
from pydantic import BaseModel

from stocktake.accounts.models import Person
from stocktake.api.resources import indicators_schemas, plans_schemas, risks_schemas
from stocktake.complaints import api_schemas as complaints_schemas
from stocktake.complaints.models import Complaint
from stocktake.complaints.models_handling import ComplaintStage, Extension, OmbudsmanCase
from stocktake.consultations import api_schemas
from stocktake.consultations.models import Consultation, Entry, Feedback, ResponseCount
from stocktake.frameworks import api as frameworks_api
from stocktake.frameworks import api_evidence
from stocktake.frameworks.models import (
    Assessor,
    CriterionEvidence,
    CriterionRating,
    FrameworkAssessment,
)
from stocktake.indicators.models import Measurement, Target
from stocktake.plans.models import Action, ProgressUpdate
from stocktake.risks import services as risks
from stocktake.risks.models import EqualityAssessment, Risk, RiskReview
from stocktake.serviceplans import api as serviceplans_api
from stocktake.serviceplans.models import SectionContent, ServicePlan
from stocktake.testing import World

from .conftest import MakeToken

JSON = "application/json"


def _refused(response: Any, field: str) -> None:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "The request was not valid"
    assert field in body["errors"], body


def test_an_action_with_a_ref_longer_than_the_column_is_refused(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, _, _ = world
    headers = make_token(officer, plan.organisation)
    before = Action.objects.count()
    url = f"/api/plans/{plan.uuid}/actions/"
    body = {"text": "Too long a ref", "ref": "x" * 500}
    _refused(client.post(url, body, content_type=JSON, headers=headers), "ref")
    assert Action.objects.count() == before
    body = {"text": "A proper ref", "ref": "x" * 30}
    assert client.post(url, body, content_type=JSON, headers=headers).status_code == 201


def test_a_risks_review_cycle_is_a_day_to_five_years(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, _, _ = world
    headers = make_token(officer, plan.organisation)
    risk = risks.risk_create(
        organisation=plan.organisation, title="Budget cut", checked=False, by=officer
    )
    for days in (10_000_000, 1826, 0, -1):
        response = client.patch(
            f"/api/risks/{risk.uuid}/", {"review_days": days}, content_type=JSON, headers=headers
        )
        _refused(response, "review_days")
        url = f"/api/organisations/{plan.organisation.uuid}/risks/"
        body = {"title": "Another risk", "review_days": days}
        _refused(client.post(url, body, content_type=JSON, headers=headers), "review_days")
    risk.refresh_from_db()
    assert risk.review_days != 1826
    assert Risk.objects.count() == 1
    owner = Person.objects.get(user=officer).uuid
    body = {"review_days": 1825, "owner_person": str(owner)}
    response = client.patch(f"/api/risks/{risk.uuid}/", body, content_type=JSON, headers=headers)
    assert response.status_code == 200, response.json()
    assert response.json()["review_days"] == 1825


def test_an_unknown_field_is_refused_by_name_and_the_version_does_not_move(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, action, _ = world
    headers = make_token(officer, plan.organisation)
    version = action.updated_at
    body = {"version": version.isoformat(), "percent_complete": 80}
    response = client.patch(
        f"/api/actions/{action.uuid}/", body, content_type=JSON, headers=headers
    )
    _refused(response, "percent_complete")
    assert "not part of this request" in response.json()["errors"]["percent_complete"][0]
    action.refresh_from_db()
    assert (action.updated_at, action.percent_complete) == (version, None)


def test_action_filters_refuse_unknown_values_and_list_the_allowed_ones(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, _, _ = world
    headers = make_token(officer, plan.organisation)
    for name, bogus in (("rag", "purple"), ("progress_status", "bogus")):
        response = client.get(f"/api/actions/?{name}={bogus}", headers=headers)
        _refused(response, name)
        assert "'red'" in str(response.json()) or "'complete'" in str(response.json())
    assert client.get("/api/actions/?rag=red&progress_status=complete").status_code == 200


def test_a_version_that_is_not_one_is_refused_in_api_words(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, action, _ = world
    headers = make_token(officer, plan.organisation)
    body = {"version": "yesterday", "text": "Changed"}
    response = client.patch(
        f"/api/actions/{action.uuid}/", body, content_type=JSON, headers=headers
    )
    _refused(response, "version")
    assert "page" not in str(response.json()).lower()
    stale = action.updated_at.isoformat()
    body = {"version": stale, "text": "First change"}
    assert client.patch(f"/api/actions/{action.uuid}/", body, content_type=JSON, headers=headers)
    body = {"version": stale, "text": "Second change"}
    response = client.patch(
        f"/api/actions/{action.uuid}/", body, content_type=JSON, headers=headers
    )
    assert response.status_code == 409
    assert response.json()["detail"] == (
        f"The action has changed since version {stale}; fetch it again and resend your change"
    )


def test_a_browser_write_without_its_csrf_token_gets_a_clear_json_403(
    world: World, officer: User
) -> None:
    _, action, _ = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    body = {"as_at": "2008-01-01", "position": "From the browser"}
    response = client.post(f"/api/actions/{action.uuid}/updates/", body, content_type=JSON)
    assert response.status_code == 403
    assert set(response.json()) == {"detail"}
    assert "X-CSRFToken" in response.json()["detail"]


WRITES: list[tuple[type[BaseModel], type[Any]]] = [
    (plans_schemas.ActionIn, Action),
    (plans_schemas.ActionPatch, Action),
    (plans_schemas.UpdateIn, ProgressUpdate),
    (risks_schemas.RiskIn, Risk),
    (risks_schemas.RiskPatch, Risk),
    (risks_schemas.ReviewIn, RiskReview),
    (risks_schemas.AssessmentPatch, EqualityAssessment),
    (indicators_schemas.TargetIn, Target),
    (indicators_schemas.MeasurementIn, Measurement),
    (api_schemas.ResponseCountIn, ResponseCount),
    (api_schemas.ConsultationIn, Consultation),
    (api_schemas.ConsultationPatch, Consultation),
    (api_schemas.FeedbackIn, Feedback),
    (api_schemas.EntryIn, Entry),
    (api_schemas.EntryPatch, Entry),
    (complaints_schemas.ComplaintIn, Complaint),
    # A step's fields belong to the record that step writes.
    (complaints_schemas.StepIn, Complaint),
    (complaints_schemas.StepIn, ComplaintStage),
    (complaints_schemas.StepIn, Extension),
    (complaints_schemas.StepIn, OmbudsmanCase),
    (frameworks_api.AssessmentIn, FrameworkAssessment),
    (frameworks_api.RatingIn, CriterionRating),
    (api_evidence.AssessorIn, Assessor),
    (api_evidence.EvidenceIn, CriterionEvidence),
    (serviceplans_api.PlanIn, ServicePlan),
    (serviceplans_api.SectionIn, SectionContent),
    (serviceplans_api.TransitionIn, ServicePlan),
]


# The portable integer ranges (PostgreSQL's), whatever database runs the tests.
_RANGES = BaseDatabaseOperations.integer_field_ranges


def _constraints(schema: dict[str, Any]) -> dict[str, Any]:
    found = dict(schema)
    for alternative in schema.get("anyOf", []):
        found |= alternative
    return found


def test_every_write_schema_carries_its_models_lengths_and_ranges_and_forbids_extras() -> None:
    for schema, model in WRITES:
        json_schema = schema.model_json_schema()
        assert json_schema.get("additionalProperties") is False, schema.__name__
        for name, sent in json_schema["properties"].items():
            names = {f.name for f in model._meta.get_fields()}
            if name not in names:  # not a model field (version, period, replace)
                continue
            field = model._meta.get_field(name)
            shown = _constraints(sent)
            where = f"{schema.__name__}.{name}"
            if field.get_internal_type() == "CharField" and not field.choices:
                assert shown.get("maxLength", 10**9) <= field.max_length, where
            if "IntegerField" in field.get_internal_type():
                low, high = _RANGES[field.get_internal_type()]
                assert shown.get("minimum", low - 1) >= low, where
                assert shown.get("maximum", high + 1) <= high, where


def test_every_json_request_body_is_among_the_write_schemas_checked(
    client: Client, db: None
) -> None:
    schema = client.get("/api/schema/").json()
    checked = {write.__name__ for write, _ in WRITES}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            sent = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if sent is not None:
                name = sent["schema"]["$ref"].split("/")[-1]
                assert name in checked, (path, method, name)
