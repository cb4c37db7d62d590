"""Survey percentages with sample sizes: a change inside the 95% interval is not significant."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.models import Indicator, IndicatorDefinition
from stocktake.indicators.status import Comparison, Style, compute_direction, survey_interval

PERCENT = Style("percentage", 1)


def _direction(n_now: int | None, n_before: int | None) -> tuple[str, str]:
    result = compute_direction(
        value=D("34"),
        earlier=Comparison(D("31"), "2008/09", "last available value", True, n_before),
        polarity="higher",
        style=PERCENT,
        sample_size=n_now,
        period="2010/11",
    )
    return result.direction.value, result.explanation.sentence


def test_a_small_survey_change_within_the_interval_is_no_significant_change() -> None:
    direction, sentence = _direction(500, 500)
    assert direction == "no_change"
    assert "95% confidence interval for samples of 500 and 500" in sentence
    assert "±5.8" in sentence


def test_the_same_change_from_large_samples_is_improving() -> None:
    direction, sentence = _direction(5000, 5000)
    assert direction == "improving"
    assert sentence.startswith("Improving: 34.0%, up from 31.0%")


def test_without_sample_sizes_the_fixed_band_applies() -> None:
    assert _direction(None, 500)[0] == "improving"
    assert survey_interval(D("34"), 500, D("31"), None, PERCENT) is None
    assert survey_interval(D("34"), 500, D("31"), 500, Style("number")) is None


@pytest.mark.parametrize(("p1", "p2"), [("0", "100"), ("100", "100"), ("50", "0")])
def test_the_interval_is_defined_at_the_extremes(p1: str, p2: str) -> None:
    assert survey_interval(D(p1), 10, D(p2), 10, PERCENT) is not None


@pytest.mark.django_db
def test_recording_survey_results_stores_the_interval_in_the_explanation(
    council: Organisation, officer: User
) -> None:
    definition = IndicatorDefinition.objects.create(
        organisation=council,
        code="SX18",
        title="Satisfaction with complaint handling",
        data_type="percentage",
        polarity="higher",
        frequency="biennial",
        decimal_places=1,
        effective_from=dt.date(2000, 1, 1),
    )
    indicator = Indicator.objects.create(organisation=council, definition=definition)
    services.measurement_record(
        indicator=indicator, period="2006/07", value=D("31"), sample_size=400, by=officer
    )
    saved = services.measurement_record(
        indicator=indicator, period="2008/09", value=D("34"), sample_size=400, by=officer
    )
    assert saved.direction == "no_change"
    assert "confidence interval" in str(saved.explanation)
