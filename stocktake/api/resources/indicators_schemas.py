"""What the API says about indicators, their definitions, targets and measurements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from stocktake.indicators.models import Indicator


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


class TargetIn(Schema):
    period: str = Field(..., description='For example "2009/10" or "Q1 2009/10".')
    name: str = "local"
    is_primary: bool = True
    value: Decimal | None = None
    upper_value: Decimal | None = None
    text: str = ""
    tolerance: Decimal | None = None
    tolerance_kind: str = "absolute"
    profile_q1: Decimal | None = None
    profile_q2: Decimal | None = None
    profile_q3: Decimal | None = None


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


class MeasurementIn(Schema):
    period: str = Field(..., description='For example "Q1 2009/10", "2009/10" or "June 2009".')
    value: Decimal | None = None
    achieved: Literal["yes", "no"] | None = Field(
        None, description="For yes/no and milestone indicators instead of a value."
    )
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    forecast: Decimal | None = None
    sample_size: int | None = None
    note: str = ""
    provisional: bool = True
