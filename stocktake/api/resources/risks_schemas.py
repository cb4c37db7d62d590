"""What the API says about risks, their reviews, and equality impact assessments."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from stocktake.risks.models import EqualityAssessment, Risk, RiskReview

from ..limits import WriteSchema, from_model


def _uuid(obj: object, name: str) -> UUID | None:
    related = getattr(obj, name, None)
    return related.uuid if related is not None else None


class RiskOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    plan: UUID | None = None
    unit: UUID | None = None
    parent: UUID | None = None
    owner_person: UUID | None = None
    owner_post: UUID | None = None
    ref: str
    title: str
    cause: str
    event: str
    consequence: str
    category: str
    owner_text: str
    inherent_likelihood: int | None
    inherent_impact: int | None
    inherent_score: int | None
    residual_likelihood: int | None
    residual_impact: int | None
    residual_score: int | None
    residual_band: str
    score_text: str
    appetite: int | None
    mitigation: str
    review_days: int | None
    last_reviewed_on: dt.date | None
    review_due_on: dt.date | None
    status: str
    closed_on: dt.date | None
    flags: list[str]
    updated_at: dt.datetime

    @staticmethod
    def resolve_plan(obj: Risk) -> UUID | None:
        return _uuid(obj, "plan")

    @staticmethod
    def resolve_unit(obj: Risk) -> UUID | None:
        return _uuid(obj, "unit")

    @staticmethod
    def resolve_parent(obj: Risk) -> UUID | None:
        return _uuid(obj, "parent")

    @staticmethod
    def resolve_owner_person(obj: Risk) -> UUID | None:
        return _uuid(obj, "owner_person")

    @staticmethod
    def resolve_owner_post(obj: Risk) -> UUID | None:
        return _uuid(obj, "owner_post")


# A review cycle of a day to five years: longer is no cycle at all, and the date arithmetic of a
# far longer one overflows.
REVIEW_DAYS = "Days between reviews: 1 to 1825 (five years)."


class RiskPatch(WriteSchema):
    """Only the fields sent change; the current score changes through reviews."""

    ref: str | None = from_model(Risk, "ref", None)
    title: str | None = None
    cause: str | None = None
    event: str | None = None
    consequence: str | None = None
    category: Risk.Category | None = None
    owner_person: UUID | None = None
    owner_post: UUID | None = None
    inherent_likelihood: int | None = from_model(Risk, "inherent_likelihood", None)
    inherent_impact: int | None = from_model(Risk, "inherent_impact", None)
    appetite: int | None = from_model(Risk, "appetite", None)
    mitigation: str | None = None
    review_days: int | None = from_model(
        Risk, "review_days", None, ge=1, le=1825, description=REVIEW_DAYS
    )
    review_due_on: dt.date | None = None
    status: Risk.Status | None = None


class RiskIn(WriteSchema):
    """A new risk; a current score given here becomes its first review, dated today."""

    title: str
    ref: str = from_model(Risk, "ref", "")
    cause: str = ""
    event: str = ""
    consequence: str = ""
    category: Risk.Category | Literal[""] = ""
    plan: UUID | None = None
    owner_person: UUID | None = None
    owner_post: UUID | None = None
    inherent_likelihood: int | None = from_model(Risk, "inherent_likelihood", None)
    inherent_impact: int | None = from_model(Risk, "inherent_impact", None)
    residual_likelihood: int | None = from_model(Risk, "residual_likelihood", None)
    residual_impact: int | None = from_model(Risk, "residual_impact", None)
    appetite: int | None = from_model(Risk, "appetite", None)
    mitigation: str = ""
    review_days: int | None = from_model(
        Risk, "review_days", None, ge=1, le=1825, description=REVIEW_DAYS
    )


class ReviewOut(Schema):
    uuid: UUID
    risk: UUID = Field(..., alias="risk.uuid")
    as_at: dt.date
    likelihood: int | None
    impact: int | None
    score: int | None
    note: str


class ReviewIn(WriteSchema):
    as_at: dt.date
    likelihood: int = from_model(RiskReview, "likelihood")
    impact: int = from_model(RiskReview, "impact")
    note: str = ""
    mitigation: str = ""


class AssessmentOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    plan: UUID | None = None
    unit: UUID | None = None
    ref: str
    title: str
    priority: str
    lead: str
    due_text: str
    due_date: dt.date | None
    status: str
    findings: str
    flags: list[str]

    @staticmethod
    def resolve_plan(obj: EqualityAssessment) -> UUID | None:
        return _uuid(obj, "plan")

    @staticmethod
    def resolve_unit(obj: EqualityAssessment) -> UUID | None:
        return _uuid(obj, "unit")

    @staticmethod
    def resolve_lead(obj: EqualityAssessment) -> str:
        return str(obj.lead) if obj.lead is not None else obj.lead_text


class AssessmentPatch(WriteSchema):
    """Only the fields sent change. Finishing an assessment needs findings and characteristics."""

    ref: str | None = from_model(EqualityAssessment, "ref", None)
    title: str | None = from_model(EqualityAssessment, "title", None)
    priority: EqualityAssessment.Priority | None = None
    lead_person: UUID | None = None
    lead_post: UUID | None = None
    due_text: str | None = from_model(EqualityAssessment, "due_text", None)
    status: EqualityAssessment.Status | None = None
    findings: str | None = None
