"""Every write to frameworks and assessments goes through here, inside a transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation, Unit
from stocktake.core.recording import Actor, acting_user, save_recorded

from . import rules
from .models import (
    Assessor,
    Criterion,
    CriterionRating,
    Element,
    Framework,
    FrameworkAssessment,
    RatingOption,
    Theme,
)


def framework_check(data: dict[str, Any]) -> None:
    """Every rule a framework file must pass, before anything is written."""
    rules.framework_is_complete(data)
    rules.scale_values_are_unique(data)
    rules.threshold_and_target_are_on_the_scale(data)
    rules.criterion_refs_are_unique(data)
    rules.everything_has_a_title(data)
    rules.levelled_criteria_have_a_level(data)


@transaction.atomic
def framework_load(*, data: dict[str, Any], by: Actor) -> Framework:
    """Load one framework version, all or nothing; a version already loaded is refused."""
    try:
        framework_check(data)
        return _framework_write(data, by)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValidationError(f"The framework file is incomplete or malformed: {error}") from error


def _framework_write(data: dict[str, Any], by: Actor) -> Framework:
    code, version = str(data["code"]).strip(), str(data["version"]).strip()
    if Framework.objects.filter(code=code, version=version).exists():
        raise ValidationError({"version": f"{code} version {version} is already loaded"})
    framework = Framework(
        code=code,
        version=version,
        title=data["title"],
        description=data.get("description") or "",
        source=data.get("source") or "",
        rule=data["rule"],
        threshold=int(data["threshold"]),
        target=int(data["target"]),
        level_names=list(data.get("levels") or []),
        loaded_by=acting_user(by),
    )
    framework.full_clean(exclude=["loaded_by"])
    save_recorded(framework, by)
    RatingOption.objects.bulk_create(
        RatingOption(
            framework=framework,
            value=int(o["value"]),
            label=o["label"],
            description=o.get("description") or "",
        )
        for o in data["scale"]
    )
    position = 0
    elements: list[Element] = []
    for t, theme_data in enumerate(data["themes"]):
        theme = Theme.objects.create(
            framework=framework,
            ref=str(theme_data.get("ref") or t + 1),
            title=theme_data["title"],
            description=theme_data.get("description") or "",
            position=t,
        )
        for criterion_data in theme_data.get("criteria", []):
            criterion = Criterion.objects.create(
                framework=framework,
                theme=theme,
                ref=str(criterion_data["ref"]),
                title=criterion_data["title"],
                description=criterion_data.get("description") or "",
                level=criterion_data.get("level"),
                position=position,
            )
            position += 1
            elements += [
                Element(
                    criterion=criterion, ref=str(e.get("ref", "")), title=e["title"], position=i
                )
                for i, e in enumerate(criterion_data.get("elements", []))
            ]
    Element.objects.bulk_create(elements)
    return framework


@transaction.atomic
def assessment_create(
    *,
    organisation: Organisation,
    framework: Framework,
    title: str,
    as_at: dt.date,
    by: Actor,
    unit: Unit | None = None,
) -> FrameworkAssessment:
    """A new assessment with a row for every criterion, so every criterion is always present."""
    assessment = FrameworkAssessment(
        organisation=organisation,
        unit=unit,
        framework=framework,
        title=title,
        as_at=as_at,
        created_by=acting_user(by),
    )
    save_recorded(assessment, by)
    CriterionRating.objects.bulk_create(
        CriterionRating(organisation=organisation, assessment=assessment, criterion=c)
        for c in framework.criteria.all()
    )
    return assessment


@transaction.atomic
def assessor_add(*, assessment: FrameworkAssessment, user: User, by: Actor) -> Assessor:
    found, _ = Assessor.objects.get_or_create(
        assessment=assessment, user=user, defaults={"organisation_id": assessment.organisation_id}
    )
    return found


def _scale(assessment: FrameworkAssessment) -> set[int]:
    return set(assessment.framework.scale.values_list("value", flat=True))


@transaction.atomic
def rating_set(
    *, rating: CriterionRating, value: int | None, commentary: str, by: Actor
) -> CriterionRating:
    assessment = rating.assessment
    rules.assessment_is_editable(assessment.status, assessment.is_editable)
    rules.rating_is_on_the_scale(value, _scale(assessment))
    rating.rating = value
    rating.commentary = commentary
    rating.rated_by = acting_user(by)
    save_recorded(rating, by)
    return rating


@transaction.atomic
def assessment_submit(*, assessment: FrameworkAssessment, by: Actor) -> FrameworkAssessment:
    rules.assessment_is_editable(assessment.status, assessment.is_editable)
    unrated = assessment.ratings.filter(rating__isnull=True).select_related("criterion")
    rules.every_criterion_is_rated([r.criterion.ref for r in unrated])
    assessment.status = FrameworkAssessment.Status.IN_REVIEW
    save_recorded(assessment, by)
    return assessment


@transaction.atomic
def assessment_review(
    *, assessment: FrameworkAssessment, agree: bool, comment: str, by: Actor
) -> FrameworkAssessment:
    """Agree the assessment or return it to the assessors with a comment."""
    rules.assessment_is_in_review(assessment.status)
    user = acting_user(by)
    is_assessor = user is not None and assessment.assessors.filter(user=user).exists()
    rules.reviewer_is_not_an_assessor(is_assessor)
    status = FrameworkAssessment.Status
    assessment.status = status.AGREED if agree else status.RETURNED
    assessment.review_comment = comment
    assessment.reviewed_by = user
    assessment.reviewed_on = timezone.localdate()
    save_recorded(assessment, by)
    return assessment


@transaction.atomic
def external_record(
    *,
    assessment: FrameworkAssessment,
    assessor_name: str,
    on: dt.date | None,
    summary: str,
    by: Actor,
) -> FrameworkAssessment:
    assessment.external_assessor = assessor_name
    assessment.external_on = on
    assessment.external_summary = summary
    save_recorded(assessment, by)
    return assessment


@transaction.atomic
def external_rating_set(
    *, rating: CriterionRating, value: int | None, commentary: str, by: Actor
) -> CriterionRating:
    """The external verdict may come after the self-assessment is agreed, so no edit lock."""
    rules.rating_is_on_the_scale(value, _scale(rating.assessment))
    rating.external_rating = value
    rating.external_commentary = commentary
    save_recorded(rating, by)
    return rating
