"""Reads for framework and assessment pages, in a fixed number of queries whatever the size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q

from stocktake.accounts.selectors import AnyUser
from stocktake.plans.access import visible_plans
from stocktake.plans.models import Action, Plan

from . import scoring
from .access import visible_assessments
from .models import (
    Criterion,
    CriterionEvidence,
    CriterionRating,
    Framework,
    FrameworkAssessment,
    Theme,
)


@dataclass
class Row:
    rating: CriterionRating
    label: str
    external_label: str
    below_target: bool
    differs: bool
    evidence: list[CriterionEvidence] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass
class Group:
    theme: Theme
    rows: list[Row]


def labels_for(framework: Framework) -> dict[int, str]:
    return {o.value: o.label for o in framework.scale.all()}


def visible_actions(user: AnyUser, organisation_id: int) -> Any:
    """Plan actions of the council that this user may see, for links and gap lists."""
    plans = Plan.objects.filter(organisation_id=organisation_id).filter(visible_plans(user))
    return Action.objects.filter(organisation_id=organisation_id, plan__in=plans)


def _label(labels: dict[int, str], value: int | None) -> str:
    if value is None:
        return "Not rated"
    return f"{value} – {labels.get(value, '?')}"


def assessment_groups(
    assessment: FrameworkAssessment, user: AnyUser, *, criterion: Criterion | None = None
) -> list[Group]:
    """Themes with each criterion's rating, evidence and the gap actions the user may see."""
    framework = assessment.framework
    labels = labels_for(framework)
    actions = visible_actions(user, assessment.organisation_id).select_related("plan")
    ratings = (
        CriterionRating.objects.filter(assessment=assessment)
        .select_related("criterion__theme")
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=CriterionEvidence.objects.select_related(
                    "action", "indicator__definition"
                ),
            ),
            Prefetch("gap_actions", queryset=actions.order_by("plan_id", "position")),
        )
        .order_by("criterion__theme__position", "criterion__position")
    )
    if criterion is not None:
        ratings = ratings.filter(criterion=criterion)
    groups: dict[int, Group] = {}
    for rating in ratings:
        theme = rating.criterion.theme
        group = groups.setdefault(theme.pk, Group(theme, []))
        external = rating.external_rating
        group.rows.append(
            Row(
                rating=rating,
                label=_label(labels, rating.rating),
                external_label="" if external is None else _label(labels, external),
                below_target=scoring.below_target(rating.rating, framework.target),
                differs=external is not None and external != rating.rating,
                evidence=list(rating.evidence.all()),
                actions=list(rating.gap_actions.all()),
            )
        )
    return list(groups.values())


def rows_of(groups: list[Group]) -> list[Row]:
    return [row for group in groups for row in group.rows]


def outcome_of(assessment: FrameworkAssessment, rows: list[Row]) -> scoring.Outcome:
    framework = assessment.framework
    rated = [
        scoring.Rated(
            r.rating.criterion.ref,
            r.rating.criterion.title,
            r.rating.criterion.level,
            r.rating.rating,
        )
        for r in rows
    ]
    return _outcome(framework, labels_for(framework), rated)


def _outcome(
    framework: Framework, labels: dict[int, str], rated: list[scoring.Rated]
) -> scoring.Outcome:
    return scoring.outcome(
        rule=framework.rule,
        threshold=framework.threshold,
        labels=labels,
        level_names=list(framework.level_names or []),
        rows=rated,
    )


def _series(assessment: FrameworkAssessment, user: AnyUser) -> Any:
    """The same framework version, council and unit, over time: re-assessments."""
    return (
        FrameworkAssessment.objects.filter(visible_assessments(user))
        .filter(
            Q(unit_id=assessment.unit_id) if assessment.unit_id else Q(unit__isnull=True),
            organisation_id=assessment.organisation_id,
            framework_id=assessment.framework_id,
        )
        .distinct()
        .order_by("as_at", "id")
    )


def criterion_history(
    assessment: FrameworkAssessment, criterion: Criterion, user: AnyUser
) -> list[tuple[dt.date, int | None, int | None]]:
    """(date, self rating, external rating) for one criterion across re-assessments."""
    rows = CriterionRating.objects.filter(
        assessment__in=_series(assessment, user), criterion=criterion
    ).order_by("assessment__as_at", "assessment_id")
    return [
        (as_at, rating, external)
        for as_at, rating, external in rows.values_list(
            "assessment__as_at", "rating", "external_rating"
        )
    ]


def overall_history(assessment: FrameworkAssessment, user: AnyUser) -> list[tuple[dt.date, int]]:
    """(date, level reached) for each re-assessment, by the framework's rule."""
    framework = assessment.framework
    labels = labels_for(framework)
    series = list(_series(assessment, user))
    rated: dict[int, list[scoring.Rated]] = defaultdict(list)
    for row in CriterionRating.objects.filter(assessment__in=[a.pk for a in series]).values(
        "assessment_id", "criterion__ref", "criterion__title", "criterion__level", "rating"
    ):
        rated[row["assessment_id"]].append(
            scoring.Rated(
                row["criterion__ref"],
                row["criterion__title"],
                row["criterion__level"],
                row["rating"],
            )
        )
    return [(a.as_at, _outcome(framework, labels, rated[a.pk]).reached) for a in series]


def framework_tree(framework: Framework) -> list[Theme]:
    return list(
        framework.themes.prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.prefetch_related("elements"))
        )
    )


def framework_as_data(framework: Framework) -> dict[str, Any]:
    """A loaded framework back in the file shape, for download and round trips."""
    return {
        "code": framework.code,
        "version": framework.version,
        "title": framework.title,
        "description": framework.description,
        "source": framework.source,
        "rule": framework.rule,
        "threshold": framework.threshold,
        "target": framework.target,
        "levels": list(framework.level_names or []),
        "scale": [
            {"value": o.value, "label": o.label, "description": o.description}
            for o in framework.scale.all()
        ],
        "themes": [
            {
                "ref": t.ref,
                "title": t.title,
                "description": t.description,
                "criteria": [
                    {
                        "ref": c.ref,
                        "title": c.title,
                        "description": c.description,
                        "level": c.level,
                        "elements": [{"ref": e.ref, "title": e.title} for e in c.elements.all()],
                    }
                    for c in t.criteria.all()
                ],
            }
            for t in framework_tree(framework)
        ],
    }
