"""Complaints in the API, role-restricted as the pages are (access.py).

The register is for council staff (those who read drafts anywhere in the council); the
complainant's details and words only for those who handle the complaint: editors in its
scope and the named handler of a stage. Councillors, viewers and the public see none.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.accounts.models import Capability, Organisation, Person, Unit
from stocktake.accounts.selectors import AnyUser, person_for, scopes_with
from stocktake.api.auth import READ, WRITE, caller
from stocktake.api.errors import ERRORS, WRITE_ERRORS, form_messages
from stocktake.api.pagination import Pages
from stocktake.api.scope import organisation_seen, references, seen

from . import access, annual, selectors, services
from .api_report_schemas import AnnualOut, DueOut
from .api_schemas import ComplaintDetail, ComplaintIn, ComplaintOut, StepIn
from .forms import ReceiveForm, YearForm
from .models import Complaint, ComplaintStage, OmbudsmanCase, Procedure
from .views_steps import STEPS

router = Router(tags=["complaints"])


def with_personal(rows: QuerySet[Complaint], user: AnyUser) -> QuerySet[Complaint]:
    """Marks the rows whose personal fields the user may read: access.can_handle, in SQL."""
    if getattr(user, "is_superuser", False):
        return rows.annotate(personal=Value(True))
    organisations, units = scopes_with(user, Capability.EDIT_ALL)
    person = person_for(user)
    handles = ComplaintStage.objects.filter(complaint=OuterRef("pk"), handler=person)
    allowed = Q(organisation_id__in=organisations) | Q(unit_id__in=units)
    if person is not None:
        allowed |= Q(Exists(handles))
    return rows.annotate(
        personal=Case(
            When(allowed, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )


class ComplaintFilters(Schema):
    status: Complaint.Status | None = None


def _rows(organisation: Organisation, user: AnyUser) -> QuerySet[Complaint]:
    rows = Complaint.objects.filter(organisation=organisation)
    rows = rows.select_related("organisation", "procedure", "unit")
    return with_personal(rows, user)


@router.get(
    "/organisations/{organisation_uuid}/complaints/",
    response={200: list[ComplaintOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def complaint_list(
    request: HttpRequest, organisation_uuid: UUID, filters: Query[ComplaintFilters]
) -> QuerySet[Complaint]:
    """The council's register, for its staff, newest first."""
    who = caller(request)
    organisation = organisation_seen(who, access.organisation_for_register, organisation_uuid)
    rows = _rows(organisation, who.user).order_by("-received_on", "-id")
    if filters.status:
        rows = rows.filter(status=filters.status)
    return rows


@router.get(
    "/organisations/{organisation_uuid}/complaints/due/",
    response={200: DueOut, **ERRORS},
    auth=READ,
)
def complaint_due(request: HttpRequest, organisation_uuid: UUID) -> dict[str, Any]:
    """Overdue and due soon, as the due page lists them, for the council's staff."""
    who = caller(request)
    organisation = organisation_seen(who, access.organisation_for_register, organisation_uuid)
    today = services.today()
    lists = selectors.due_lists(organisation, today=today)
    rows = lists.overdue + lists.due_soon
    # Who handles which, in one query for all the rows: access.can_handle, as the register.
    marked = with_personal(Complaint.objects.filter(pk__in=[c.pk for c in rows]), who.user)
    handled = {c.pk for c in marked.only("pk") if getattr(c, "personal", False)} if rows else set()
    for complaint in rows:
        complaint.organisation = organisation  # one council: no query a row
        complaint.personal = complaint.pk in handled  # type: ignore[attr-defined]
    return {
        "today": today,
        "soon_until": lists.soon_until,
        "overdue": lists.overdue,
        "due_soon": lists.due_soon,
    }


class YearQuery(Schema):
    year: int | None = Field(
        None, ge=2000, le=2100, description="The financial year's first year; 2025 for 2025/26."
    )


@router.get(
    "/organisations/{organisation_uuid}/complaints/annual/",
    response={200: AnnualOut, **ERRORS},
    auth=READ,
)
def complaint_annual(
    request: HttpRequest, organisation_uuid: UUID, query: Query[YearQuery]
) -> dict[str, Any]:
    """The annual report's figures (aggregate only), for those who may read the report page:
    the council's staff and councillors. The year defaults to the one today falls in."""
    who = caller(request)
    organisation = organisation_seen(who, access.organisation_for_report, organisation_uuid)
    form = YearForm({"year": "" if query.year is None else str(query.year)})
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    year = form.cleaned_data["year"] or selectors.report_year_default(services.today())
    return annual.annual_report(organisation, year)


@router.get("/complaints/{complaint_uuid}/", response={200: ComplaintDetail, **ERRORS}, auth=READ)
def complaint_detail(request: HttpRequest, complaint_uuid: UUID) -> Complaint:
    who = caller(request)
    found = seen(who, access.complaint_for_viewer, str(complaint_uuid))
    found.personal = access.can_handle(who.user, found)  # type: ignore[attr-defined]
    return found


@router.post(
    "/organisations/{organisation_uuid}/complaints/",
    response={201: ComplaintDetail, **WRITE_ERRORS},
    auth=WRITE,
)
def complaint_receive(
    request: HttpRequest, organisation_uuid: UUID, payload: ComplaintIn
) -> Status[Any]:
    """Record a complaint as the receive page does (those who manage the council's complaints)."""
    who = caller(request)
    organisation_seen(who, access.organisation_for_register, organisation_uuid)
    organisation = access.organisation_for_manager(who.user, str(organisation_uuid))
    services.procedures_ensure(organisation=organisation, by=who.user)
    sent = payload.dict()
    references(sent, organisation.pk, {"procedure": Procedure, "unit": Unit})
    data = {k: v for k, v in sent.items() if v is not None}
    if "disabled" in data:  # the form's answer words, as the receive page posts them
        data["disabled"] = "yes" if data["disabled"] else "no"
    if "procedure" not in data:
        default = Procedure.objects.filter(organisation=organisation, is_default=True).first()
        data["procedure"] = default.pk if default else ""
    form = ReceiveForm(data, organisation=organisation)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    made = services.complaint_receive(organisation=organisation, by=who.user, **form.cleaned_data)
    return Status(201, complaint_detail(request, made.uuid))


@router.post(
    "/complaints/{complaint_uuid}/steps/{step}/",
    response={200: ComplaintDetail, **WRITE_ERRORS},
    auth=WRITE,
)
def complaint_step(
    request: HttpRequest, complaint_uuid: UUID, step: str, payload: StepIn
) -> Complaint:
    """Take one step on a complaint, as its step page does (those who handle it): decide,
    acknowledge, respond, escalate, extend, satisfaction, refer, ombudsman-decision, learning."""
    who = caller(request)
    chosen = STEPS.get(step)
    if chosen is None:
        raise Http404("No such step")
    seen(who, access.complaint_for_viewer, str(complaint_uuid))
    complaint = access.complaint_for_handler(who.user, str(complaint_uuid))
    sent = payload.dict(exclude_unset=True)
    references(sent, complaint.organisation_id, {"handler": Person, "unit": Unit})
    if sent.get("case"):
        case = OmbudsmanCase.objects.filter(complaint=complaint, uuid=sent["case"]).first()
        if case is None:
            raise ValidationError({"case": "No such referral of this complaint"})
        sent["case"] = case.pk
    form = chosen.form({k: v for k, v in sent.items() if v is not None}, complaint)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    chosen.call(complaint, who.user, form.cleaned_data)
    return complaint_detail(request, complaint_uuid)
