"""Opening hours: bank holidays, exceptions, and "open now" across midnight and clock changes."""

from __future__ import annotations

import datetime as dt

from stocktake.customers.hours import (
    LONDON,
    Pattern,
    Session,
    Special,
    describe,
    hours_on,
    is_open,
    week_of,
)

T = dt.time
WEEKDAYS = {d: (Session(T(9), T(17)),) for d in range(5)}
# A night line: Friday and Saturday 22:00 until 02:00 the next morning.
NIGHTS = {4: (Session(T(22), T(2)),), 5: (Session(T(22), T(2)),)}


def _at(
    year: int, month: int, day: int, hour: int, minute: int = 0, *, fold: int = 0
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON, fold=fold)


def test_an_office_is_open_in_its_hours_and_shut_outside_them() -> None:
    office = Pattern(WEEKDAYS, {})
    assert is_open(office, _at(2026, 3, 4, 9, 0))
    assert is_open(office, _at(2026, 3, 4, 16, 59))
    assert not is_open(office, _at(2026, 3, 4, 17, 0))
    assert not is_open(office, _at(2026, 3, 7, 12, 0))  # Saturday


def test_it_is_closed_on_a_bank_holiday_unless_told_otherwise() -> None:
    easter_monday = dt.date(2026, 4, 6)
    assert hours_on(Pattern(WEEKDAYS, {}), easter_monday).note == "Closed: Easter Monday"
    assert not is_open(Pattern(WEEKDAYS, {}), _at(2026, 4, 6, 10))
    assert is_open(Pattern(WEEKDAYS, {}, closed_on_bank_holidays=False), _at(2026, 4, 6, 10))


def test_bank_holidays_follow_the_region() -> None:
    st_andrews_day = _at(2026, 11, 30, 10)  # a Monday; a bank holiday in Scotland only
    assert is_open(Pattern(WEEKDAYS, {}, region="ENG"), st_andrews_day)
    assert not is_open(Pattern(WEEKDAYS, {}, region="SCT"), st_andrews_day)


def test_an_exception_overrides_the_week_and_the_bank_holiday() -> None:
    closure = Special(None, "Staff training")
    late = Special(Session(T(10), T(14)), "Council Tax bills week")
    pattern = Pattern(WEEKDAYS, {dt.date(2026, 3, 4): closure, dt.date(2026, 4, 6): late})
    assert not is_open(pattern, _at(2026, 3, 4, 10))
    assert is_open(pattern, _at(2026, 4, 6, 11))
    assert hours_on(pattern, dt.date(2026, 3, 4)).note == "Staff training"


def test_a_session_running_past_midnight_is_open_the_next_morning() -> None:
    line = Pattern(NIGHTS, {})
    assert is_open(line, _at(2026, 3, 6, 23, 30))  # Friday night
    assert is_open(line, _at(2026, 3, 7, 1, 30))  # early Saturday, still Friday's session
    assert not is_open(line, _at(2026, 3, 7, 2, 0))
    assert not is_open(line, _at(2026, 3, 9, 1, 0))  # Monday: no Sunday-night session


def test_the_night_the_clocks_go_back_both_one_thirties_are_open() -> None:
    line = Pattern(NIGHTS, {})  # Saturday 24 October 2026 22:00 → Sunday 02:00 GMT (5 hours)
    assert is_open(line, _at(2026, 10, 25, 1, 30, fold=0))  # BST
    assert is_open(line, _at(2026, 10, 25, 1, 30, fold=1))  # GMT, an hour later
    assert not is_open(line, _at(2026, 10, 25, 2, 0))
    utc_close = dt.datetime(2026, 10, 25, 2, 0, tzinfo=dt.UTC)
    assert not is_open(line, utc_close)
    assert is_open(line, utc_close - dt.timedelta(minutes=1))


def test_the_night_the_clocks_go_forward_the_session_is_an_hour_shorter() -> None:
    line = Pattern(NIGHTS, {})  # Saturday 28 March 2026 22:00 GMT → Sunday 02:00 BST
    assert is_open(line, dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC))  # 00:59 GMT
    # 01:00 UTC is 02:00 BST: closed, though a naive wall-clock sum would say 01:00 and open.
    assert not is_open(line, dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC))


def test_instants_in_any_zone_are_judged_by_london_time() -> None:
    office = Pattern(WEEKDAYS, {})
    # 08:30 UTC in July is 09:30 in London.
    assert is_open(office, dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.UTC))
    assert not is_open(office, dt.datetime(2026, 1, 7, 8, 30, tzinfo=dt.UTC))


def test_an_always_open_place_is_open_at_any_hour_even_christmas() -> None:
    web = Pattern({}, {}, always_open=True)
    assert is_open(web, _at(2026, 12, 25, 3, 0))
    assert describe(hours_on(web, dt.date(2026, 12, 25))) == "Open 24 hours"


def test_the_week_table_has_seven_days_from_monday_with_reasons() -> None:
    week = week_of(Pattern(WEEKDAYS, {}), dt.date(2026, 12, 24))
    assert [d.date.weekday() for d in week] == list(range(7))
    assert describe(week[0]) == "09:00 to 17:00"
    assert (describe(week[4]), week[4].note) == ("Closed", "Closed: Christmas Day")
    assert describe(week[6]) == "Closed"
