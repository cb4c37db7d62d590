"""A period is read exactly or refused with a reason, never read as some other period."""

from __future__ import annotations

from datetime import date

import pytest

from stocktake.core.fuzzydates import parse_period
from stocktake.core.period_text import PeriodError, read_period


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Q5 2009/10", "There is no quarter 5"),
        ("Q0 2009/10", "There is no quarter 0"),
        ("Quarter 7 of 2009/10", "There is no quarter 7"),
        ("Q1 2009/12", "2009/12 is not a financial year"),
        ("2009/11", "the second year must follow the first, as in 2009/10"),
        ("Q2 09/12", "09/12 is not a financial year"),
        ("13/2009", "There is no month 13"),
        ("1/4/2009", "is not a single month, quarter or year"),
        ("Q1", "Enter a period such as"),
        ("sometime", "Enter a period such as"),
        ("", "Enter a period such as"),
    ],
)
def test_an_impossible_period_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason):
        read_period(text)
    assert parse_period(text) is None


def test_the_reported_nonsense_periods_are_no_longer_read_as_other_periods() -> None:
    # QA: "Q5 2009/10" was stored as the year 2009/10, "Q1 2009/12" as Q4 2008/09.
    assert parse_period("Q5 2009/10") is None
    assert parse_period("Q1 2009/12") is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Q1 2009/10", "Q1 2009/10"),
        ("quarter 4 of 09/10", "Q4 2009/10"),
        ("2009/10 Q2", "Q2 2009/10"),
        ("2009/2010", "2009/10"),
        ("FY2009/10", "2009/10"),
        ("Financial year 2009-10", "2009/10"),
        ("June 2009", "June 2009"),
        ("Jun-09", "June 2009"),
        ("06/2009", "June 2009"),
        ("2009", "2009"),
    ],
)
def test_a_person_may_write_a_period_in_the_usual_ways(text: str, label: str) -> None:
    assert read_period(text, strict=True).label == label


def test_a_month_number_with_a_year_is_that_month_not_the_whole_year() -> None:
    june = read_period("06/2009")
    assert (june.start, june.end, june.kind) == (date(2009, 6, 1), date(2009, 6, 30), "month")


@pytest.mark.parametrize("text", ["Smarch 2009", "Q1 2009/10 5", "NI14 2009/10"])
def test_typed_entry_refuses_words_that_are_not_part_of_a_period(text: str) -> None:
    with pytest.raises(PeriodError, match="is not part of a period"):
        read_period(text, strict=True)


def test_importers_still_read_a_period_from_a_heading_with_other_words() -> None:
    heading = parse_period("Target 2009/10")
    sheet = parse_period("NI14 2009-10")
    assert heading is not None
    assert heading.label == "2009/10"
    assert sheet is not None
    assert sheet.label == "2009/10"
