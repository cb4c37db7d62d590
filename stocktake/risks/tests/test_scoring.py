from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation
from stocktake.risks import services
from stocktake.risks.models import Band, ScoringMatrix


def _matrix(preset: str) -> ScoringMatrix:
    likelihood, impact, amber, red = services.MATRIX_PRESETS[preset]
    return ScoringMatrix(
        name=preset,
        likelihood_levels=likelihood,
        impact_levels=impact,
        amber_from=amber,
        red_from=red,
    )


def test_the_words_scale_scores_likelihood_times_impact() -> None:
    matrix = _matrix("Low / Medium / High")
    low, medium = matrix.level_of("likelihood", "Low"), matrix.level_of("impact", "Medium")
    assert (low, medium) == (1, 2)
    assert matrix.score(low, medium) == 2
    assert matrix.band(2) == Band.GREEN
    assert matrix.band(matrix.score(2, 2)) == Band.AMBER
    assert matrix.band(matrix.score(3, 2)) == Band.RED
    assert matrix.max_score == 9


def test_levels_are_read_by_name_number_or_unique_prefix() -> None:
    matrix = _matrix("Low / Medium / High")
    assert matrix.level_of("impact", " high ") == 3
    assert matrix.level_of("impact", "MED") == 2
    assert matrix.level_of("impact", "2") == 2
    assert matrix.level_of("impact", "4") is None
    assert matrix.level_of("impact", "Severe") is None
    assert matrix.level_of("impact", "") is None


def test_a_custom_five_point_scale_has_its_own_bands() -> None:
    matrix = _matrix("1–5")
    assert matrix.max_score == 25
    assert matrix.level_of("likelihood", "Almost certain") == 5
    assert matrix.score(5, 5) == 25
    assert [matrix.band(s) for s in (4, 5, 11, 12, 25)] == ["green", "amber", "amber", "red", "red"]
    assert matrix.band(None) == Band.NONE
    assert matrix.level_name("impact", 4) == "Major"


def test_a_four_point_scale_is_available() -> None:
    matrix = _matrix("1–4")
    assert matrix.max_score == 16
    assert matrix.band(matrix.score(3, 3)) == Band.RED


def test_a_default_matrix_is_created_when_none_exists(council: Organisation) -> None:
    matrix = services.matrix_for(organisation=council)
    assert matrix.pk is not None
    assert matrix.likelihood_levels == ["Low", "Medium", "High"]
    assert services.matrix_for(organisation=council) == matrix


def test_a_council_can_use_its_own_scale_and_review_period(
    council: Organisation, officer: User
) -> None:
    matrix = services.matrix_create(
        organisation=council,
        name="Corporate 5×5",
        likelihood_levels=["1", "2", "3", "4", "5"],
        impact_levels=["1", "2", "3", "4", "5"],
        amber_from=6,
        red_from=15,
        review_days=30,
        is_default=True,
        by=officer,
    )
    assert services.matrix_for(organisation=council) == matrix
    risk = services.risk_create(
        organisation=council,
        title="Snap election",
        residual_likelihood=5,
        residual_impact=3,
        mitigation="Reserve list of staff",
        owner_person=officer.person,
        by=officer,
    )
    assert risk.matrix == matrix
    assert risk.residual_score == 15
    assert risk.residual_band == Band.RED
    assert (risk.review_due_on - risk.last_reviewed_on).days == 30  # type: ignore[operator]


def test_bands_must_rise_within_the_matrix(council: Organisation, officer: User) -> None:
    with pytest.raises(ValidationError):
        services.matrix_create(
            organisation=council,
            name="Bad",
            likelihood_levels=["L", "H"],
            impact_levels=["L", "H"],
            amber_from=3,
            red_from=2,
            by=officer,
        )
    with pytest.raises(ValidationError):
        services.matrix_create(
            organisation=council,
            name="One level",
            likelihood_levels=["Only"],
            impact_levels=["L", "H"],
            amber_from=1,
            red_from=2,
            by=officer,
        )
