"""Service plans in the API: plans with what each section says, their kept versions, and the
council's template. Published plans are public; drafts follow the plans' gatekeeper. A section
is written through the section page's form and service, by the service head or the
performance team while the plan is a draft, against the version read (a later save by anyone
else is a 409); a links section's items are set with the same form, from those the page offers.
The workflow steps are the plan page's, through the same services and gatekeeper; a plan says
which of them the caller may take now."""

import datetime as dt
from typing import Annotated, Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja import Status as Created
from ninja.pagination import paginate

from stocktake.accounts.models import Committee
from stocktake.api.auth import READ, WRITE, caller
from stocktake.api.errors import (
    ERRORS,
    LOCKED_WRITE_ERRORS,
    WRITE_ERRORS,
    Conflict,
    form_messages,
)
from stocktake.api.limits import WriteSchema, from_model
from stocktake.api.pagination import Pages
from stocktake.api.scope import organisation_seen, references, seen, within

from . import access, selectors, services
from . import services_workflow as workflow
from .forms import PlanCreateForm, SectionForm, TransitionForm
from .models import Kind, SectionContent, ServicePlan, Status, TemplateSection
from .views_workflow import STEPS, available_transitions

router = Router(tags=["service plans"])


class ContentOut(Schema):
    uuid: UUID
    section_key: str = Field(..., alias="section.key")
    heading: str = Field(..., alias="section.heading")
    kind: str = Field(..., alias="section.kind")
    content: dict[str, Any] = Field(
        ..., description="text; items (bullets); cells {label: text} (grids); rows (tables)."
    )
    needs_review: bool
    version: str = Field(..., description="Send it back when writing the section.")
    linked: list[UUID] | None = Field(
        None, description="links sections: the UUIDs of the items listed; null for other kinds."
    )

    @staticmethod
    def resolve_version(obj: SectionContent) -> str:
        # In full: the JSON encoder would cut a datetime to milliseconds.
        return obj.updated_at.isoformat()

    @staticmethod
    def resolve_linked(obj: SectionContent) -> list[UUID] | None:
        if obj.section.kind != Kind.LINKS:
            return None
        return [item.uuid for item in services.linked(obj).all()]


class ServicePlanOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    unit: UUID = Field(..., alias="unit.uuid")
    year: int
    year_label: str
    title: str
    status: str
    tracked_plan: UUID | None = None
    previous: UUID | None = None
    approved_by: str
    approved_on: dt.date | None
    updated_at: dt.datetime

    @staticmethod
    def resolve_tracked_plan(obj: ServicePlan) -> UUID | None:
        return obj.tracked_plan.uuid if obj.tracked_plan is not None else None

    @staticmethod
    def resolve_previous(obj: ServicePlan) -> UUID | None:
        return obj.previous.uuid if obj.previous is not None else None


class ServicePlanDetail(ServicePlanOut):
    sections: list[ContentOut]
    available_steps: list[str] = Field(
        ..., description="The workflow steps the caller may take now, as the plan page offers."
    )

    @staticmethod
    def resolve_sections(obj: ServicePlan) -> list[Any]:
        rows = obj.contents.select_related("section").order_by("section__position", "id")
        # Each kind of link in one query, whatever the number of sections.
        return list(rows.prefetch_related(*services.LINK_FIELDS.values()))

    @staticmethod
    def resolve_available_steps(obj: ServicePlan, context: dict[str, Any]) -> list[str]:
        return available_transitions(caller(context["request"]).user, obj)


class ServicePlanFilters(Schema):
    organisation: UUID | None = None
    year: int | None = Field(None, ge=1900, le=2999)
    status: Status | None = None


def _plans(request: HttpRequest) -> QuerySet[ServicePlan]:
    who = caller(request)
    rows = ServicePlan.objects.select_related("organisation", "unit", "tracked_plan", "previous")
    return within(who, rows, access.visible_plans(who.user))


@router.get("/service-plans/", response={200: list[ServicePlanOut], **ERRORS}, auth=READ)
@paginate(Pages)
def plan_list(request: HttpRequest, filters: Query[ServicePlanFilters]) -> QuerySet[ServicePlan]:
    rows = _plans(request).order_by("organisation_id", "-year", "unit__name", "id")
    if filters.organisation:
        rows = rows.filter(organisation__uuid=filters.organisation)
    if filters.year:
        rows = rows.filter(year=filters.year)
    if filters.status:
        rows = rows.filter(status=filters.status)
    return rows


@router.get(
    "/service-plans/{serviceplan_uuid}/", response={200: ServicePlanDetail, **ERRORS}, auth=READ
)
def plan_detail(request: HttpRequest, serviceplan_uuid: UUID) -> ServicePlan:
    return seen(caller(request), access.plan_for_viewer, str(serviceplan_uuid))


# The new-plan form's years: a plan for a year outside them is a slip of the keyboard.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PlanIn(WriteSchema):
    unit: UUID
    year: int = from_model(
        ServicePlan,
        "year",
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description=f"The first year: 2009 for 2009/10 ({FIRST_YEAR} to {LAST_YEAR}).",
    )


@router.post("/service-plans/", response={201: ServicePlanDetail, **WRITE_ERRORS}, auth=WRITE)
def plan_create(request: HttpRequest, payload: PlanIn) -> Created[Any]:
    """Start a draft plan for a service, as the new-plan page does: the service head or the
    performance team, one plan a service a year."""
    who = caller(request)
    units = selectors.units_for_creating(who.user)
    if who.organisation_id is not None:
        units = units.filter(organisation_id=who.organisation_id)
    if not units.exists():
        raise PermissionDenied("You cannot start a service plan")
    form = PlanCreateForm({"unit": str(payload.unit), "year": payload.year}, units=units)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    unit = form.cleaned_data["unit"]
    made = services.service_plan_create(
        organisation=unit.organisation, unit=unit, year=form.cleaned_data["year"], by=who.user
    )
    return Created(201, seen(who, access.plan_for_viewer, str(made.uuid)))


class VersionOut(Schema):
    uuid: UUID
    number: int
    label: str
    created_at: dt.datetime
    snapshot: dict[str, Any]


@router.get(
    "/service-plans/{serviceplan_uuid}/versions/",
    response={200: list[VersionOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def version_list(request: HttpRequest, serviceplan_uuid: UUID) -> QuerySet[Any]:
    """The plan as it stood each time it was submitted or published; never changed."""
    plan = seen(caller(request), access.plan_for_viewer, str(serviceplan_uuid))
    return plan.versions.order_by("number")


# A table cell holds what the section page's cell does (SectionForm's rows).
TableCell = Annotated[str, Field(max_length=2000)]


class SectionIn(WriteSchema):
    """What the section says, in the shape of its kind: text, then items (bullets), cells
    (grids) or rows (tables); a key the API does not take is refused."""

    version: str = Field(
        ..., description="The section's `version` as read; if someone saved it since, 409."
    )
    text: str = ""
    items: list[str] = []
    cells: dict[str, str] = {}
    rows: list[list[TableCell]] = []
    linked: list[UUID] | None = Field(
        None,
        description="links sections: the UUIDs of the council's items to list (all of them); "
        "omit to keep those listed now.",
    )


def _form_data(content: SectionContent, payload: SectionIn) -> dict[str, Any]:
    """The section page's fields from the JSON shape, so its form checks them."""
    section = content.section
    data: dict[str, Any] = {"text": payload.text, "version": payload.version}
    if section.kind == Kind.BULLETS:
        data["items"] = "\n".join(payload.items)
    elif section.kind in (Kind.PESTLE, Kind.SWOT):
        for index, label in enumerate(section.columns):
            data[f"cell_{index}"] = payload.cells.get(label, "")
    elif section.kind == Kind.TABLE:
        for r, row in enumerate(payload.rows):
            for c, cell in enumerate(row):
                data[f"row_{r}_{c}"] = cell
    elif section.kind == Kind.LINKS:
        listed = payload.linked
        if listed is None:
            listed = [item.uuid for item in services.linked(content).all()]
        data["linked"] = [str(uuid) for uuid in listed]
    return data


@router.put(
    "/service-plans/{serviceplan_uuid}/sections/{section_uuid}/",
    response={200: ContentOut, **LOCKED_WRITE_ERRORS},
    auth=WRITE,
)
def section_save(
    request: HttpRequest, serviceplan_uuid: UUID, section_uuid: UUID, payload: SectionIn
) -> SectionContent:
    who = caller(request)
    seen(who, access.plan_for_viewer, str(serviceplan_uuid))
    plan = access.plan_for_writer(who.user, str(serviceplan_uuid))
    content = plan.contents.select_related("section", "service_plan").filter(uuid=section_uuid)
    found = content.first()
    if found is None:
        raise Http404("No such section")
    if payload.rows and found.section.kind == Kind.TABLE:
        # The page's form has a field for each row it holds (and a few blank ones): room for
        # every row sent. Nothing is saved unless the form and the service accept it.
        found.content = {**found.content, "rows": [[""] * len(r) for r in payload.rows]}
    links = found.section.kind == Kind.LINKS
    candidates = selectors.link_candidates(found) if links else None
    form = SectionForm(_form_data(found, payload), content=found, candidates=candidates)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    try:
        with transaction.atomic():
            services.section_save(
                content=found,
                data=form.content_data(),
                by=who.user,
                seen_version=form.cleaned_data["version"],
            )
            if "linked" in form.cleaned_data:
                items = list(form.cleaned_data["linked"])
                services.section_links_set(content=found, items=items, by=who.user)
    except services.SectionChanged:
        raise Conflict("Someone saved this section after you read it: read it again") from None
    return found


class TransitionIn(WriteSchema):
    """The plan page's step form; each step uses the fields it needs."""

    comment: str = Field("", description="submit, return (required), approve, reopen")
    approved_by: str = from_model(
        ServicePlan,
        "approved_by",
        "",
        description="approve: the portfolio holder, or a committee",
    )
    committee: UUID | None = Field(None, description="approve: the approving committee")
    approved_on: dt.date | None = Field(None, description="approve: today if not given")


@router.post(
    "/service-plans/{serviceplan_uuid}/workflow/{name}/",
    response={200: ServicePlanDetail, **WRITE_ERRORS},
    auth=WRITE,
)
def plan_transition(
    request: HttpRequest, serviceplan_uuid: UUID, name: str, payload: TransitionIn
) -> ServicePlan:
    """Take a workflow step as the plan page does: submit (the service head or performance
    team), return with comments and approve (approvers), publish (publishers), reopen
    (editors); a step the plan's status does not allow is a 400."""
    who = caller(request)
    if name not in STEPS:
        raise Http404("No such step")
    seen(who, access.plan_for_viewer, str(serviceplan_uuid))
    needs, service, _, _ = STEPS[name]
    plan = access.plan_for(who.user, str(serviceplan_uuid), needs)
    sent = payload.dict()
    references(sent, plan.organisation_id, {"committee": Committee})
    form = TransitionForm(
        {k: v for k, v in sent.items() if v is not None}, organisation_id=plan.organisation_id
    )
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    service(plan=plan, by=who.user, **workflow.step_arguments(name, form.cleaned_data))
    return seen(who, access.plan_for_viewer, str(plan.uuid))


class TemplateSectionOut(Schema):
    uuid: UUID
    key: str
    heading: str
    kind: str
    columns: list[str]
    link_kind: str
    guidance: str
    position: int


@router.get(
    "/organisations/{organisation_uuid}/service-plan-template/",
    response={200: list[TemplateSectionOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def template_sections(request: HttpRequest, organisation_uuid: UUID) -> QuerySet[TemplateSection]:
    """The sections of the council's default template, for those who may change it."""
    who = caller(request)
    organisation = organisation_seen(who, access.organisation_for_template, organisation_uuid)
    rows = TemplateSection.objects.filter(organisation=organisation, template__is_default=True)
    return rows.order_by("position", "id")
