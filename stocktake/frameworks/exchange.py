"""Framework assessments in organisation exports, with the frameworks they are made against.

Frameworks are global and loaded into each database from their files, with new UUIDs each
time, so a framework is known by code and version and its parts by their place in it: an
import reuses a framework the database already holds.
"""

from __future__ import annotations

from stocktake.exchange.tables import Table

from .models import (
    Assessor,
    Criterion,
    CriterionEvidence,
    CriterionRating,
    Element,
    Framework,
    FrameworkAssessment,
    RatingOption,
    Theme,
)

TABLES = [
    Table(
        "frameworks.framework",
        Framework,
        lambda org: Framework.objects.filter(assessments__organisation=org).distinct(),
        key=("code", "version"),
        shared=True,
    ),
    Table(
        "frameworks.ratingoption",
        RatingOption,
        lambda org: RatingOption.objects.filter(
            framework__assessments__organisation=org
        ).distinct(),
        key=("framework", "value"),
        shared=True,
    ),
    Table(
        "frameworks.theme",
        Theme,
        lambda org: Theme.objects.filter(framework__assessments__organisation=org).distinct(),
        key=("framework", "ref", "position"),
        shared=True,
    ),
    Table(
        "frameworks.criterion",
        Criterion,
        lambda org: Criterion.objects.filter(framework__assessments__organisation=org).distinct(),
        key=("framework", "ref"),
        shared=True,
    ),
    Table(
        "frameworks.element",
        Element,
        lambda org: Element.objects.filter(
            criterion__framework__assessments__organisation=org
        ).distinct(),
        key=("criterion", "ref", "position"),
        shared=True,
    ),
    Table(
        "frameworks.frameworkassessment",
        FrameworkAssessment,
        lambda org: FrameworkAssessment.objects.filter(organisation=org),
    ),
    Table(
        "frameworks.assessor",
        Assessor,
        lambda org: Assessor.objects.filter(organisation=org),
        key=("assessment", "user"),
    ),
    Table(
        "frameworks.criterionrating",
        CriterionRating,
        lambda org: CriterionRating.objects.filter(organisation=org),
    ),
    Table(
        "frameworks.criterionevidence",
        CriterionEvidence,
        lambda org: CriterionEvidence.objects.filter(organisation=org),
    ),
]
