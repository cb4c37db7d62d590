"""Risks, their dated reviews, and equality impact assessments.

Risk registers are internal (anonymous callers see none); published assessments are public.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.accounts.models import Person, Post
from stocktake.accounts.selectors import person_for
from stocktake.plans.models import Plan
from stocktake.risks import access, services
from stocktake.risks import services_equality as equality
from stocktake.risks.forms import AssessmentForm, ReviewForm, RiskCreateForm, RiskForm
from stocktake.risks.models import EqualityAssessment, Risk, RiskReview

from ..auth import READ, WRITE, caller
from ..errors import ERRORS, WRITE_ERRORS, form_messages
from ..pagination import Pages
from ..scope import seen, within
from .risks_schemas import (
    AssessmentOut,
    AssessmentPatch,
    ReviewIn,
    ReviewOut,
    RiskIn,
    RiskOut,
    RiskPatch,
)

router = Router(tags=["risks"])


class RiskFilters(Schema):
    organisation: UUID | None = None
    plan: UUID | None = None
    status: Risk.Status | None = None


def _risks(request: HttpRequest) -> QuerySet[Risk]:
    who = caller(request)
    rows = Risk.objects.select_related(
        "organisation", "plan", "unit", "parent", "matrix", "owner_person", "owner_post"
    )
    return within(who, rows, access.visible_risks(who.user))


@router.get("/risks/", response={200: list[RiskOut], **ERRORS}, auth=READ)
@paginate(Pages)
def risk_list(request: HttpRequest, filters: Query[RiskFilters]) -> QuerySet[Risk]:
    rows = _risks(request).order_by("organisation_id", "position", "id")
    for name in ("organisation", "plan"):
        if getattr(filters, name):
            rows = rows.filter(**{f"{name}__uuid": getattr(filters, name)})
    if filters.status:
        rows = rows.filter(status=filters.status)
    return rows


@router.get("/risks/{risk_uuid}/", response={200: RiskOut, **ERRORS}, auth=READ)
def risk_detail(request: HttpRequest, risk_uuid: UUID) -> Risk:
    return seen(caller(request), access.risk_for_viewer, str(risk_uuid))


def _pk(
    model: type[Person] | type[Post] | type[Plan], organisation_id: int, uuid: UUID, field: str
) -> int:
    found = model.objects.filter(organisation_id=organisation_id, uuid=uuid).first()
    if found is None:
        raise ValidationError({field: "No such record in this organisation"})
    return found.pk


@router.post(
    "/organisations/{organisation_uuid}/risks/",
    response={201: RiskOut, **WRITE_ERRORS},
    auth=WRITE,
)
def risk_create(request: HttpRequest, organisation_uuid: UUID, payload: RiskIn) -> Status[Any]:
    """Add a risk to the register, as the new-risk page does (editors of the organisation)."""
    who = caller(request)
    try:
        organisation = access.organisation_for_register(who.user, str(organisation_uuid))
    except PermissionDenied:
        raise Http404("No such organisation") from None
    if who.organisation_id not in (None, organisation.pk):
        raise Http404("No such organisation")
    organisation = access.organisation_for_adding(who.user, str(organisation_uuid))
    sent = payload.dict()
    for name, model in (("owner_person", Person), ("owner_post", Post), ("plan", Plan)):
        if sent.get(name):
            sent[name] = _pk(model, organisation.pk, sent[name], name)
    data = {k: v for k, v in sent.items() if v is not None}
    matrix = services.matrix_for(organisation=organisation, by=who.user)
    form = RiskCreateForm(data, organisation=organisation, matrix=matrix)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    fields = dict(form.cleaned_data)
    actions = fields.pop("mitigating_actions")
    risk = services.risk_create(
        organisation=organisation, matrix=matrix, actions=actions, by=who.user, **fields
    )
    return Status(201, seen(who, access.risk_for_viewer, str(risk.uuid)))


@router.patch("/risks/{risk_uuid}/", response={200: RiskOut, **WRITE_ERRORS}, auth=WRITE)
def risk_edit(request: HttpRequest, risk_uuid: UUID, payload: RiskPatch) -> Risk:
    """Change a risk as its edit page does: owners and editors in scope."""
    who = caller(request)
    seen(who, access.risk_for_viewer, str(risk_uuid))
    risk = access.risk_for_editor(who.user, str(risk_uuid))
    data: dict[str, Any] = model_to_dict(risk, fields=RiskForm.Meta.fields)
    data["mitigating_actions"] = [a.pk for a in data.get("mitigating_actions", [])]
    sent = payload.dict(exclude_unset=True)
    for name, model in (("owner_person", Person), ("owner_post", Post)):
        if sent.get(name):
            sent[name] = _pk(model, risk.organisation_id, sent[name], name)
    data |= {k: ("" if v is None else v) for k, v in sent.items()}
    data = {k: v for k, v in data.items() if v is not None}
    form = RiskForm(data, instance=risk, organisation=risk.organisation, matrix=risk.matrix)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    _save_edit(form, who.user)
    return seen(who, access.risk_for_viewer, str(risk_uuid))


@transaction.atomic
def _save_edit(form: RiskForm, by: Any) -> None:
    """The edit page's save: only what changed, so an untouched review date follows the cycle."""
    data = form.cleaned_data
    changes = {n: data[n] for n in form.changed_data if n in data and n != "mitigating_actions"}
    services.risk_edit(risk=form.instance, by=by, **changes)


@router.get("/risks/{risk_uuid}/reviews/", response={200: list[ReviewOut], **ERRORS}, auth=READ)
@paginate(Pages)
def review_list(request: HttpRequest, risk_uuid: UUID) -> QuerySet[RiskReview]:
    risk = seen(caller(request), access.risk_for_viewer, str(risk_uuid))
    return risk.reviews.select_related("risk").order_by("as_at", "created_at", "id")


@router.post("/risks/{risk_uuid}/reviews/", response={201: ReviewOut, **WRITE_ERRORS}, auth=WRITE)
def review_add(request: HttpRequest, risk_uuid: UUID, payload: ReviewIn) -> Status[Any]:
    """Re-score a risk at a business date, as the review page does."""
    who = caller(request)
    seen(who, access.risk_for_viewer, str(risk_uuid))
    risk = access.risk_for_editor(who.user, str(risk_uuid))
    data = {k: str(v) for k, v in payload.dict().items()}
    form = ReviewForm(data, matrix=risk.matrix)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    review = services.risk_review_add(
        risk=risk, by=who.user, reviewer=person_for(who.user), **form.cleaned_data
    )
    return Status(201, review)


def _assessments(request: HttpRequest) -> QuerySet[EqualityAssessment]:
    who = caller(request)
    rows = EqualityAssessment.objects.select_related(
        "organisation", "plan", "unit", "lead_person", "lead_post"
    )
    return within(who, rows, access.visible_assessments(who.user))


@router.get("/equality-assessments/", response={200: list[AssessmentOut], **ERRORS}, auth=READ)
@paginate(Pages)
def assessment_list(
    request: HttpRequest, organisation: UUID | None = None
) -> QuerySet[EqualityAssessment]:
    rows = _assessments(request).order_by("organisation_id", "position", "id")
    if organisation:
        rows = rows.filter(organisation__uuid=organisation)
    return rows


@router.get(
    "/equality-assessments/{assessment_uuid}/",
    response={200: AssessmentOut, **ERRORS},
    auth=READ,
)
def assessment_detail(request: HttpRequest, assessment_uuid: UUID) -> EqualityAssessment:
    found = _assessments(request).filter(uuid=assessment_uuid).first()
    if found is None:
        raise Http404("No such assessment")
    return found


@router.patch(
    "/equality-assessments/{assessment_uuid}/",
    response={200: AssessmentOut, **WRITE_ERRORS},
    auth=WRITE,
)
def assessment_edit(
    request: HttpRequest, assessment_uuid: UUID, payload: AssessmentPatch
) -> EqualityAssessment:
    """Change an assessment as its edit page does: its lead and editors in scope."""
    who = caller(request)
    if not _assessments(request).filter(uuid=assessment_uuid).exists():
        raise Http404("No such assessment")
    assessment = access.assessment_for_editor(who.user, str(assessment_uuid))
    organisation = assessment.organisation
    data: dict[str, Any] = model_to_dict(assessment, fields=AssessmentForm.Meta.fields)
    for name in ("characteristics", "actions"):
        data[name] = [item.pk for item in data.get(name, [])]
    sent = payload.dict(exclude_unset=True)
    for name, model in (("lead_person", Person), ("lead_post", Post)):
        if sent.get(name):
            sent[name] = _pk(model, organisation.pk, sent[name], name)
    data |= {k: ("" if v is None else v) for k, v in sent.items()}
    data = {k: v for k, v in data.items() if v is not None}
    available = equality.characteristics_available(organisation.pk, services.today())
    form = AssessmentForm(
        data, instance=assessment, organisation=organisation, characteristics=available
    )
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    _save_assessment(form, who.user)
    found = _assessments(request).filter(uuid=assessment_uuid).first()
    assert found is not None  # the caller could see it a moment ago, in this request
    return found


@transaction.atomic
def _save_assessment(form: AssessmentForm, by: Any) -> None:
    equality.assessment_edit(assessment=form.instance, by=by, **dict(form.cleaned_data))
