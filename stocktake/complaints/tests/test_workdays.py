import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stocktake.complaints.workdays import (
    Region,
    add_working_days,
    is_working_day,
    working_days_between,
)

DAYS = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))


def test_acknowledging_over_christmas_skips_christmas_boxing_day_and_new_year() -> None:
    assert add_working_days(dt.date(2025, 12, 24), 5) == dt.date(2026, 1, 5)


def test_scotland_also_skips_the_second_of_january() -> None:
    assert add_working_days(dt.date(2025, 12, 24), 5, Region.SCOTLAND) == dt.date(2026, 1, 6)


def test_easter_monday_is_a_holiday_in_england_but_not_scotland() -> None:
    assert add_working_days(dt.date(2026, 4, 2), 1) == dt.date(2026, 4, 7)
    assert add_working_days(dt.date(2026, 4, 2), 1, Region.SCOTLAND) == dt.date(2026, 4, 6)


def test_boxing_day_on_a_saturday_moves_to_the_monday() -> None:
    assert not is_working_day(dt.date(2026, 12, 28))
    assert add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)


def test_northern_ireland_keeps_st_patricks_day() -> None:
    assert add_working_days(dt.date(2026, 3, 16), 1, Region.NORTHERN_IRELAND) == dt.date(
        2026, 3, 18
    )


def test_counting_between_dates_matches_adding() -> None:
    assert working_days_between(dt.date(2025, 12, 24), dt.date(2026, 1, 5)) == 5
    assert working_days_between(dt.date(2026, 1, 5), dt.date(2025, 12, 24)) == -5


def test_a_negative_number_of_days_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(dt.date(2026, 1, 5), -1)


@given(start=DAYS, days=st.integers(min_value=0, max_value=40), region=st.sampled_from(Region))
def test_adding_then_counting_gives_back_the_days(start: dt.date, days: int, region: str) -> None:
    end = add_working_days(start, days, region)
    assert working_days_between(start, end, region) == days
    if days:
        assert is_working_day(end, region)
        assert end > start


@given(start=DAYS, days=st.integers(min_value=0, max_value=30))
def test_one_more_working_day_is_always_later(start: dt.date, days: int) -> None:
    assert add_working_days(start, days + 1) > add_working_days(start, days)
