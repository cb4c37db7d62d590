"""Every status and direction rule, each with the sentence a councillor will read."""

# The expected sentences are long and read best whole, one case per line.
# ruff: noqa: E501

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from stocktake.indicators.status import (
    Comparison,
    Direction,
    Status,
    Style,
    TargetSpec,
    compute_direction,
    compute_status,
    direction_not_applicable,
)

PERCENT = Style("percentage", 1)
COUNT = Style("number", 0, "visits")
MONEY = Style("money", 2)


def _status(
    value: str | None, polarity: str, target: TargetSpec | None, style: Style = PERCENT
) -> tuple[Status, str]:
    result = compute_status(
        value=D(value) if value is not None else None,
        polarity=polarity,
        target=target,
        style=style,
        period="Q1 2009/10",
    )
    return result.status, result.explanation.sentence


def _target(
    value: str | None = "34", tolerance: str | None = "2", kind: str = "absolute", **kw: Any
) -> TargetSpec:
    return TargetSpec(
        value=D(value) if value is not None else None,
        tolerance=D(tolerance) if tolerance is not None else None,
        tolerance_kind=kind,
        period="2009/10",
        **kw,
    )


@pytest.mark.parametrize(
    ("value", "status", "sentence"),
    [
        ("36", Status.GREEN, "Green: 36.0% is above the target of 34%"),
        ("34", Status.GREEN, "Green: 34.0% meets the target of 34%"),
        ("33", Status.AMBER, "Amber: 33.0% is below the target of 34% but within the 2-point tolerance"),
        ("32", Status.AMBER, "Amber: 32.0% is below the target of 34% but within the 2-point tolerance"),
        ("31", Status.RED, "Red: 31.0% is below the target of 34% by more than the 2-point tolerance"),
    ],
)  # fmt: skip
def test_higher_is_better_with_an_absolute_tolerance(
    value: str, status: Status, sentence: str
) -> None:
    assert _status(value, "higher", _target()) == (status, sentence)


@pytest.mark.parametrize(
    ("value", "status", "sentence"),
    [
        ("3", Status.GREEN, "Green: 3.0% is below the target of 4%"),
        ("4", Status.GREEN, "Green: 4.0% meets the target of 4%"),
        ("5.5", Status.AMBER, "Amber: 5.5% is above the target of 4% but within the 2-point tolerance"),
        ("6.5", Status.RED, "Red: 6.5% is above the target of 4% by more than the 2-point tolerance"),
    ],
)  # fmt: skip
def test_lower_is_better_with_an_absolute_tolerance(
    value: str, status: Status, sentence: str
) -> None:
    assert _status(value, "lower", _target("4")) == (status, sentence)


@pytest.mark.parametrize(
    ("value", "status", "sentence"),
    [
        ("45", Status.GREEN, "Green: 45 visits meets the target of 45 visits"),
        ("43", Status.AMBER, "Amber: 43 visits is below the target of 45 visits but within the 10% tolerance (4.5 visits)"),
        ("40", Status.RED, "Red: 40 visits is below the target of 45 visits by more than the 10% tolerance (4.5 visits)"),
    ],
)  # fmt: skip
def test_a_percentage_tolerance_is_a_share_of_the_target(
    value: str, status: Status, sentence: str
) -> None:
    assert _status(value, "higher", _target("45", "10", "percent"), COUNT) == (status, sentence)


def test_lower_is_better_with_a_percentage_tolerance() -> None:
    assert _status("1050", "lower", _target("1000", "5", "percent"), MONEY) == (
        Status.AMBER,
        "Amber: £1,050.00 is above the target of £1000 but within the 5% tolerance (£50)",
    )


def test_an_absolute_tolerance_on_a_count_names_the_unit() -> None:
    assert _status("40", "higher", _target("45", "3"), COUNT) == (
        Status.RED,
        "Red: 40 visits is below the target of 45 visits by more than the tolerance of 3 visits",
    )


@pytest.mark.parametrize("tolerance", [None, "0"])
def test_without_a_tolerance_any_shortfall_is_red(tolerance: str | None) -> None:
    assert _status("33.9", "higher", _target("34", tolerance)) == (
        Status.RED,
        "Red: 33.9% is below the target of 34% and no tolerance is set",
    )


@pytest.mark.parametrize(
    ("value", "status", "sentence"),
    [
        ("5", Status.GREEN, "Green: 5.0% is within the band of 4% to 6%"),
        ("4", Status.GREEN, "Green: 4.0% is within the band of 4% to 6%"),
        ("6.5", Status.AMBER, "Amber: 6.5% is above the band of 4% to 6% but within the 1-point tolerance"),
        ("3.5", Status.AMBER, "Amber: 3.5% is below the band of 4% to 6% but within the 1-point tolerance"),
        ("2", Status.RED, "Red: 2.0% is below the band of 4% to 6% by more than the 1-point tolerance"),
    ],
)  # fmt: skip
def test_within_a_band(value: str, status: Status, sentence: str) -> None:
    assert _status(value, "band", _target("4", "1", upper=D(6))) == (status, sentence)


def test_a_band_without_tolerance_is_red_outside_it() -> None:
    assert _status("7", "band", _target("4", None, upper=D(6))) == (
        Status.RED,
        "Red: 7.0% is above the band of 4% to 6% and no tolerance is set",
    )


def test_a_data_only_indicator_has_no_colour_whatever_the_target() -> None:
    assert _status("31", "data_only", _target()) == (
        Status.DATA_ONLY,
        "Data only: 31.0% is reported for information; "
        "this indicator has no better direction, so it has no colour",
    )


@pytest.mark.parametrize("polarity", ["higher", "lower", "band", "data_only"])
def test_a_missing_value_is_no_data_for_every_polarity(polarity: str) -> None:
    assert _status(None, polarity, _target()) == (
        Status.NO_DATA,
        "No data: no value has been entered for Q1 2009/10",
    )


def test_a_value_without_a_target_is_data_only() -> None:
    assert _status("31", "higher", None) == (
        Status.DATA_ONLY,
        "Data only: there is no target for Q1 2009/10 to compare 31.0% with",
    )


def test_a_text_target_is_not_compared_with_a_number() -> None:
    target = _target(None, None, text="Set baseline")
    assert _status("2.1", "lower", target, Style("number", 1)) == (
        Status.DATA_ONLY,
        "Data only: the target “Set baseline” is not a number, so 2.1 is not compared with it",
    )


@pytest.mark.parametrize(
    ("value", "status", "sentence"),
    [
        ("1", Status.GREEN, "Green: achieved; the target for 2009/10 was “July 09”"),
        ("0", Status.RED, "Red: not achieved; the target for 2009/10 was “July 09”"),
    ],
)
def test_a_milestone_is_compared_as_achieved_or_not(
    value: str, status: Status, sentence: str
) -> None:
    target = _target(None, None, text="July 09")
    assert _status(value, "higher", target, Style("milestone")) == (status, sentence)


def test_a_yes_no_indicator_without_a_target_is_data_only() -> None:
    assert _status("1", "higher", None, Style("yes_no")) == (
        Status.DATA_ONLY,
        "Data only: achieved, and there is no target for Q1 2009/10",
    )


def test_a_level_target_reads_as_a_level() -> None:
    target = _target("2", "0", text="Level 2")
    assert _status("3", "higher", target, Style("level")) == (
        Status.GREEN,
        "Green: Level 3 is above the target of Level 2",
    )


def test_a_quarters_sum_is_not_compared_with_a_years_target() -> None:
    result = compute_status(
        value=D(120),
        polarity="higher",
        target=_target("600"),
        style=COUNT,
        period="Q1 2009/10",
        combine="sum",
        target_is_longer=True,
    )
    assert result.status == Status.DATA_ONLY
    assert result.explanation.sentence == (
        "Data only: the target of 600 visits is for 2009/10 as a whole, "
        "so the total for Q1 2009/10 is not compared with it"
    )


def test_the_explanation_carries_the_rule_target_and_numbers() -> None:
    result = compute_status(
        value=D(31), polarity="higher", target=_target(), style=PERCENT, period="Q1"
    )
    data = result.explanation.as_json()
    assert data["rule"] == "higher_is_better"
    assert data["outcome"] == "red"
    assert data["numbers"]["target"] == "34%"
    assert data["numbers"]["tolerance"] == "2 points"
    assert data["numbers"]["target_period"] == "2009/10"


# ---------------------------------------------------------------- direction


def _direction(
    value: str | None,
    earlier: str | None,
    polarity: str = "higher",
    band: str | None = None,
    **kw: Any,
) -> tuple[Direction, str]:
    result = compute_direction(
        value=D(value) if value is not None else None,
        earlier=Comparison(D(earlier) if earlier is not None else None, "Q4 2008/09", **kw),
        polarity=polarity,
        style=PERCENT,
        no_change_band=D(band) if band is not None else None,
        target=TargetSpec(D(4), upper=D(6)),
        period="Q1 2009/10",
    )
    return result.direction, result.explanation.sentence


@pytest.mark.parametrize(
    ("polarity", "value", "earlier", "direction", "sentence"),
    [
        ("higher", "36", "33.9", Direction.IMPROVING, "Improving: 36.0%, up from 33.9% in Q4 2008/09 (previous period)"),
        ("higher", "31", "33.9", Direction.WORSENING, "Worsening: 31.0%, down from 33.9% in Q4 2008/09 (previous period)"),
        ("lower", "31", "33.9", Direction.IMPROVING, "Improving: 31.0%, down from 33.9% in Q4 2008/09 (previous period)"),
        ("lower", "36", "33.9", Direction.WORSENING, "Worsening: 36.0%, up from 33.9% in Q4 2008/09 (previous period)"),
        ("higher", "34", "34", Direction.NO_CHANGE, "No significant change: 34.0%, the same as in Q4 2008/09 (previous period)"),
        ("band", "5", "8", Direction.IMPROVING, "Improving: 5.0%, down from 8.0% in Q4 2008/09 (previous period)"),
        ("band", "9", "7", Direction.WORSENING, "Worsening: 9.0%, up from 7.0% in Q4 2008/09 (previous period)"),
        ("band", "5.5", "4.5", Direction.NO_CHANGE, "No significant change: 5.5% against 4.5% in Q4 2008/09 (previous period)"),
    ],
)  # fmt: skip
def test_direction_for_each_polarity(
    polarity: str, value: str, earlier: str, direction: Direction, sentence: str
) -> None:
    assert _direction(value, earlier, polarity) == (direction, sentence)


def test_a_change_inside_the_no_significant_change_band_is_no_change() -> None:
    assert _direction("34.5", "34", band="1") == (
        Direction.NO_CHANGE,
        "No significant change: 34.5% against 34.0% in Q4 2008/09 (previous period), "
        "within the ±1 point band",
    )


def test_a_change_beyond_the_band_counts() -> None:
    assert _direction("35.5", "34", band="1")[0] == Direction.IMPROVING


def test_a_missing_earlier_value_is_not_comparable() -> None:
    assert _direction("34", None) == (
        Direction.NOT_COMPARABLE,
        "Not comparable: there is no value for Q4 2008/09 (previous period)",
    )


def test_a_missing_value_is_not_comparable() -> None:
    assert _direction(None, "34") == (
        Direction.NOT_COMPARABLE,
        "Not comparable: there is no value for Q1 2009/10",
    )


def test_no_earlier_period_at_all_is_not_comparable() -> None:
    result = compute_direction(
        value=D(1), earlier=None, polarity="higher", style=PERCENT, period="Q1"
    )
    assert result.direction == Direction.NOT_COMPARABLE
    assert result.explanation.sentence == (
        "Not comparable: there is no earlier value to compare with"
    )


def test_values_either_side_of_a_series_break_are_not_comparable() -> None:
    assert _direction("36", "30", same_definition=False) == (
        Direction.NOT_COMPARABLE,
        "Not comparable: the definition changed between Q4 2008/09 and Q1 2009/10",
    )


def test_a_data_only_indicator_has_no_better_direction() -> None:
    assert _direction("36", "30", "data_only") == (
        Direction.NOT_COMPARABLE,
        "Not comparable: this indicator has no better direction "
        "(36.0% against 30.0% in Q4 2008/09 (previous period))",
    )


def test_a_survey_is_compared_with_the_last_available_value_and_says_so() -> None:
    result = compute_direction(
        value=D("36"),
        earlier=Comparison(D("33.9"), "2008", basis="last available value"),
        polarity="higher",
        style=PERCENT,
        period="2010",
    )
    assert result.explanation.sentence == (
        "Improving: 36.0%, up from 33.9% in 2008 (last available value)"
    )


def test_a_band_indicator_without_a_band_is_not_comparable() -> None:
    result = compute_direction(
        value=D(1),
        earlier=Comparison(D(2), "Q4"),
        polarity="band",
        style=PERCENT,
        target=None,
    )
    assert result.explanation.sentence == (
        "Not comparable: there is no target band to judge the change by"
    )


def test_a_comparison_that_does_not_apply_says_why() -> None:
    result = direction_not_applicable("survey indicators are compared with the last value")
    assert result.direction == Direction.NOT_COMPARABLE
    assert result.explanation.sentence == (
        "Not comparable: survey indicators are compared with the last value"
    )
