"""What the API says about complaints. The complainant's details and words are present only
for those who handle the complaint (access.can_handle); for everyone else they are null."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from stocktake.api.limits import WriteSchema, from_model
from stocktake.customers.models_feedback import AgeBand

from .models import Channel, Complaint
from .models_handling import ComplaintStage, Extension, OmbudsmanCase


def _personal(obj: Complaint, name: str) -> str | None:
    return getattr(obj, name) if getattr(obj, "personal", False) else None


class StageOut(Schema):
    uuid: UUID
    number: int
    name: str = Field(..., alias="stage.name")
    started_on: dt.date
    due_on: dt.date
    extension_days: int
    responded_on: dt.date | None
    outcome: str


class ComplaintOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    procedure: UUID = Field(..., alias="procedure.uuid")
    reference: str
    received_on: dt.date
    channel: str
    unit: UUID | None = None
    service: str = Field(..., alias="service_label")
    status: str
    decided_on: dt.date | None
    acknowledge_due_on: dt.date
    acknowledged_on: dt.date | None
    next_due_on: dt.date | None
    closed_on: dt.date | None
    vulnerable: bool
    via_representative: bool
    satisfaction: int | None
    personal: bool = Field(False, description="Whether the personal fields below are shown.")
    complainant_name: str | None = None
    complainant_contact: str | None = None
    representative_name: str | None = None
    summary: str | None = None
    outcome_sought: str | None = None
    vulnerability_note: str | None = None
    area_code: str | None = None
    age_band: str | None = None
    disabled: bool | None = None

    @staticmethod
    def resolve_unit(obj: Complaint) -> UUID | None:
        return obj.unit.uuid if obj.unit is not None else None

    @staticmethod
    def resolve_personal(obj: Complaint) -> bool:
        return bool(getattr(obj, "personal", False))

    @staticmethod
    def resolve_complainant_name(obj: Complaint) -> str | None:
        return _personal(obj, "complainant_name")

    @staticmethod
    def resolve_complainant_contact(obj: Complaint) -> str | None:
        return _personal(obj, "complainant_contact")

    @staticmethod
    def resolve_representative_name(obj: Complaint) -> str | None:
        return _personal(obj, "representative_name")

    @staticmethod
    def resolve_summary(obj: Complaint) -> str | None:
        return _personal(obj, "summary")

    @staticmethod
    def resolve_outcome_sought(obj: Complaint) -> str | None:
        return _personal(obj, "outcome_sought")

    @staticmethod
    def resolve_vulnerability_note(obj: Complaint) -> str | None:
        return _personal(obj, "vulnerability_note")

    @staticmethod
    def resolve_area_code(obj: Complaint) -> str | None:
        return _personal(obj, "area_code")

    @staticmethod
    def resolve_age_band(obj: Complaint) -> str | None:
        return _personal(obj, "age_band")

    @staticmethod
    def resolve_disabled(obj: Complaint) -> bool | None:
        return obj.disabled if getattr(obj, "personal", False) else None


class ComplaintDetail(ComplaintOut):
    stages: list[StageOut]

    @staticmethod
    def resolve_stages(obj: Complaint) -> list[Any]:
        return list(obj.stages.select_related("stage").order_by("number"))


class ComplaintIn(WriteSchema):
    """A new complaint, as the receive page takes it; the procedure defaults to the council's."""

    received_on: dt.date
    channel: Channel
    summary: str
    procedure: UUID | None = None
    unit: UUID | None = None
    service_name: str = from_model(Complaint, "service_name", "")
    complainant_name: str = from_model(Complaint, "complainant_name", "")
    complainant_contact: str = ""
    via_representative: bool = False
    representative_name: str = from_model(Complaint, "representative_name", "")
    outcome_sought: str = ""
    vulnerable: bool = False
    vulnerability_note: str = ""
    area_code: str = from_model(Complaint, "area_code", "")
    age_band: AgeBand | Literal[""] = ""
    disabled: bool | None = None


class StepIn(WriteSchema):
    """The fields of one step's page; send those the step asks for (see the step list)."""

    decision: str | None = from_model(
        OmbudsmanCase,
        "decision",
        None,
        description="decide: accept or refuse; ombudsman-decision: its decision",
    )
    on: dt.date | None = Field(None, description="decide, acknowledge, escalate")
    reason: str | None = Field(None, description="decide (refuse), extend")
    handler: UUID | None = Field(None, description="acknowledge, escalate: a person")
    responded_on: dt.date | None = Field(None, description="respond")
    outcome: str | None = from_model(ComplaintStage, "outcome", None, description="respond")
    response_summary: str | None = Field(None, description="respond")
    remedy: str | None = Field(None, description="respond, ombudsman-decision")
    days: int | None = from_model(Extension, "days", None, description="extend: extra working days")
    agreed_on: dt.date | None = Field(None, description="extend")
    satisfaction: int | None = from_model(
        Complaint,
        "satisfaction",
        None,
        ge=min(Complaint.Satisfaction.values),
        le=max(Complaint.Satisfaction.values),
        description="satisfaction: 1 to 5",
    )
    referred_on: dt.date | None = Field(None, description="refer")
    ombudsman: str | None = from_model(OmbudsmanCase, "ombudsman", None, description="refer")
    taken_early: bool | None = Field(
        None, description="refer: the ombudsman took it before the procedure had finished"
    )
    case: UUID | None = Field(None, description="ombudsman-decision: the referral")
    decided_on: dt.date | None = Field(None, description="ombudsman-decision")
    what_changed: str | None = Field(None, description="learning")
    changed_on: dt.date | None = Field(None, description="learning")
    unit: UUID | None = Field(None, description="learning: the service that changed")
