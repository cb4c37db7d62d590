"""Periods as exports write them."""

from __future__ import annotations

import pytest

from stocktake.movein.periods import period_in


@pytest.mark.parametrize(
    ("text", "sheet", "date_periods", "label"),
    [
        ("Q1 2008/09", "", "", "Q1 2008/09"),
        ("2008/09 Q1", "", "", "Q1 2008/09"),
        ("Jun-08", "", "", "June 2008"),
        ("Jun-08", "", "quarter", "Q1 2008/09"),
        ("Mar-09", "", "financial_year", "2008/09"),
        ("30/06/2008", "", "quarter", "Q1 2008/09"),
        ("15/01/2009", "", "month", "January 2009"),
        ("Q3", "2008-09", "", "Q3 2008/09"),
        ("Feb", "2008/09", "", "February 2009"),
    ],
)
def test_periods_are_read_as_councils_write_them(
    text: str, sheet: str, date_periods: str, label: str
) -> None:
    period = period_in(text, sheet=sheet, date_periods=date_periods)
    assert period is not None
    assert period.label == label


def test_a_council_can_say_what_a_period_text_means() -> None:
    period = period_in("Qtr one 08", overrides={"Qtr one 08": "Q1 2008/09"})
    assert period is not None
    assert period.label == "Q1 2008/09"


def test_texts_that_name_no_period_give_none() -> None:
    assert period_in("Code") is None
    assert period_in("30/06/2008") is None
    assert period_in("Q2", sheet="Summary") is None
