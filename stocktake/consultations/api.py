"""Consultations with "you said, we did", and the knowledge base, in the API.

The public sees consultations whose outcome is published, without who ran them; the council's
staff and councillors see the planner and the knowledge base. Writes use the planner's forms,
services and gatekeeper.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.accounts.models import Person, Unit
from stocktake.api.auth import READ, WRITE, Caller, caller
from stocktake.api.errors import ERRORS, WRITE_ERRORS, form_messages
from stocktake.api.pagination import Pages
from stocktake.api.scope import organisation_seen, readable_organisations, references, within
from stocktake.plans.models import Action

from . import access, services, services_kb
from .api_schemas import (
    ConsultationDetail,
    ConsultationIn,
    ConsultationOut,
    ConsultationPatch,
    EntryIn,
    EntryOut,
    EntryPatch,
    FeedbackIn,
    FeedbackOut,
    ResponseCountIn,
    ResponseCountOut,
)
from .forms import (
    ConsultationForm,
    EntryForm,
    FeedbackForm,
    PlanConsultationForm,
    ResponseCountForm,
)
from .models import Consultation, Entry

router = Router(tags=["consultations"])
RELATED: dict[str, Any] = {"unit": Unit, "lead_officer": Person, "action": Action}


def _readers(who: Caller) -> Q:
    """The organisations whose planner the caller reads (everything, for a superuser)."""
    found = readable_organisations(who, access.READ)
    return Q() if found is None else Q(organisation_id__in=found)


def _consultations(request: HttpRequest) -> QuerySet[Consultation]:
    who = caller(request)
    found = readable_organisations(who, access.READ)
    rows = Consultation.objects.select_related("organisation", "unit", "lead_officer", "action")
    if found is None:
        return within(who, rows.annotate(staff_view=Value(True)), Q())
    staff = Case(
        When(organisation_id__in=found, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    published = Q(status=Consultation.Status.OUTCOME_PUBLISHED)
    return within(who, rows.annotate(staff_view=staff), published | Q(organisation_id__in=found))


class ConsultationFilters(Schema):
    organisation: UUID | None = None
    status: Consultation.Status | None = None


@router.get("/consultations/", response={200: list[ConsultationOut], **ERRORS}, auth=READ)
@paginate(Pages)
def consultation_list(
    request: HttpRequest, filters: Query[ConsultationFilters]
) -> QuerySet[Consultation]:
    rows = _consultations(request).order_by("organisation_id", "-opens_on", "id")
    if filters.organisation:
        rows = rows.filter(organisation__uuid=filters.organisation)
    if filters.status:
        rows = rows.filter(status=filters.status)
    return rows


def _found(request: HttpRequest, consultation_uuid: UUID) -> Consultation:
    found = _consultations(request).filter(uuid=consultation_uuid).first()
    if found is None:
        raise Http404("No such consultation")
    return found


@router.get(
    "/consultations/{consultation_uuid}/",
    response={200: ConsultationDetail, **ERRORS},
    auth=READ,
)
def consultation_detail(request: HttpRequest, consultation_uuid: UUID) -> Consultation:
    return _found(request, consultation_uuid)


@router.post(
    "/organisations/{organisation_uuid}/consultations/",
    response={201: ConsultationDetail, **WRITE_ERRORS},
    auth=WRITE,
)
def consultation_create(
    request: HttpRequest, organisation_uuid: UUID, payload: ConsultationIn
) -> Status[Any]:
    """Plan a consultation, as the planner's page does (editors of the council)."""
    who = caller(request)
    organisation_seen(who, access.organisation_for, organisation_uuid)
    organisation = access.organisation_for(who.user, str(organisation_uuid), manage=True)
    sent = payload.dict()
    references(sent, organisation.pk, RELATED)
    form = PlanConsultationForm(
        {k: v for k, v in sent.items() if v is not None}, organisation=organisation
    )
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    made = services.consultation_plan(organisation=organisation, by=who.user, **form.cleaned_data)
    return Status(201, _found(request, made.uuid))


@router.patch(
    "/consultations/{consultation_uuid}/",
    response={200: ConsultationDetail, **WRITE_ERRORS},
    auth=WRITE,
)
def consultation_edit(
    request: HttpRequest, consultation_uuid: UUID, payload: ConsultationPatch
) -> Consultation:
    """Change a consultation as its edit page does: editors and its lead officer."""
    who = caller(request)
    _found(request, consultation_uuid)
    consultation = access.consultation_for_editor(who.user, str(consultation_uuid))
    initial_status = consultation.status
    data: dict[str, Any] = model_to_dict(consultation, fields=ConsultationForm.Meta.fields)
    sent = payload.dict(exclude_unset=True)
    references(sent, consultation.organisation_id, RELATED)
    data |= {k: ("" if v is None else v) for k, v in sent.items()}
    data = {k: v for k, v in data.items() if v is not None}
    form = ConsultationForm(data, instance=consultation, organisation=consultation.organisation)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    # The form has set the new values on the instance; the service checks them against the
    # status it had before, as the page does.
    consultation.status = initial_status
    services.consultation_edit(consultation=consultation, by=who.user, **form.cleaned_data)
    return _found(request, consultation_uuid)


@router.post(
    "/consultations/{consultation_uuid}/feedback/",
    response={201: FeedbackOut, **WRITE_ERRORS},
    auth=WRITE,
)
def feedback_add(request: HttpRequest, consultation_uuid: UUID, payload: FeedbackIn) -> Status[Any]:
    """Add a line of "you said, we did", as the consultation's page does."""
    who = caller(request)
    _found(request, consultation_uuid)
    consultation = access.consultation_for_editor(who.user, str(consultation_uuid))
    sent = payload.dict()
    references(sent, consultation.organisation_id, {"action": Action})
    form = FeedbackForm(
        {k: v for k, v in sent.items() if v is not None}, organisation=consultation.organisation
    )
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    made = services.feedback_add(consultation=consultation, by=who.user, **form.cleaned_data)
    return Status(201, made)


@router.put(
    "/consultations/{consultation_uuid}/responses/",
    response={200: ResponseCountOut, **WRITE_ERRORS},
    auth=WRITE,
)
def responses_record(
    request: HttpRequest, consultation_uuid: UUID, payload: ResponseCountIn
) -> Any:
    """Set (not add to) how many responded by one channel or equality group."""
    who = caller(request)
    _found(request, consultation_uuid)
    consultation = access.consultation_for_editor(who.user, str(consultation_uuid))
    form = ResponseCountForm(payload.dict())
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    return services.responses_record(consultation=consultation, by=who.user, **form.cleaned_data)


def _entries(request: HttpRequest) -> QuerySet[Entry]:
    who = caller(request)
    if not who.user.is_authenticated:
        return Entry.objects.none()
    rows = Entry.objects.select_related("organisation", "unit", "owner")
    return within(who, rows, _readers(who))


class EntryFilters(Schema):
    organisation: UUID | None = None
    q: str | None = None


@router.get("/knowledge-base/", response={200: list[EntryOut], **ERRORS}, auth=READ)
@paginate(Pages)
def entry_list(request: HttpRequest, filters: Query[EntryFilters]) -> QuerySet[Entry]:
    """The council's FAQ and signposting entries, for its staff and councillors."""
    rows = _entries(request).order_by("organisation_id", "question", "id")
    if filters.organisation:
        rows = rows.filter(organisation__uuid=filters.organisation)
    if filters.q:
        rows = rows.filter(search_text__contains=filters.q.lower())
    return rows


def _entry(request: HttpRequest, entry_uuid: UUID) -> Entry:
    found = _entries(request).filter(uuid=entry_uuid).first()
    if found is None:
        raise Http404("No such entry")
    return found


@router.get("/knowledge-base/{entry_uuid}/", response={200: EntryOut, **ERRORS}, auth=READ)
def entry_detail(request: HttpRequest, entry_uuid: UUID) -> Entry:
    return _entry(request, entry_uuid)


@router.post(
    "/organisations/{organisation_uuid}/knowledge-base/",
    response={201: EntryOut, **WRITE_ERRORS},
    auth=WRITE,
)
def entry_create(request: HttpRequest, organisation_uuid: UUID, payload: EntryIn) -> Status[Any]:
    who = caller(request)
    organisation_seen(who, access.organisation_for, organisation_uuid)
    organisation = access.organisation_for(who.user, str(organisation_uuid), manage=True)
    sent = payload.dict()
    references(sent, organisation.pk, {"unit": Unit, "owner": Person})
    form = EntryForm({k: v for k, v in sent.items() if v is not None}, organisation=organisation)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    made = services_kb.entry_create(organisation=organisation, by=who.user, **form.cleaned_data)
    return Status(201, _entry(request, made.uuid))


@router.patch("/knowledge-base/{entry_uuid}/", response={200: EntryOut, **WRITE_ERRORS}, auth=WRITE)
def entry_edit(request: HttpRequest, entry_uuid: UUID, payload: EntryPatch) -> Entry:
    """Change an entry as its edit page does: editors and the entry's owner."""
    who = caller(request)
    _entry(request, entry_uuid)
    entry = access.entry_for_editor(who.user, str(entry_uuid))
    data: dict[str, Any] = model_to_dict(entry, fields=EntryForm.Meta.fields)
    sent = payload.dict(exclude_unset=True)
    references(sent, entry.organisation_id, {"unit": Unit, "owner": Person})
    data |= {k: ("" if v is None else v) for k, v in sent.items()}
    data = {k: v for k, v in data.items() if v is not None}
    form = EntryForm(data, instance=entry, organisation=entry.organisation)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    services_kb.entry_edit(entry=entry, by=who.user, **form.cleaned_data)
    return _entry(request, entry_uuid)
