"""Recording values stores the status, arrows and reasons; the named rules guard people's input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.models import Measurement

from .conftest import MakeIndicator


def test_a_value_is_stored_with_its_status_direction_and_explanation(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q4 2008/09", value=D(30), by=officer)
    row = services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D(33), by=officer
    )
    assert (row.status, row.direction) == ("amber", "improving")
    assert row.explanation["status"]["sentence"] == (
        "Amber: 33.0% is below the target of 34% but within the 2-point tolerance"
    )
    assert row.explanation["direction"]["sentence"] == (
        "Improving: 33.0%, up from 30.0% in Q4 2008/09 (previous period)"
    )
    assert row.explanation["direction_year"]["sentence"] == (
        "Not comparable: there is no value for Q1 2008/09 (same period last year)"
    )
    assert row.entered_by == officer


def test_a_red_value_needs_a_note(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    with pytest.raises(ValidationError) as error:
        services.measurement_record(
            indicator=indicator, period="Q1 2009/10", value=D(20), by=officer
        )
    assert "note" in error.value.message_dict
    assert not Measurement.objects.exists()
    row = services.measurement_record(
        indicator=indicator,
        period="Q1 2009/10",
        value=D(20),
        note="Staff shortage in the contact centre",
        by=officer,
    )
    assert row.status == "red"


def test_a_late_value_for_last_quarter_updates_this_quarters_arrow(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q1 2009/10", value=D(35), by=officer)
    services.measurement_record(indicator=indicator, period="Q4 2008/09", value=D(36), by=officer)
    later = Measurement.objects.get(period_label="Q1 2009/10")
    assert later.direction == "worsening"


def test_a_new_target_recolours_existing_values(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q1 2009/10", value=D(35), by=officer)
    services.target_set(indicator=indicator, period="2009/10", value=D(40), by=officer)
    assert Measurement.objects.get().status == "red"


def test_a_ratio_is_worked_out_from_its_parts(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(
        council, definition={"numerator_label": "Accepted", "denominator_label": "Made"}
    )
    row = services.measurement_record(
        indicator=indicator, period="Q1 2009/10", numerator=D(9), denominator=D(10), by=officer
    )
    assert row.value == D(90)
    with pytest.raises(ValidationError):
        services.measurement_record(
            indicator=indicator, period="Q2 2009/10", numerator=D(9), denominator=D(0), by=officer
        )


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("June 2009", "This indicator is reported quarterly: enter a longer period"),
        ("Q1 2099/00", "Q1 2099/00 has not started yet"),
        ("sometime", 'Enter a period such as "Q1 2009/10", "2009/10" or "June 2009"'),
    ],
)
def test_the_period_must_suit_the_indicator(
    make_indicator: MakeIndicator, council: Organisation, officer: User, period: str, message: str
) -> None:
    indicator = make_indicator(council)
    with pytest.raises(ValidationError) as error:
        services.measurement_record(indicator=indicator, period=period, value=D(1), by=officer)
    assert error.value.message_dict["period"] == [message]


def test_a_value_is_required(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    with pytest.raises(ValidationError) as error:
        services.measurement_record(
            indicator=make_indicator(council), period="Q1 2009/10", by=officer
        )
    assert error.value.message_dict["value"] == ["Enter the value for the period"]


def test_a_revised_definition_marks_a_series_break(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q4 2008/09", value=D(30), by=officer)
    services.definition_revise(
        definition=indicator.definition, effective_from=dt.date(2009, 4, 1), by=officer
    )
    indicator.refresh_from_db()
    assert indicator.definition.version == 2
    row = services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D(35), by=officer
    )
    assert row.definition == indicator.definition
    assert row.direction == "not_comparable"
    assert row.explanation["direction"]["sentence"] == (
        "Not comparable: the definition changed between Q4 2008/09 and Q1 2009/10"
    )
    assert indicator.definition.history.count() == 1


def test_a_survey_indicator_is_compared_with_the_last_available_value(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council, definition={"frequency": "survey"}, target_period="2010")
    services.measurement_record(indicator=indicator, period="2008", value=D("33.9"), by=officer)
    row = services.measurement_record(indicator=indicator, period="2010", value=D(35), by=officer)
    assert row.direction == "improving"
    assert row.explanation["direction"]["sentence"] == (
        "Improving: 35.0%, up from 33.9% in 2008 (last available value)"
    )
    assert row.direction_year == "not_comparable"


def test_a_quarterly_count_that_sums_is_data_only_against_a_yearly_target(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(
        council, target="600", definition={"data_type": "number", "combine": "sum"}
    )
    row = services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D(120), by=officer
    )
    assert row.status == "data_only"


def test_only_one_target_per_period_is_primary(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.target_set(
        indicator=indicator, period="2009/10", value=D(38), name="stretch", by=officer
    )
    primary = indicator.targets.get(is_primary=True)
    assert primary.name == "stretch"
    row = services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D(35), note="Short", by=officer
    )
    assert row.status == "red"
