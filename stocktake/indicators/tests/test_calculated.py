"""Calculated indicators: safe formulas, worked out again whenever an input value is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.formulas import FormulaError, NotCalculable, calculate, names_in, parse
from stocktake.indicators.models import Indicator, Measurement

from .conftest import MakeIndicator


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('true')",
        "AVOIDABLE.real",
        "TOTAL ** 2",
        "AVOIDABLE // TOTAL",
        "'text'",
        "[1, 2]",
        "TOTAL if AVOIDABLE else 1",
        "AVOIDABLE; TOTAL",
        "lambda: 1",
        "True + 1",
        "100 * (AVOIDABLE",
    ],
)
def test_a_formula_may_hold_only_numbers_codes_arithmetic_and_brackets(formula: str) -> None:
    with pytest.raises(FormulaError):
        parse(formula)


def test_a_formula_is_worked_out_without_eval() -> None:
    tree = parse("100 * AVOIDABLE / (TOTAL - -0)")
    assert names_in(tree) == {"AVOIDABLE", "TOTAL"}
    assert calculate(tree, {"AVOIDABLE": D(30), "TOTAL": D(120)}) == D(25)
    assert calculate(parse("ni_14 + 1.5"), {"NI_14": D(2)}) == D("3.5")


def test_division_by_zero_and_missing_inputs_give_reasons() -> None:
    tree = parse("100 * AVOIDABLE / TOTAL")
    with pytest.raises(NotCalculable, match="divide by zero"):
        calculate(tree, {"AVOIDABLE": D(3), "TOTAL": D(0)})
    with pytest.raises(NotCalculable, match="TOTAL has no value"):
        calculate(tree, {"AVOIDABLE": D(3), "TOTAL": None})


@pytest.fixture
def trio(
    make_indicator: MakeIndicator, council: Organisation
) -> tuple[Indicator, Indicator, Indicator]:
    number = {"data_type": "number", "combine": "sum", "polarity": "data_only"}
    avoidable = make_indicator(council, target=None, definition=number | {"code": "AVOIDABLE"})
    total = make_indicator(council, target=None, definition=number | {"code": "NI 14 total"})
    share = make_indicator(
        council,
        target="20",
        tolerance=None,
        definition={
            "code": "NI 14",
            "polarity": "lower",
            "formula": "100 * AVOIDABLE / NI_14_TOTAL",
        },
    )
    return avoidable, total, share


def _value(indicator: Indicator, period: str, value: str, officer: User) -> None:
    services.measurement_record(indicator=indicator, period=period, value=D(value), by=officer)


def test_writing_an_input_recalculates_the_indicator_for_that_period(
    trio: tuple[Indicator, Indicator, Indicator], officer: User
) -> None:
    avoidable, total, share = trio
    _value(avoidable, "Q1 2009/10", "30", officer)
    row = Measurement.objects.get(indicator=share)
    assert row.value is None
    assert row.status == "no_data"
    assert row.explanation["status"]["sentence"] == (
        "Not calculated for Q1 2009/10: NI_14_TOTAL has no value "
        "(AVOIDABLE = 30; NI_14_TOTAL = no value)"
    )
    _value(total, "Q1 2009/10", "200", officer)
    row = Measurement.objects.get(indicator=share)
    assert row.value == D(15)
    assert row.status == "green"
    assert row.explanation["calculation"]["sentence"] == (
        "Calculated as 100 * AVOIDABLE / NI_14_TOTAL from AVOIDABLE = 30; NI_14_TOTAL = 200"
    )
    _value(avoidable, "Q1 2009/10", "50", officer)  # a correction flows through
    row.refresh_from_db()
    assert (row.value, row.status) == (D(25), "red")


def test_a_zero_denominator_gives_no_value_and_says_so(
    trio: tuple[Indicator, Indicator, Indicator], officer: User
) -> None:
    avoidable, total, share = trio
    _value(avoidable, "Q1 2009/10", "0", officer)
    _value(total, "Q1 2009/10", "0", officer)
    row = Measurement.objects.get(indicator=share)
    assert row.value is None
    assert "divide by zero (NI_14_TOTAL is 0)" in row.explanation["status"]["sentence"]
    _value(total, "Q1 2009/10", "10", officer)
    assert Measurement.objects.get(indicator=share).value == D(0)


def test_a_calculated_indicator_can_use_another_calculated_one(
    trio: tuple[Indicator, Indicator, Indicator],
    make_indicator: MakeIndicator,
    council: Organisation,
    officer: User,
) -> None:
    avoidable, total, _ = trio
    other = make_indicator(
        council, target=None, definition={"code": "UNAVOIDABLE", "formula": "100 - NI_14"}
    )
    _value(avoidable, "Q1 2009/10", "30", officer)
    _value(total, "Q1 2009/10", "200", officer)
    assert Measurement.objects.get(indicator=other).value == D(85)


def test_values_of_a_calculated_indicator_are_not_entered_by_hand(
    client: Client, trio: tuple[Indicator, Indicator, Indicator], officer: User
) -> None:
    share = trio[2]
    with pytest.raises(ValidationError, match="calculated from others"):
        _value(share, "Q1 2009/10", "12", officer)
    client.force_login(officer)
    page = client.get(reverse("indicators:indicator_detail", args=[share.uuid])).content.decode()
    assert "100 * AVOIDABLE / NI_14_TOTAL" in page
    assert "Enter a value" not in page


def test_an_unsafe_or_self_referring_formula_is_refused_when_the_definition_is_edited(
    trio: tuple[Indicator, Indicator, Indicator], officer: User
) -> None:
    share = trio[2]
    for formula, message in [("open('x')", "only numbers"), ("NI_14 + 1", "its own indicator")]:
        with pytest.raises(ValidationError, match=message):
            services.definition_edit(
                definition=share.definition,
                changes={"formula": formula},
                effective_from=None,
                by=officer,
            )


def test_a_new_formula_is_worked_out_for_the_periods_its_inputs_have(
    trio: tuple[Indicator, Indicator, Indicator], officer: User
) -> None:
    avoidable, total, share = trio
    _value(avoidable, "Q1 2009/10", "30", officer)
    _value(total, "Q1 2009/10", "200", officer)
    revised = services.definition_edit(
        definition=share.definition,
        changes={"formula": "AVOIDABLE / NI_14_TOTAL"},
        effective_from=dt.date(2009, 4, 1),
        by=officer,
    )
    assert revised.version == 2
    row = Measurement.objects.get(indicator=share)
    assert (row.value, row.definition) == (D("0.15"), revised)
