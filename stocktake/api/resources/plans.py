"""Plans, sections, actions, progress updates, milestones and slippage records.

Writes go through the plan services and are validated by the web pages' own forms.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.accounts.models import Capability, Organisation, Person
from stocktake.accounts.selectors import capabilities_in, person_for
from stocktake.plans import access, rules, selectors, services
from stocktake.plans.forms import ActionEditForm, ProgressUpdateForm
from stocktake.plans.models import (
    Action,
    ActionOwner,
    Plan,
    ProgressStatus,
    ProgressUpdate,
    Rag,
    Section,
)

from .. import rules as rules_api
from ..auth import READ, WRITE, caller
from ..errors import ERRORS, LOCKED_WRITE_ERRORS, WRITE_ERRORS, Conflict, form_messages
from ..pagination import Pages
from ..scope import seen, within
from .plans_schemas import (
    OWNERS,
    ActionIn,
    ActionOut,
    ActionPatch,
    DueRevisionOut,
    MilestoneOut,
    PlanOut,
    SectionOut,
    UpdateIn,
    UpdateOut,
)

router = Router(tags=["plans"])
PREFIX = ""


class PlanFilters(Schema):
    organisation: UUID | None = None
    status: Plan.Status | None = None
    kind: Plan.Kind | None = None


class ActionFilters(Schema):
    plan: UUID | None = None
    section: UUID | None = None
    progress_status: ProgressStatus | None = None
    rag: Rag | None = None


def _plans(request: HttpRequest) -> QuerySet[Plan]:
    rows = Plan.objects.select_related("organisation", "unit")
    return within(caller(request), rows, access.visible_plans(caller(request).user))


def _actions(request: HttpRequest) -> QuerySet[Action]:
    owners = ActionOwner.objects.select_related("person", "post", "organisation")
    return (
        Action.objects.filter(plan__in=_plans(request))
        .select_related("plan", "section")
        # As a plain list (to_attr): a prefetch into the related manager builds a queryset
        # per action, which cost more than the rest of the page's reads.
        .prefetch_related(Prefetch("ownerships", queryset=owners, to_attr=OWNERS))
    )


def _with_notes(request: HttpRequest, actions: list[Action]) -> list[Action]:
    """Internal notes go only to callers who may read the plan's drafts (grants are cached)."""
    user = caller(request).user
    # A page of actions comes from a few plans: ask once per organisation and unit, not per row.
    drafts: dict[tuple[int, int | None], bool] = {}
    for action in actions:
        scope = (action.organisation_id, action.plan.unit_id)
        if scope not in drafts:
            drafts[scope] = Capability.READ_DRAFTS in capabilities_in(user, *scope)
        if drafts[scope]:
            action.internal_note_shown = action.internal_note  # type: ignore[attr-defined]
    return actions


@router.get("/plans/", response={200: list[PlanOut], **ERRORS}, auth=READ)
@paginate(Pages)
def plan_list(request: HttpRequest, filters: Query[PlanFilters]) -> QuerySet[Plan]:
    rows = _plans(request).order_by("organisation__name", "title", "id")
    if filters.organisation:
        rows = rows.filter(organisation__uuid=filters.organisation)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    return rows


@router.get("/plans/{plan_uuid}/", response={200: PlanOut, **ERRORS}, auth=READ)
def plan_detail(request: HttpRequest, plan_uuid: UUID) -> Plan:
    return seen(caller(request), access.plan_for_viewer, str(plan_uuid))


@router.get("/sections/", response={200: list[SectionOut], **ERRORS}, auth=READ)
@paginate(Pages)
def section_list(request: HttpRequest, plan: UUID | None = None) -> QuerySet[Section]:
    rows = Section.objects.filter(plan__in=_plans(request)).select_related("plan", "parent")
    if plan:
        rows = rows.filter(plan__uuid=plan)
    return rows.order_by("plan_id", "position", "id")


@router.get("/actions/", response={200: list[ActionOut], **ERRORS}, auth=READ)
@paginate(Pages)
def action_list(request: HttpRequest, filters: Query[ActionFilters]) -> Any:
    rows = _actions(request).order_by("plan_id", "position", "id")
    for name in ("plan", "section"):
        if getattr(filters, name):
            rows = rows.filter(**{f"{name}__uuid": getattr(filters, name)})
    for name in ("progress_status", "rag"):
        if getattr(filters, name):
            rows = rows.filter(**{name: getattr(filters, name)})
    return _LazyNotes(request, rows)


class _LazyNotes:
    """A sliceable view of the actions that adds internal notes only to the page returned."""

    def __init__(self, request: HttpRequest, rows: QuerySet[Action]) -> None:
        self.request, self.rows = request, rows

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[Action]:
        return _with_notes(self.request, list(self.rows[page]))


def _action(request: HttpRequest, action_uuid: UUID) -> Action:
    seen(caller(request), access.action_for_viewer, str(action_uuid))
    found = _actions(request).filter(uuid=action_uuid).first()
    assert found is not None  # the gatekeeper found it and the caller may see its plan
    return _with_notes(request, [found])[0]


@router.get("/actions/{action_uuid}/", response={200: ActionOut, **ERRORS}, auth=READ)
def action_detail(request: HttpRequest, action_uuid: UUID) -> Action:
    return _action(request, action_uuid)


@router.post("/plans/{plan_uuid}/actions/", response={201: ActionOut, **WRITE_ERRORS}, auth=WRITE)
def action_create(request: HttpRequest, plan_uuid: UUID, payload: ActionIn) -> Status[Any]:
    who = caller(request)
    seen(who, access.plan_for_viewer, str(plan_uuid))
    plan = access.plan_for(who.user, str(plan_uuid), Capability.EDIT_ALL)
    rules.action_needs_text(payload.text)
    section = None
    if payload.section:
        section = Section.objects.filter(plan=plan, uuid=payload.section).first()
        if section is None:
            raise ValidationError({"section": "Choose a section of this plan"})
    action = services.action_create(
        plan=plan,
        text=payload.text,
        ref=payload.ref,
        section=section,
        due_text=payload.due_text,
        priority=payload.priority,
        by=who.user,
    )
    return Status(201, _action(request, action.uuid))


def _people(organisation: Organisation, uuids: list[UUID], field: str) -> list[int]:
    found = dict(
        Person.objects.filter(organisation=organisation, uuid__in=uuids).values_list("uuid", "pk")
    )
    missing = [str(u) for u in uuids if u not in found]
    if missing:
        raise ValidationError({field: f"No such person in this organisation: {missing[0]}"})
    return [found[u] for u in uuids]


@router.patch(
    "/actions/{action_uuid}/", response={200: ActionOut, **LOCKED_WRITE_ERRORS}, auth=WRITE
)
def action_edit(request: HttpRequest, action_uuid: UUID, payload: ActionPatch) -> Action:
    """Change an action as its edit page does; a stale `version` is refused with 409."""
    who = caller(request)
    seen(who, access.action_for_viewer, str(action_uuid))
    action = access.action_for_editor(who.user, str(action_uuid))
    rules_api.version_is_readable(payload.version)
    sent = payload.dict(exclude_unset=True)
    today = services.today()
    data: dict[str, Any] = {name: getattr(action, name) for name in ActionEditForm.Meta.fields}
    data |= {
        "owners": [o.person_id for o in action.ownerships.all() if o.person_id],
        "new_due_text": action.due_text,
        "due_revised_on": today.isoformat(),
        "due_reason": "",
        "due_agreed_by": "",
    }
    if "owners" in sent:
        sent["owners"] = _people(action.plan.organisation, sent["owners"] or [], "owners")
    if sent.get("due_revised_on"):
        sent["due_revised_on"] = sent["due_revised_on"].isoformat()
    data |= {k: ("" if v is None else v) for k, v in sent.items()}
    form = ActionEditForm(data, instance=action, today=today)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    try:
        _save_edit(form, who.user)
    except services.ActionChanged:
        raise Conflict(
            f"The action has changed since version {payload.version}; "
            "fetch it again and resend your change"
        ) from None
    return _action(request, action_uuid)


@transaction.atomic
def _save_edit(form: ActionEditForm, by: Any) -> None:
    """The edit page's save, step for step: fields (with the version check), owners, due date."""
    action, data = form.instance, form.cleaned_data
    changes = {name: data[name] for name in ActionEditForm.Meta.fields}
    services.action_edit(action=action, by=by, unchanged_since=data["version"], **changes)
    services.action_owners_set(action=action, people=list(data["owners"]), by=by)
    if form.due_changed():
        services.action_due_revise(
            action=action,
            new_due_text=data["new_due_text"].strip(),
            reason=data["due_reason"],
            agreed_by=data["due_agreed_by"],
            revised_on=data["due_revised_on"],
            by=by,
        )


@router.get("/actions/{action_uuid}/updates/", response={200: list[UpdateOut], **ERRORS}, auth=READ)
@paginate(Pages)
def update_list(request: HttpRequest, action_uuid: UUID) -> QuerySet[ProgressUpdate]:
    action = seen(caller(request), access.action_for_viewer, str(action_uuid))
    return action.updates.select_related("action", "author").order_by("as_at", "created_at", "id")


@router.post(
    "/actions/{action_uuid}/updates/", response={201: UpdateOut, **WRITE_ERRORS}, auth=WRITE
)
def update_add(request: HttpRequest, action_uuid: UUID, payload: UpdateIn) -> Status[Any]:
    """Add a dated position statement, as the update page does (owners and editors only)."""
    who = caller(request)
    seen(who, access.action_for_viewer, str(action_uuid))
    action = access.action_for_updater(who.user, str(action_uuid))
    me = person_for(who.user)
    others = [p for p in selectors.action_people(action) if me is None or p.pk != me.pk]
    data = payload.dict() | {"as_at": payload.as_at.isoformat(), "author": None}
    if payload.author:
        matches = [p.pk for p in others if p.uuid == payload.author]
        if not matches:
            raise ValidationError({"author": "Choose one of the action's other owners"})
        data["author"] = matches[0]
    form = ProgressUpdateForm(data, owners=others)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    cleaned = form.cleaned_data
    cleaned["author"] = cleaned.get("author") or me
    update = services.action_update_add(
        action=action, by=who.user, change_reason=payload.change_reason, **cleaned
    )
    return Status(201, update)


@router.get(
    "/actions/{action_uuid}/milestones/", response={200: list[MilestoneOut], **ERRORS}, auth=READ
)
@paginate(Pages)
def milestone_list(request: HttpRequest, action_uuid: UUID) -> Any:
    action = seen(caller(request), access.action_for_viewer, str(action_uuid))
    return action.milestones.select_related("action").order_by("position", "id")


@router.get(
    "/actions/{action_uuid}/due-revisions/",
    response={200: list[DueRevisionOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def due_revision_list(request: HttpRequest, action_uuid: UUID) -> Any:
    action = seen(caller(request), access.action_for_viewer, str(action_uuid))
    return action.due_revisions.select_related("action").order_by("revised_on", "id")
