"""Numbered steps in a due-date cell: markers are not days, the latest dated step is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth.models import User
from hypothesis import given
from hypothesis import strategies as st

from stocktake.accounts.models import Organisation
from stocktake.core.fuzzydates import FuzzyDate, Marker, Precision, parse_fuzzy_date
from stocktake.core.tests.test_fuzzydates import _fields, single_dates
from stocktake.plans import services as plans
from stocktake.plans.models import Plan

D, M, Q, R, N = (Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.RANGE, Precision.NONE)


def _d(text: str) -> date:
    return date.fromisoformat(text)


# A list marker is not a day; a list of dated steps is due when its latest step is.
NUMBERED_STEPS = [
    ("1. April 2009 2. April 2009 3. May 2009 4. Ongoing", "2009-05-01", "2009-05-31", M, None),
    (
        "1. April 2009\n2. April 2009\n3. May 2009\n4. Ongoing throughout the year",
        "2009-05-01",
        "2009-05-31",
        M,
        None,
    ),
    ("1. June 2009 2. Oct 2009 3. Jan 2010", "2010-01-01", "2010-01-31", M, None),
    ("1. April 2009", "2009-04-01", "2009-04-30", M, None),
    ("1. March 2008 2. Ongoing", "2008-03-01", "2008-03-31", M, None),
    ("1) June 2009 2) Oct 2009", "2009-10-01", "2009-10-31", M, None),
    ("(1) June 2009 (2) 3 Oct 2009", "2009-10-03", "2009-10-03", D, None),
    ("a. May 2009 b. Q3 2009/10", "2009-10-01", "2009-12-31", Q, None),
    ("i. Dec ii. Feb 2009", "2009-02-01", "2009-02-28", M, None),
    ("1. Jan 2010 2. June 2009", "2010-01-01", "2010-01-31", M, None),
    ("1. April – June 2009 2. 2008/09", "2009-04-01", "2009-06-30", R, None),
    ("<ol> 1. April 2009 2. May 2009 </ol>", "2009-05-01", "2009-05-31", M, None),
    # A step that only says when it starts is ongoing, not due then.
    ("1. Ongoing 2. From Jan 2009 3. Ongoing", None, None, N, Marker.ONGOING),
    ("1. From Jan 2009", None, None, N, Marker.ONGOING),
    ("1. From Jan 2009 2. Report by March 2009", "2009-03-01", "2009-03-31", M, None),
    ("1. Ongoing 2. Ongoing", None, None, N, Marker.ONGOING),
    ("1. Recruit officer 2. Map events", None, None, N, None),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "marker"), NUMBERED_STEPS)
def test_a_numbered_list_of_steps_is_due_with_its_latest_dated_step(
    text: str, start: str | None, end: str | None, precision: Precision, marker: Marker | None
) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.start, fd.end, fd.precision, fd.marker) == (
        _d(start) if start else None,
        _d(end) if end else None,
        precision,
        marker,
    )
    assert fd.raw == text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("3 May 2009", "2009-05-03"),
        ("3rd May 2009", "2009-05-03"),
        ("03/05/2009", "2009-05-03"),
        ("3.5.2009", "2009-05-03"),
        ("3. 5. 2009", "2009-05-03"),
        ("3.May 2009", "2009-05-03"),
        ("by 3 May 2009", "2009-05-03"),
        ("1. 3 May 2009", "2009-05-03"),
    ],
)
def test_a_real_day_is_still_read_as_a_day(text: str, day: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.start, fd.end, fd.precision) == (_d(day), _d(day), D)


def test_a_two_digit_year_before_a_full_stop_is_not_a_list_marker() -> None:
    fd = parse_fuzzy_date("Dec 10. Review Jan 11")
    assert (fd.start, fd.end, fd.precision) == (_d("2010-12-01"), _d("2011-01-31"), R)


def test_a_number_inside_a_sentence_is_not_a_day_when_it_marks_a_step() -> None:
    fd = parse_fuzzy_date("Consult residents 2. May 2009")
    assert (fd.start, fd.end, fd.precision) == (_d("2009-05-01"), _d("2009-05-31"), M)


@given(single_dates, st.sampled_from(["1. ", "3. ", "12. ", "2) ", "(3) ", "b. ", "iv. "]))
def test_a_numbered_step_is_due_on_its_own_date(case: tuple[str, FuzzyDate], marker: str) -> None:
    text, expected = case
    assert _fields(parse_fuzzy_date(marker + text)) == _fields(expected)


@given(st.lists(single_dates, min_size=1, max_size=4))
def test_a_list_of_dated_steps_is_due_with_the_step_that_ends_last(
    steps: list[tuple[str, FuzzyDate]],
) -> None:
    text = " ".join(f"{i}. {step}" for i, (step, _) in enumerate(steps, start=1))
    latest = max(enumerate(steps), key=lambda s: (s[1][1].end, s[0]))[1][1]
    assert _fields(parse_fuzzy_date(text)) == _fields(latest)


def test_an_action_whose_due_cell_lists_dated_steps_is_stored_as_due_with_its_last_step(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=0)
    due_text = "1. April 2009\n2. April 2009\n3. May 2009\n4. Ongoing throughout the year"
    action = plans.action_create(plan=plan, text="Attend events", due_text=due_text, by=officer)
    action.refresh_from_db()
    assert (action.due_date, action.due_precision) == (date(2009, 5, 31), "month")
    assert action.due_text == due_text
