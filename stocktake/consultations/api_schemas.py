"""What the API says about consultations, "you said, we did" and knowledge-base entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from stocktake.api.limits import WriteSchema, from_model

from .models import Consultation, Entry, Method, ResponseCount
from .rules import MOST_RESPONSES, REVIEW_WITHIN_YEARS


def _uuid(related: Any) -> UUID | None:
    return related.uuid if related is not None else None


class FeedbackOut(Schema):
    uuid: UUID
    you_said: str
    we_did: str
    action: UUID | None = None
    position: int

    @staticmethod
    def resolve_action(obj: Any) -> UUID | None:
        return _uuid(obj.action)


class ResponseCountOut(Schema):
    kind: str
    label: str
    count: int


class ResponseCountIn(WriteSchema):
    kind: ResponseCount.Kind
    label: str = from_model(ResponseCount, "label")
    count: int = Field(..., ge=0, le=MOST_RESPONSES)


class ConsultationOut(Schema):
    """Who ran it (unit, lead officer, linked action, budget) only for the council's readers."""

    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    title: str
    we_asked: str
    methods: list[str]
    audiences: str
    areas: str
    opens_on: dt.date | None
    closes_on: dt.date | None
    status: str
    statutory: bool
    decision: str
    unit: UUID | None = None
    lead_officer: UUID | None = None
    action: UUID | None = None
    budget: Decimal | None = None
    updated_at: dt.datetime

    @staticmethod
    def resolve_unit(obj: Consultation) -> UUID | None:
        return _uuid(obj.unit) if getattr(obj, "staff_view", False) else None

    @staticmethod
    def resolve_lead_officer(obj: Consultation) -> UUID | None:
        return _uuid(obj.lead_officer) if getattr(obj, "staff_view", False) else None

    @staticmethod
    def resolve_action(obj: Consultation) -> UUID | None:
        return _uuid(obj.action) if getattr(obj, "staff_view", False) else None

    @staticmethod
    def resolve_budget(obj: Consultation) -> Decimal | None:
        return obj.budget if getattr(obj, "staff_view", False) else None


class ConsultationDetail(ConsultationOut):
    feedback: list[FeedbackOut]
    responses: list[ResponseCountOut]

    @staticmethod
    def resolve_feedback(obj: Consultation) -> list[Any]:
        return list(obj.feedback.all())

    @staticmethod
    def resolve_responses(obj: Consultation) -> list[Any]:
        return list(obj.response_counts.all())


class ConsultationIn(WriteSchema):
    """A new consultation, as the planner's form takes it. Similar recent or planned ones must
    be looked at first: send checked_similar once you have (400 lists them otherwise)."""

    title: str = from_model(Consultation, "title")
    we_asked: str = ""
    unit: UUID | None = None
    lead_officer: UUID | None = None
    methods: list[Method] = []
    audiences: str = from_model(Consultation, "audiences", "")
    areas: str = from_model(Consultation, "areas", "")
    opens_on: dt.date | None = None
    closes_on: dt.date | None = None
    budget: Decimal | None = from_model(Consultation, "budget", None, ge=0)
    statutory: bool = False
    decision: str = from_model(Consultation, "decision", "")
    action: UUID | None = None
    checked_similar: bool = False


class ConsultationPatch(WriteSchema):
    """Only the fields sent change; the status moves forward one step at a time."""

    title: str | None = from_model(Consultation, "title", None)
    we_asked: str | None = None
    unit: UUID | None = None
    lead_officer: UUID | None = None
    methods: list[Method] | None = None
    audiences: str | None = from_model(Consultation, "audiences", None)
    areas: str | None = from_model(Consultation, "areas", None)
    opens_on: dt.date | None = None
    closes_on: dt.date | None = None
    status: Consultation.Status | None = None
    budget: Decimal | None = from_model(Consultation, "budget", None, ge=0)
    statutory: bool | None = None
    decision: str | None = from_model(Consultation, "decision", None)
    action: UUID | None = None


class FeedbackIn(WriteSchema):
    you_said: str
    we_did: str
    action: UUID | None = None


class EntryOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    kind: str
    question: str
    answer: str
    unit: UUID | None = None
    tags: list[str] = Field(..., alias="tag_list")
    owner: UUID | None = None
    review_on: dt.date
    signpost_name: str
    signpost_contact: str
    signpost_helps_with: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_unit(obj: Entry) -> UUID | None:
        return _uuid(obj.unit)

    @staticmethod
    def resolve_owner(obj: Entry) -> UUID | None:
        return _uuid(obj.owner)


REVIEW_ON = f"Within {REVIEW_WITHIN_YEARS} years from today."


class EntryIn(WriteSchema):
    question: str = from_model(Entry, "question")
    answer: str
    review_on: dt.date = Field(..., description=REVIEW_ON)
    kind: Entry.Kind = Entry.Kind.QUESTION
    unit: UUID | None = None
    tags: str = from_model(Entry, "tags", "")
    owner: UUID | None = None
    signpost_name: str = from_model(Entry, "signpost_name", "")
    signpost_contact: str = ""
    signpost_helps_with: str = ""


class EntryPatch(WriteSchema):
    question: str | None = from_model(Entry, "question", None)
    answer: str | None = None
    review_on: dt.date | None = Field(None, description=REVIEW_ON)
    kind: Entry.Kind | None = None
    unit: UUID | None = None
    tags: str | None = from_model(Entry, "tags", None)
    owner: UUID | None = None
    signpost_name: str | None = from_model(Entry, "signpost_name", None)
    signpost_contact: str | None = None
    signpost_helps_with: str | None = None
