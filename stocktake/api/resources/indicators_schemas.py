"""What the API says about indicators, their definitions, targets and measurements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from stocktake.indicators.models import Indicator, Measurement, Target

from ..limits import WriteSchema, from_model


class DefinitionOut(Schema):
    uuid: UUID
    national: bool = Field(..., alias="is_national")
    code: str
    title: str
    definition: str
    data_type: str
    unit: str
    decimal_places: int
    polarity: str
    frequency: str
    combine: str
    area_scope: str
    family: str
    numerator_label: str
    denominator_label: str
    formula: str
    version: int
    effective_from: dt.date | None


class IndicatorOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    definition: DefinitionOut
    unit: UUID | None = None
    plan: UUID | None = None
    owner: str = Field(..., alias="owner_name")
    is_public: bool
    flags: list[str]
    position: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_unit(obj: Indicator) -> UUID | None:
        return obj.unit.uuid if obj.unit is not None else None

    @staticmethod
    def resolve_plan(obj: Indicator) -> UUID | None:
        return obj.plan.uuid if obj.plan is not None else None


class TargetOut(Schema):
    uuid: UUID
    indicator: UUID = Field(..., alias="indicator.uuid")
    period_label: str
    period_start: dt.date
    period_end: dt.date
    name: str
    is_primary: bool
    value: Decimal | None
    upper_value: Decimal | None
    text: str
    tolerance: Decimal | None
    tolerance_kind: str
    profile_q1: Decimal | None
    profile_q2: Decimal | None
    profile_q3: Decimal | None


class TargetIn(WriteSchema):
    period: str = Field(..., max_length=50, description='For example "2009/10" or "Q1 2009/10".')
    name: Target.Name = Target.Name.LOCAL
    is_primary: bool = True
    value: Decimal | None = from_model(Target, "value", None)
    upper_value: Decimal | None = from_model(Target, "upper_value", None)
    text: str = from_model(Target, "text", "")
    tolerance: Decimal | None = from_model(
        Target,
        "tolerance",
        None,
        ge=0,
        description="How far from the target still counts as amber.",
    )
    tolerance_kind: Target.ToleranceKind = Target.ToleranceKind.ABSOLUTE
    profile_q1: Decimal | None = from_model(Target, "profile_q1", None)
    profile_q2: Decimal | None = from_model(Target, "profile_q2", None)
    profile_q3: Decimal | None = from_model(Target, "profile_q3", None)


class MeasurementOut(Schema):
    uuid: UUID
    indicator: UUID = Field(..., alias="indicator.uuid")
    period_label: str
    period_start: dt.date
    period_end: dt.date
    period_kind: str
    value: Decimal | None
    value_text: str
    numerator: Decimal | None
    denominator: Decimal | None
    sample_size: int | None
    forecast: Decimal | None
    note: str
    state: str
    status: str
    direction: str
    direction_year: str


class MeasurementIn(WriteSchema):
    period: str = Field(
        ..., max_length=50, description='For example "Q1 2009/10", "2009/10" or "June 2009".'
    )
    replace: bool = Field(
        False, description="Replace a value already entered for the period (400 otherwise)."
    )
    value: Decimal | None = from_model(Measurement, "value", None)
    achieved: Literal["yes", "no"] | None = Field(
        None, description="For yes/no and milestone indicators instead of a value."
    )
    numerator: Decimal | None = from_model(
        Measurement, "numerator", None, description="Only for indicators that are a ratio."
    )
    denominator: Decimal | None = from_model(Measurement, "denominator", None)
    forecast: Decimal | None = from_model(Measurement, "forecast", None)
    sample_size: int | None = from_model(
        Measurement, "sample_size", None, ge=1, description="Only for percentages from a survey."
    )
    note: str = ""
    provisional: bool = True
