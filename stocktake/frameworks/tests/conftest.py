"""Fixtures: the shipped equality framework (three levels, twenty criteria) and an assessment
of the Customer Services unit inside the plans' role matrix."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.frameworks import services
from stocktake.frameworks.models import CriterionRating, Framework, FrameworkAssessment
from stocktake.plans.models import Action, Plan
from stocktake.testing import World

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def eflg_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "eflg-2009.json").read_text())
    return data


@pytest.fixture
def eflg(db: None, eflg_data: dict[str, Any]) -> Framework:
    return services.framework_load(data=eflg_data, by=None)


@dataclass
class AssessWorld:
    plan: Plan
    action: Action
    assessment: FrameworkAssessment
    users: dict[str, User | None]

    def rating(self, ref: str) -> CriterionRating:
        return self.assessment.ratings.select_related("criterion", "assessment").get(
            criterion__ref=ref
        )


def rate_all(assessment: FrameworkAssessment, values: dict[str, int], default: int) -> None:
    for rating in assessment.ratings.select_related("criterion", "assessment__framework"):
        value = values.get(rating.criterion.ref, default)
        services.rating_set(rating=rating, value=value, commentary="", by=None)


@pytest.fixture
def assess_world(world: World, officer: User, eflg: Framework) -> AssessWorld:
    plan, action, users = world
    assessment = services.assessment_create(
        organisation=plan.organisation,
        unit=plan.unit,
        framework=eflg,
        title="Equality self-assessment",
        as_at=dt.date(2009, 3, 31),
        by=officer,
    )
    return AssessWorld(plan, action, assessment, users)


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path
