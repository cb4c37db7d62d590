"""The procedures every council starts with, summarised in our own words.

Timescales are working days. Councils can edit them (admin) or add procedures of their own;
these are only the starting point, kept here so the defaults are reviewable in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageDefault:
    name: str
    acknowledge_days: int
    respond_days: int
    max_extension_days: int
    escalation_target: str


@dataclass(frozen=True)
class ProcedureDefault:
    code: str
    name: str
    ombudsman: str
    description: str
    stages: tuple[StageDefault, ...]


LGSCO = "Local Government and Social Care Ombudsman"
HOUSING_OMBUDSMAN = "Housing Ombudsman Service"

DEFAULT_PROCEDURES: tuple[ProcedureDefault, ...] = (
    ProcedureDefault(
        code="corporate",
        name="Corporate complaints (Complaint Handling Code)",
        ombudsman=LGSCO,
        description=(
            "Two stages. Acknowledge within 5 working days; answer stage 1 within 10 working "
            "days of acknowledging and stage 2 within 20, each extendable once by as much again "
            "when there is a good reason and the complainant is told."
        ),
        stages=(
            StageDefault("Stage 1: response from the service", 5, 10, 10, "Stage 2 review"),
            StageDefault("Stage 2: review by a senior officer", 5, 20, 20, LGSCO),
        ),
    ),
    ProcedureDefault(
        code="adult_social_care",
        name="Adult social care (statutory)",
        ombudsman=LGSCO,
        description=(
            "One local stage. Acknowledge within 3 working days and agree a plan with the "
            "complainant; we default the response to 20 working days, extendable while the "
            "whole complaint stays within about six months of receipt."
        ),
        stages=(StageDefault("Local resolution", 3, 20, 110, LGSCO),),
    ),
    ProcedureDefault(
        code="childrens_social_care",
        name="Children's social care (statutory)",
        ombudsman=LGSCO,
        description=(
            "Three stages. Local resolution answered in 10 working days (up to 20 for complex "
            "cases); an independent investigation in 25 working days (up to 65); then a review "
            "panel convened within 30 working days of the request."
        ),
        stages=(
            StageDefault("Stage 1: local resolution", 3, 10, 10, "Stage 2 investigation"),
            StageDefault("Stage 2: independent investigation", 3, 25, 40, "Stage 3 review panel"),
            StageDefault("Stage 3: review panel", 3, 30, 0, LGSCO),
        ),
    ),
    ProcedureDefault(
        code="housing",
        name="Council housing (Housing Ombudsman code)",
        ombudsman=HOUSING_OMBUDSMAN,
        description=(
            "Two stages for landlord complaints. Acknowledge within 5 working days; answer "
            "stage 1 within 10 working days and stage 2 within 20, each extendable by up to "
            "the same again with a reason."
        ),
        stages=(
            StageDefault("Stage 1", 5, 10, 10, "Stage 2"),
            StageDefault("Stage 2", 5, 20, 20, HOUSING_OMBUDSMAN),
        ),
    ),
)
