"""Improvement frameworks (global data) and councils' assessments against them.

Frameworks are for anyone signed in; an assessment follows its gatekeeper (drafts for those
who read drafts in its scope and its assessors; agreed ones for readers of signed-off work).
Evidence is described (title, kind, link, file name and size), its files are not served here.
The detail names its assessors, as the assessment page does. Ratings are set through the
criterion page's form and service, by those who may assess; assessors and evidence through
their pages' (api_evidence.py).
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.accounts.models import Capability, Unit
from stocktake.accounts.selectors import capabilities_in
from stocktake.api.auth import READ, WRITE, caller
from stocktake.api.errors import ERRORS, WRITE_ERRORS, form_messages
from stocktake.api.limits import WriteSchema, from_model
from stocktake.api.pagination import Pages
from stocktake.api.scope import seen, within

from . import access, services
from .api_evidence import AssessorOut, EvidenceOut
from .api_evidence import router as evidence_router
from .forms import AssessmentForm, RatingForm
from .models import (
    Criterion,
    CriterionEvidence,
    CriterionRating,
    Framework,
    FrameworkAssessment,
    Theme,
)

router = Router(tags=["frameworks"])
router.add_router("", evidence_router)


class OptionOut(Schema):
    value: int
    label: str
    description: str


class CriterionOut(Schema):
    uuid: UUID
    ref: str
    title: str
    description: str
    level: int | None
    elements: list[str]

    @staticmethod
    def resolve_elements(obj: Criterion) -> list[str]:
        return [f"{e.ref} {e.title}".strip() for e in obj.elements.all()]


class ThemeOut(Schema):
    uuid: UUID
    ref: str
    title: str
    description: str
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_criteria(obj: Theme) -> list[Any]:
        return list(obj.criteria.all())


class FrameworkOut(Schema):
    uuid: UUID
    code: str
    version: str
    title: str
    description: str
    source: str
    rule: str
    threshold: int
    target: int
    level_names: list[str]
    scale: list[OptionOut]

    @staticmethod
    def resolve_scale(obj: Framework) -> list[Any]:
        return list(obj.scale.all())


class FrameworkDetail(FrameworkOut):
    themes: list[ThemeOut]

    @staticmethod
    def resolve_themes(obj: Framework) -> list[Any]:
        return list(obj.themes.all())


def _frameworks(request: HttpRequest) -> QuerySet[Framework]:
    if not caller(request).user.is_authenticated:
        return Framework.objects.none()
    return Framework.objects.prefetch_related("scale")


@router.get("/frameworks/", response={200: list[FrameworkOut], **ERRORS}, auth=READ)
@paginate(Pages)
def framework_list(request: HttpRequest) -> QuerySet[Framework]:
    return _frameworks(request).order_by("code", "version", "id")


@router.get("/frameworks/{framework_uuid}/", response={200: FrameworkDetail, **ERRORS}, auth=READ)
def framework_detail(request: HttpRequest, framework_uuid: UUID) -> Framework:
    who = caller(request)
    framework = seen_framework(who.user, framework_uuid)
    criteria = Criterion.objects.prefetch_related("elements").order_by("position", "id")
    themes = Theme.objects.prefetch_related(Prefetch("criteria", queryset=criteria))
    found = (
        Framework.objects.filter(pk=framework.pk)
        .prefetch_related("scale", Prefetch("themes", queryset=themes.order_by("position", "id")))
        .first()
    )
    assert found is not None
    return found


def seen_framework(user: Any, framework_uuid: UUID) -> Framework:
    """Frameworks are for anyone signed in; for the public they do not exist."""
    try:
        return access.framework_for_viewer(user, framework_uuid)
    except PermissionDenied:
        raise Http404("Not found") from None


class RatingOut(Schema):
    criterion: UUID = Field(..., alias="criterion.uuid")
    criterion_ref: str = Field(..., alias="criterion.ref")
    rating: int | None
    commentary: str
    external_rating: int | None
    external_commentary: str
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_evidence(obj: CriterionRating) -> list[Any]:
        return list(obj.evidence.all())


class FrameworkAssessmentOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    unit: UUID | None = None
    framework: UUID = Field(..., alias="framework.uuid")
    title: str
    as_at: dt.date
    status: str
    review_comment: str
    reviewed_on: dt.date | None
    external_assessor: str
    external_on: dt.date | None
    external_summary: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_unit(obj: FrameworkAssessment) -> UUID | None:
        return obj.unit.uuid if obj.unit is not None else None


class FrameworkAssessmentDetail(FrameworkAssessmentOut):
    assessors: list[AssessorOut]
    ratings: list[RatingOut]

    @staticmethod
    def resolve_assessors(obj: FrameworkAssessment) -> list[Any]:
        rows = obj.assessors.select_related("user__person").order_by("added_at", "id")
        return list(rows)

    @staticmethod
    def resolve_ratings(obj: FrameworkAssessment) -> list[Any]:
        evidence = CriterionEvidence.objects.select_related("action", "indicator")
        return list(
            obj.ratings.select_related("criterion").prefetch_related(
                Prefetch("evidence", queryset=evidence.order_by("created_at", "id"))
            )
        )


def _assessments(request: HttpRequest) -> QuerySet[FrameworkAssessment]:
    who = caller(request)
    rows = FrameworkAssessment.objects.select_related("organisation", "unit", "framework")
    visible = within(who, rows, access.visible_assessments(who.user))
    # The assessors join may repeat a row; ids keep the page's query plain.
    return rows.filter(pk__in=visible.values("pk"))


@router.get(
    "/framework-assessments/", response={200: list[FrameworkAssessmentOut], **ERRORS}, auth=READ
)
@paginate(Pages)
def assessment_list(
    request: HttpRequest, organisation: UUID | None = None, framework: UUID | None = None
) -> QuerySet[FrameworkAssessment]:
    rows = _assessments(request).order_by("organisation_id", "-as_at", "id")
    if organisation:
        rows = rows.filter(organisation__uuid=organisation)
    if framework:
        rows = rows.filter(framework__uuid=framework)
    return rows


@router.get(
    "/framework-assessments/{framework_assessment_uuid}/",
    response={200: FrameworkAssessmentDetail, **ERRORS},
    auth=READ,
)
def assessment_detail(request: HttpRequest, framework_assessment_uuid: UUID) -> FrameworkAssessment:
    return seen(caller(request), access.assessment_for_viewer, str(framework_assessment_uuid))


class AssessmentIn(WriteSchema):
    organisation: UUID
    framework: UUID
    title: str = from_model(FrameworkAssessment, "title")
    as_at: dt.date = Field(..., description="The date the assessment describes.")
    unit: UUID | None = Field(None, description="A service; empty for the whole council.")


@router.post(
    "/framework-assessments/",
    response={201: FrameworkAssessmentDetail, **WRITE_ERRORS},
    auth=WRITE,
)
def assessment_create(request: HttpRequest, payload: AssessmentIn) -> Status[Any]:
    """Start an assessment as the new-assessment page does: those who edit all in its scope."""
    who = caller(request)
    organisations = access.organisations_for_assessing(who.user)
    if who.organisation_id is not None:
        organisations = organisations.filter(pk=who.organisation_id)
    if not organisations.exists():
        raise PermissionDenied("You cannot start an assessment")
    data: dict[str, Any] = {"title": payload.title, "as_at": payload.as_at.isoformat()}
    organisation = organisations.filter(uuid=payload.organisation).first()
    data["organisation"] = organisation.pk if organisation else ""
    framework = Framework.objects.filter(uuid=payload.framework).first()
    data["framework"] = framework.pk if framework else ""
    if payload.unit is not None:
        unit = Unit.objects.filter(uuid=payload.unit).first()
        data["unit"] = unit.pk if unit else -1
    form = AssessmentForm(data, organisations=organisations)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    fields = form.cleaned_data
    unit_id = fields["unit"].pk if fields["unit"] else None
    if Capability.EDIT_ALL not in capabilities_in(who.user, fields["organisation"].pk, unit_id):
        raise ValidationError({"unit": "You may only assess the services you edit"})
    made = services.assessment_create(by=who.user, **fields)
    return Status(201, seen(who, access.assessment_for_viewer, str(made.uuid)))


class RatingIn(WriteSchema):
    rating: int | None = from_model(
        CriterionRating, "rating", None, description="A value on the framework's scale, or null."
    )
    commentary: str = ""


@router.put(
    "/framework-assessments/{framework_assessment_uuid}/ratings/{criterion_uuid}/",
    response={200: RatingOut, **WRITE_ERRORS},
    auth=WRITE,
)
def rating_set(
    request: HttpRequest, framework_assessment_uuid: UUID, criterion_uuid: UUID, payload: RatingIn
) -> CriterionRating:
    """Rate one criterion, as its page does: assessors and editors while the draft is open."""
    who = caller(request)
    seen(who, access.assessment_for_viewer, str(framework_assessment_uuid))
    assessment = access.assessment_for_assessor(who.user, str(framework_assessment_uuid))
    rating = access.rating_in(assessment, str(criterion_uuid))
    data = {"rating": "" if payload.rating is None else str(payload.rating)}
    form = RatingForm(data | {"commentary": payload.commentary}, assessment=assessment)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    services.rating_set(
        rating=rating,
        value=form.cleaned_data["rating"],
        commentary=form.cleaned_data["commentary"],
        by=who.user,
    )
    return rating
