"""What the API says about plans, sections, actions, updates, milestones and slippage."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from stocktake.plans.models import Action, ActionOwner, DueRevision, ProgressStatus, Rag

from ..limits import WriteSchema, from_model


class PlanOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    organisation_name: str = Field(..., alias="organisation.name")
    unit: UUID | None = None
    kind: str
    title: str
    description: str
    status: str
    period_start: dt.date | None
    period_end: dt.date | None
    period_text: str
    source_document: str
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_unit(obj: object) -> UUID | None:
        unit = getattr(obj, "unit", None)
        return unit.uuid if unit is not None else None


class SectionOut(Schema):
    uuid: UUID
    plan: UUID = Field(..., alias="plan.uuid")
    parent: UUID | None = None
    kind: str
    ref: str
    title: str
    position: int

    @staticmethod
    def resolve_parent(obj: object) -> UUID | None:
        parent = getattr(obj, "parent", None)
        return parent.uuid if parent is not None else None


# Where the action list and detail put each action's prefetched ownerships.
OWNERS = "ownerships_listed"


class OwnerOut(Schema):
    kind: str
    person: UUID | None
    post: UUID | None
    organisation: UUID | None
    name: str

    @staticmethod
    def from_ownership(ownership: ActionOwner) -> OwnerOut:
        return OwnerOut(
            kind=ownership.kind,
            person=ownership.person.uuid if ownership.person else None,
            post=ownership.post.uuid if ownership.post else None,
            organisation=ownership.organisation.uuid if ownership.organisation else None,
            name=str(ownership.owner),
        )


class ActionOut(Schema):
    uuid: UUID
    plan: UUID = Field(..., alias="plan.uuid")
    section: UUID | None = None
    kind: str
    ref: str
    text: str
    position: int
    date_added: dt.date | None
    date_added_text: str
    priority: str
    agreement: str
    owner_text: str
    owners: list[OwnerOut] = []
    due_text: str
    due_date: dt.date | None
    due_start: dt.date | None
    due_precision: str
    original_due_text: str
    original_due_date: dt.date | None
    progress_status: str
    rag: str
    status_text: str
    percent_complete: int | None
    flags: list[str]
    deliverables: str
    resources: str
    outputs: str
    outcomes: str
    risks: str
    other_services: str
    internal_note: str | None = Field(
        None, description="Only for callers who may read the plan's drafts; never public."
    )
    closed_on: dt.date | None
    closure_agreed_by: str
    closure_agreed_on: dt.date | None
    closure_note: str
    version: str = Field(
        ..., description="Send this back with a change: if the action has changed since, 409."
    )
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_section(obj: Action) -> UUID | None:
        return obj.section.uuid if obj.section is not None else None

    @staticmethod
    def resolve_owners(obj: Action) -> list[OwnerOut]:
        found = getattr(obj, OWNERS, None)
        ownerships = obj.ownerships.all() if found is None else found
        return [OwnerOut.from_ownership(o) for o in ownerships]

    @staticmethod
    def resolve_internal_note(obj: Action) -> str | None:
        # Set by the router for callers who may read drafts; absent for everyone else.
        return getattr(obj, "internal_note_shown", None)

    @staticmethod
    def resolve_version(obj: Action) -> str:
        return obj.updated_at.isoformat()


class ActionIn(WriteSchema):
    text: str
    ref: str = from_model(Action, "ref", "")
    section: UUID | None = None
    due_text: str = from_model(Action, "due_text", "")
    priority: str = from_model(Action, "priority", "")


class ActionPatch(WriteSchema):
    """Only the fields sent change. `version` is the `version` read from the action."""

    version: str = Field(..., max_length=40, description="The `version` read from the action.")
    ref: str | None = from_model(Action, "ref", None)
    text: str | None = None
    priority: str | None = from_model(Action, "priority", None)
    agreement: Action.Agreement | None = None
    progress_status: ProgressStatus | None = None
    rag: Rag | None = None
    status_text: str | None = from_model(Action, "status_text", None)
    deliverables: str | None = None
    resources: str | None = None
    outputs: str | None = None
    outcomes: str | None = None
    risks: str | None = None
    other_services: str | None = None
    internal_note: str | None = None
    owners: list[UUID] | None = Field(None, description="People (uuids) who are accountable.")
    new_due_text: str | None = from_model(
        DueRevision, "new_due_text", None, description="A new due date, as a paper writes it."
    )
    due_reason: str | None = None
    due_agreed_by: str | None = from_model(DueRevision, "agreed_by", None)
    due_revised_on: dt.date | None = None


class UpdateOut(Schema):
    uuid: UUID
    action: UUID = Field(..., alias="action.uuid")
    as_at: dt.date
    as_at_precision: str
    label: str
    position: str
    future_action: str
    progress_status: str
    rag: str
    author: UUID | None = None
    state: str
    created_at: dt.datetime

    @staticmethod
    def resolve_author(obj: object) -> UUID | None:
        author = getattr(obj, "author", None)
        return author.uuid if author is not None else None


class UpdateIn(WriteSchema):
    as_at: dt.date
    position: str
    future_action: str = ""
    progress_status: ProgressStatus | Literal[""] = ""
    rag: Rag | Literal[""] = ""
    author: UUID | None = Field(None, description="An owner the update is entered for.")
    change_reason: str = Field("", description="Needed when a reporting cycle locked the period.")


class MilestoneOut(Schema):
    uuid: UUID
    action: UUID = Field(..., alias="action.uuid")
    ref: str
    text: str
    due_text: str
    due_date: dt.date | None
    completed_on: dt.date | None
    position: int


class DueRevisionOut(Schema):
    uuid: UUID
    action: UUID = Field(..., alias="action.uuid")
    revised_on: dt.date
    previous_due_text: str
    previous_due_date: dt.date | None
    new_due_text: str
    new_due_date: dt.date | None
    reason: str
    agreed_by: str
