"""What the API says in the due lists and the annual report. The due lists carry a complaint's
personal fields only for those who handle it; the annual report is aggregate only."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from . import selectors
from .api_schemas import ComplaintOut
from .models import Complaint


class DueComplaintOut(ComplaintOut):
    owed: str = Field(..., description="What the council owes next: acknowledgement or response.")
    stage: int | None = Field(None, description="The number of the current stage.")
    handler: str | None = Field(None, description="The current stage's handler (staff).")

    @staticmethod
    def resolve_owed(obj: Complaint) -> str:
        return selectors.owed(obj)

    @staticmethod
    def resolve_stage(obj: Complaint) -> int | None:
        stages = getattr(obj, "stage_list", None) or []
        return stages[-1].number if stages else None

    @staticmethod
    def resolve_handler(obj: Complaint) -> str | None:
        stages = getattr(obj, "stage_list", None) or []
        handler = stages[-1].handler if stages else None
        return handler.name if handler is not None else None


class DueOut(Schema):
    today: dt.date
    soon_until: dt.date = Field(..., description="Due soon means due on or before this day.")
    overdue: list[DueComplaintOut]
    due_soon: list[DueComplaintOut]


class StageFigures(Schema):
    stage: int
    started: int
    answered: int
    on_time: int
    percent_on_time: float | None
    extended: int
    outcomes: dict[str, int] = Field(..., description="Answered stages by outcome label.")


class ServiceFigures(Schema):
    service: str
    received: int
    stages: dict[int, int] = Field(..., description="Stages started, by stage number.")


class OmbudsmanFigures(Schema):
    referred: int
    decisions: dict[str, int]


class SatisfactionFigures(Schema):
    answers: int
    percent_satisfied: float | None


class LearningOut(Schema):
    service: str
    what_changed: str
    changed_on: dt.date


class AnnualOut(Schema):
    """The annual report's figures for one financial year (1 April to 31 March)."""

    organisation: str
    year: int
    label: str
    start: dt.date
    end: dt.date
    received: int
    refused: int
    acknowledged: int
    acknowledged_on_time: int
    percent_acknowledged_on_time: float | None
    outcome_labels: list[str]
    stages: list[StageFigures]
    services: list[ServiceFigures]
    ombudsman: OmbudsmanFigures
    satisfaction: SatisfactionFigures
    learning: list[LearningOut]
