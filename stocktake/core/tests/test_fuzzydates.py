"""The fuzzy-date grammar of council papers, by example and by property."""

# Council papers really do use en and em dashes, so the examples keep them.

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stocktake.core.fuzzydates import (
    FuzzyDate,
    Marker,
    Period,
    Precision,
    financial_year_of,
    parse_fuzzy_date,
    parse_period,
)
from stocktake.core.periods import MONTH_NAMES, month_end

D, M, Q, Y, R, N = (
    Precision.DAY,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.YEAR,
    Precision.RANGE,
    Precision.NONE,
)


def _d(text: str) -> date:
    return date.fromisoformat(text)


# text, start, end, precision, marker
EXAMPLES = [
    # days
    ("01/04/08", "2008-04-01", "2008-04-01", D, None),
    ("1/4/2008", "2008-04-01", "2008-04-01", D, None),
    ("3 June 2006", "2006-06-03", "2006-06-03", D, None),
    ("3rd June 2006", "2006-06-03", "2006-06-03", D, None),
    ("10 December 2008", "2008-12-10", "2008-12-10", D, None),
    ("2008-04-01", "2008-04-01", "2008-04-01", D, None),
    ("10-Dec-08", "2008-12-10", "2008-12-10", D, None),
    ("June 30, 2006", "2006-06-30", "2006-06-30", D, None),
    # months
    ("June 2006", "2006-06-01", "2006-06-30", M, None),
    ("Dec 06", "2006-12-01", "2006-12-31", M, None),
    ("Sept 2006", "2006-09-01", "2006-09-30", M, None),
    ("Sep-06", "2006-09-01", "2006-09-30", M, None),
    ("Jan 09", "2009-01-01", "2009-01-31", M, None),
    ("(Jan 09)", "2009-01-01", "2009-01-31", M, None),
    ("July 09", "2009-07-01", "2009-07-31", M, None),
    ("March 2008", "2008-03-01", "2008-03-31", M, None),
    ("end of June 2006", "2006-06-01", "2006-06-30", M, None),
    ("by end of March 2008", "2008-03-01", "2008-03-31", M, None),
    ("Mar-08", "2008-03-01", "2008-03-31", M, None),
    ("Feb 2008", "2008-02-01", "2008-02-29", M, None),
    ("<i>(November 2007)</i>", "2007-11-01", "2007-11-30", M, None),
    ("  SEPT.   2006 ", "2006-09-01", "2006-09-30", M, None),
    ("this may be done by June 2006", "2006-06-01", "2006-06-30", M, None),
    # quarters
    ("Q3 2009/10", "2009-10-01", "2009-12-31", Q, None),
    ("2009/10 Q3", "2009-10-01", "2009-12-31", Q, None),
    ("Q1 2008/09", "2008-04-01", "2008-06-30", Q, None),
    ("Q4 2008/09", "2009-01-01", "2009-03-31", Q, None),
    ("Q3 2009", "2009-07-01", "2009-09-30", Q, None),
    ("Q3", None, None, N, None),
    # years
    ("2009", "2009-01-01", "2009-12-31", Y, None),
    ("2009/10", "2009-04-01", "2010-03-31", Y, None),
    ("09/10", "2009-04-01", "2010-03-31", Y, None),
    ("2009-10", "2009-04-01", "2010-03-31", Y, None),
    ("FY2009/10", "2009-04-01", "2010-03-31", Y, None),
    ("99/00", "1999-04-01", "2000-03-31", Y, None),
    ("09/11", None, None, N, None),
    ("2007/8", "2007-04-01", "2008-03-31", Y, None),
    ("2009/0", "2009-04-01", "2010-03-31", Y, None),
    ("below 2007/8 level of 976", "2007-04-01", "2008-03-31", Y, None),
    ("Q3 2007/8", "2007-10-01", "2007-12-31", Q, None),
    ("07/8", None, None, N, None),
    # ranges
    ("Oct- Nov 2006 Dec – Mar 2007", "2006-10-01", "2007-03-31", R, None),
    ("Dec – Mar 2007", "2006-12-01", "2007-03-31", R, None),
    ("Initial findings – August 2006 December 2006", "2006-08-01", "2006-12-31", R, None),
    ("April 2009 – March 2010", "2009-04-01", "2010-03-31", R, None),
    ("2009/10 – 2011/12", "2009-04-01", "2012-03-31", R, None),
    ("2009 – 2010", "2009-01-01", "2010-12-31", R, None),
    ("Q3 – Q4 2009/10", "2009-10-01", "2010-03-31", R, None),
    ("June 2006 – Sept", "2006-06-01", "2006-09-30", R, None),
    ("Nov 2006 – Feb", "2006-11-01", "2007-02-28", R, None),
    ("3 June – 5 July 2006", "2006-06-03", "2006-07-05", R, None),
    (
        "10 December 2008 – completed 23 April 2009 – further report",
        "2008-12-10",
        "2009-04-23",
        R,
        None,
    ),
    # markers
    ("??", None, None, N, Marker.UNKNOWN),
    ("?", None, None, N, Marker.UNKNOWN),
    ("TBC", None, None, N, Marker.UNKNOWN),
    ("tbc", None, None, N, Marker.UNKNOWN),
    ("to be confirmed", None, None, N, Marker.UNKNOWN),
    ("not known", None, None, N, Marker.UNKNOWN),
    ("Ongoing", None, None, N, Marker.ONGOING),
    ("on-going", None, None, N, Marker.ONGOING),
    ("Continuous", None, None, N, Marker.CONTINUOUS),
    ("Completed", None, None, N, Marker.COMPLETED),
    ("Complete", None, None, N, Marker.COMPLETED),
    ("to be completed", None, None, N, None),
    ("", None, None, N, None),
    # invalid dates
    ("31/02/2008", None, None, N, None),
    ("13/13/13", None, None, N, None),
    ("30 February 2008", None, None, N, None),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "marker"), EXAMPLES)
def test_it_reads_the_dates_written_in_council_papers(
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


def test_it_keeps_an_absent_text_as_an_empty_raw() -> None:
    assert parse_fuzzy_date(None) == FuzzyDate("", None, None, Precision.NONE)


def test_it_reads_two_digit_years_as_this_century_below_seventy() -> None:
    assert parse_fuzzy_date("Jan 69").start == date(2069, 1, 1)
    assert parse_fuzzy_date("Jan 70").start == date(1970, 1, 1)
    assert parse_fuzzy_date("1/1/99").start == date(1999, 1, 1)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Jun 06", "June 2006"),
        ("3rd June 2006", "3 June 2006"),
        ("2009/10 Q3", "Q3 2009/10"),
        ("Q1 2010", "Q4 2009/10"),
        ("09/10", "2009/10"),
        ("2009", "2009"),
        ("Oct- Nov 2006 Dec – Mar 2007", "Oct 2006 – Mar 2007"),
        ("1 June 2006 – 15 June 2006", "1 Jun 2006 – 15 Jun 2006"),
        ("on going", "Ongoing"),
        ("to be confirmed", "TBC"),
        ("Q3", "Q3"),
    ],
)
def test_it_formats_each_precision_canonically(text: str, canonical: str) -> None:
    assert parse_fuzzy_date(text).format() == canonical


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2009/10", Period("2009/10", date(2009, 4, 1), date(2010, 3, 31), "financial_year")),
        ("09/10", Period("2009/10", date(2009, 4, 1), date(2010, 3, 31), "financial_year")),
        ("2009-10", Period("2009/10", date(2009, 4, 1), date(2010, 3, 31), "financial_year")),
        ("Q3 2009/10", Period("Q3 2009/10", date(2009, 10, 1), date(2009, 12, 31), "quarter")),
        ("2009/10 Q3", Period("Q3 2009/10", date(2009, 10, 1), date(2009, 12, 31), "quarter")),
        ("Q1 2008/09", Period("Q1 2008/09", date(2008, 4, 1), date(2008, 6, 30), "quarter")),
        ("June 2006", Period("June 2006", date(2006, 6, 1), date(2006, 6, 30), "month")),
        ("2009", Period("2009", date(2009, 1, 1), date(2009, 12, 31), "year")),
        ("3 June 2006", None),
        ("2009/10 – 2011/12", None),
        ("09/11", None),
        ("2007/8", Period("2007/08", date(2007, 4, 1), date(2008, 3, 31), "financial_year")),
        ("2009/0", Period("2009/10", date(2009, 4, 1), date(2010, 3, 31), "financial_year")),
        ("TBC", None),
    ],
)
def test_it_reads_reporting_periods(text: str, period: Period | None) -> None:
    assert parse_period(text) == period


def test_the_financial_year_turns_over_on_the_first_of_april() -> None:
    assert financial_year_of(date(2010, 3, 31)) == parse_period("2009/10")
    assert financial_year_of(date(2010, 4, 1)) == parse_period("2010/11")


# --- properties ----------------------------------------------------------------------------

SHORT = [name[:3] for name in MONTH_NAMES]
years = st.integers(1970, 2068)  # two-digit years are only unambiguous within the window
dates = st.dates(date(1970, 1, 1), date(2068, 12, 31))
# Joiners that leave no doubt where one date ends and the next begins.
joiners = st.sampled_from([" – ", " - ", " to ", " — ", "; ", " and ", " – completed "])


def _fields(fd: FuzzyDate) -> tuple[object, ...]:
    return fd.start, fd.end, fd.precision, fd.marker


def _month_word(month: int, draw: st.DrawFn) -> str:
    words = [MONTH_NAMES[month - 1], SHORT[month - 1], SHORT[month - 1] + "."]
    return draw(st.sampled_from([*words, "Sept"] if month == 9 else words))


def _ordinal(day: int) -> str:
    return {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day, "th")


@st.composite
def written_days(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    d = draw(dates)
    month = _month_word(d.month, draw)
    text = draw(
        st.sampled_from(
            [
                f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
                f"{d.day}/{d.month}/{d.year}",
                f"{d.day}.{d.month}.{d.year}",
                f"{d.day} {month} {d.year}",
                f"{d.day}{_ordinal(d.day)} {month} {d.year}",
                f"{d.day}-{SHORT[d.month - 1]}-{d.year % 100:02d}",
                f"{month} {d.day}, {d.year}",
                d.isoformat(),
            ]
        )
    )
    return text, FuzzyDate(text, d, d, Precision.DAY)


@st.composite
def written_months(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    y, m = draw(years), draw(st.integers(1, 12))
    word, yy = _month_word(m, draw), f"{y % 100:02d}"
    text = draw(
        st.sampled_from(
            [
                f"{word} {y}",
                f"{word} {yy}",
                f"{SHORT[m - 1]}-{yy}",
                f"end of {word} {y}",
                f"by end of {word} {y}",
                f"({word} {yy})",
            ]
        )
    )
    return text, FuzzyDate(text, date(y, m, 1), month_end(y, m), Precision.MONTH)


def _fy_texts(y: int) -> list[str]:
    return [
        f"{y}/{(y + 1) % 100:02d}",
        f"{y % 100:02d}/{(y + 1) % 100:02d}",
        f"{y}/{y + 1}",
        f"{y}/{(y + 1) % 10}",
    ]


@st.composite
def written_quarters(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    y, q = draw(years), draw(st.integers(1, 4))
    fy = draw(st.sampled_from(_fy_texts(y)))
    text = draw(st.sampled_from([f"Q{q} {fy}", f"{fy} Q{q}", f"q{q} {fy}", f"Quarter {q} {fy}"]))
    start = date(y + (q == 4), (3 * q + 1) % 12 or 12, 1)
    end = month_end(start.year, start.month + 2)
    return text, FuzzyDate(text, start, end, Precision.QUARTER)


@st.composite
def written_years(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    y = draw(years)
    if draw(st.booleans()):
        return str(y), FuzzyDate(str(y), date(y, 1, 1), date(y, 12, 31), Precision.YEAR)
    text = draw(st.sampled_from([*_fy_texts(y), f"{y}-{(y + 1) % 100:02d}"]))
    return text, FuzzyDate(text, date(y, 4, 1), date(y + 1, 3, 31), Precision.YEAR)


single_dates = st.one_of(written_days(), written_months(), written_quarters(), written_years())


@st.composite
def written_ranges(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    parts = draw(st.lists(single_dates, min_size=2, max_size=4))
    text = parts[0][0]
    for part, _ in parts[1:]:
        text += draw(joiners) + part
    start = min(fd.start for _, fd in parts if fd.start)
    end = max(fd.end for _, fd in parts if fd.end)
    return text, FuzzyDate(text, start, end, Precision.RANGE)


@st.composite
def month_ranges_sharing_a_year(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    """ "Dec – Mar 2007": the first month takes its year from the second, going back if need be."""
    y, last = draw(years), draw(st.integers(1, 12))
    first = last - draw(st.integers(0, 11))
    start = date(y - (first < 1), (first - 1) % 12 + 1, 1)
    joiner = draw(st.sampled_from(["-", " – ", "- ", " to "]))
    text = f"{_month_word(start.month, draw)}{joiner}{_month_word(last, draw)} {y}"
    return text, FuzzyDate(text, start, month_end(y, last), Precision.RANGE)


@st.composite
def markers(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    text, marker = draw(
        st.sampled_from(
            [
                ("??", Marker.UNKNOWN),
                ("TBC", Marker.UNKNOWN),
                ("to be confirmed", Marker.UNKNOWN),
                ("not known", Marker.UNKNOWN),
                ("Ongoing", Marker.ONGOING),
                ("on-going", Marker.ONGOING),
                ("Continuous", Marker.CONTINUOUS),
                ("Completed", Marker.COMPLETED),
                ("Complete", Marker.COMPLETED),
            ]
        )
    )
    return text, FuzzyDate(text, None, None, Precision.NONE, marker)


written = st.one_of(single_dates, written_ranges(), month_ranges_sharing_a_year(), markers())

# Loose text from the same vocabulary, most of it not a date at all.
fragments = st.one_of(
    st.sampled_from([*MONTH_NAMES, *SHORT, "Sept", "may", "Q3", "q", "FY", "end of", "by"]),
    st.sampled_from(["completed", "TBC", "??", "ongoing", "<i>", "</i>", "&ndash;", "&nbsp;"]),
    st.sampled_from(["-", "–", "—", "/", ".", ",", "(", ")", "'", "st", "th", "rd", "of"]),
    st.integers(0, 3000).map(str),
    st.integers(0, 99).map(lambda n: f"{n:02d}"),
)
grammar_text = st.lists(fragments, max_size=12).flatmap(
    lambda words: st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=len(words)).map(
        lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=False))
    )
)


def _is_consistent(fd: FuzzyDate) -> bool:
    if fd.precision is Precision.NONE:
        return fd.start is None and fd.end is None
    return fd.marker is None and fd.start is not None and fd.end is not None and fd.start <= fd.end


@given(st.text())
def test_it_never_raises_on_any_text(text: str) -> None:
    fd = parse_fuzzy_date(text)
    assert fd.raw == text
    assert _is_consistent(fd)


@given(grammar_text)
def test_it_never_raises_on_text_built_from_date_words(text: str) -> None:
    assert _is_consistent(parse_fuzzy_date(text))


@given(written)
def test_it_reads_every_generated_date_as_intended(case: tuple[str, FuzzyDate]) -> None:
    text, expected = case
    assert _fields(parse_fuzzy_date(text)) == _fields(expected)


@given(st.one_of(written, grammar_text, st.text()))
def test_reading_back_the_formatted_text_gives_the_same_date(case: object) -> None:
    text = case[0] if isinstance(case, tuple) else str(case)
    fd = parse_fuzzy_date(text)
    assert _fields(parse_fuzzy_date(fd.format())) == _fields(fd)


@given(written, st.sampled_from([str.upper, str.lower, str.title, str.swapcase]))
def test_it_ignores_letter_case(case: tuple[str, FuzzyDate], change: Callable[[str], str]) -> None:
    text, expected = case
    assert _fields(parse_fuzzy_date(change(text))) == _fields(expected)


@given(written, st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0"]), min_size=1))
def test_it_ignores_extra_whitespace(case: tuple[str, FuzzyDate], spaces: list[str]) -> None:
    text, expected = case
    words = text.split(" ")
    padded = spaces[0] + "".join(w + spaces[i % len(spaces)] for i, w in enumerate(words))
    assert _fields(parse_fuzzy_date(padded)) == _fields(expected)
