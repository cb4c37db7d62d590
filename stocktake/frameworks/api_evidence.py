"""Assessors and evidence in the API, through the assessment pages' forms and services: those
who manage an assessment name its assessors; those who may assess it add evidence (a file,
type- and size-checked as the page does, a link, a note, a plan action or an indicator)."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile
from ninja.errors import ValidationError as SchemaError

from stocktake.accounts.models import Person
from stocktake.api.auth import WRITE, caller
from stocktake.api.errors import WRITE_ERRORS, form_messages
from stocktake.api.limits import WriteSchema, from_model
from stocktake.api.scope import seen
from stocktake.indicators.access import visible_indicators
from stocktake.indicators.models import Indicator

from . import access, selectors, services, services_evidence
from .forms import AssessorForm, EvidenceForm
from .models import Assessor, CriterionEvidence

router = Router(tags=["frameworks"])


class EvidenceOut(Schema):
    uuid: UUID
    kind: str
    title: str
    note: str
    url: str
    file_name: str = Field(..., alias="file.name")
    content_type: str
    size: int
    action: UUID | None = None
    indicator: UUID | None = None
    created_at: dt.datetime

    @staticmethod
    def resolve_action(obj: CriterionEvidence) -> UUID | None:
        return obj.action.uuid if obj.action is not None else None

    @staticmethod
    def resolve_indicator(obj: CriterionEvidence) -> UUID | None:
        return obj.indicator.uuid if obj.indicator is not None else None


class AssessorIn(WriteSchema):
    person: UUID = Field(..., description="A person of the council who signs in.")


class AssessorOut(Schema):
    person: UUID | None = None
    name: str
    role: str | None = Field(None, description="The person's job title, if recorded.")
    added_at: dt.datetime

    @staticmethod
    def resolve_person(obj: Assessor) -> UUID | None:
        found = _person(obj)
        return found.uuid if found is not None else None

    @staticmethod
    def resolve_role(obj: Assessor) -> str | None:
        found = _person(obj)
        return (found.job_title or None) if found is not None else None

    @staticmethod
    def resolve_name(obj: Assessor) -> str:
        return obj.user.get_full_name() or obj.user.username


def _person(assessor: Assessor) -> Person | None:
    """The assessor's person record (select_related("user__person") spares the query)."""
    found: Person | None = getattr(assessor.user, "person", None)
    return found


@router.post(
    "/framework-assessments/{framework_assessment_uuid}/assessors/",
    response={201: AssessorOut, **WRITE_ERRORS},
    auth=WRITE,
)
def assessor_add(
    request: HttpRequest, framework_assessment_uuid: UUID, payload: AssessorIn
) -> Status[Any]:
    """Name an assessor, as the add-assessor page does: those who edit all in its scope."""
    who = caller(request)
    seen(who, access.assessment_for_viewer, str(framework_assessment_uuid))
    assessment = access.assessment_for_manager(who.user, str(framework_assessment_uuid))
    person = Person.objects.filter(
        organisation_id=assessment.organisation_id, uuid=payload.person
    ).first()
    form = AssessorForm(
        {"user": person.user_id if person and person.user_id else ""}, assessment=assessment
    )
    if not form.is_valid():
        raise ValidationError({"person": form.errors["user"]})
    made = services.assessor_add(assessment=assessment, user=form.cleaned_data["user"], by=who.user)
    return Status(201, made)


class EvidenceIn(WriteSchema):
    """Send one of: a file (the multipart part `file`), a link, a note, a plan action or an
    indicator."""

    title: str = from_model(CriterionEvidence, "title")
    url: str = from_model(CriterionEvidence, "url", "")
    note: str = ""
    action: UUID | None = Field(None, description="A plan action of the council you may see.")
    indicator: UUID | None = Field(None, description="An indicator of the council you may see.")


def refuse_unknown_parts(request: HttpRequest) -> None:
    """ninja reads only the form fields it knows and drops the rest before EvidenceIn sees them:
    refused here by name, as an unknown key of a JSON body is."""
    unknown = sorted(set(request.POST) - set(EvidenceIn.model_fields))
    if "file" in unknown:
        raise ValidationError({"file": "Send the file as a file part, with its file name"})
    if unknown:
        refused = "Extra inputs are not permitted"
        raise SchemaError(
            [{"type": "extra_forbidden", "loc": ("form", n), "msg": refused} for n in unknown]
        )


@router.post(
    "/framework-assessments/{framework_assessment_uuid}/ratings/{criterion_uuid}/evidence/",
    response={201: EvidenceOut, **WRITE_ERRORS},
    auth=WRITE,
)
def evidence_add(
    request: HttpRequest,
    framework_assessment_uuid: UUID,
    criterion_uuid: UUID,
    payload: Form[EvidenceIn],
    file: File[UploadedFile | None] = None,
) -> Status[Any]:
    """Add evidence to a criterion, as its page does (multipart/form-data): assessors and
    editors while the draft is open. Files pass the page's type and size checks."""
    refuse_unknown_parts(request)
    who = caller(request)
    seen(who, access.assessment_for_viewer, str(framework_assessment_uuid))
    assessment = access.assessment_for_assessor(who.user, str(framework_assessment_uuid))
    rating = access.rating_in(assessment, str(criterion_uuid))
    organisation_id = assessment.organisation_id
    actions = selectors.visible_actions(who.user, organisation_id).select_related("plan")
    indicators = (
        Indicator.objects.filter(organisation_id=organisation_id)
        .filter(visible_indicators(who.user))
        .select_related("definition")
    )
    data: dict[str, Any] = {"title": payload.title, "url": payload.url, "note": payload.note}
    for name, rows, sent in (
        ("action", actions, payload.action),
        ("indicator", indicators, payload.indicator),
    ):
        if sent is not None:
            found = rows.filter(uuid=sent).values_list("pk", flat=True).first()
            if found is None:
                raise ValidationError({name: "No such record in this council that you may see"})
            data[name] = found
    files = {"file": file} if file is not None else {}
    form = EvidenceForm(data, files, actions=actions, indicators=indicators)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    made = services_evidence.evidence_add(rating=rating, by=who.user, **form.cleaned_data)
    return Status(201, made)
