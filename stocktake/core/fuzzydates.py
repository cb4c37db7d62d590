"""Fuzzy dates and periods as written in UK council papers.

Council action plans give due dates as free text: "Dec 06", "Q3 2009/10", "Oct- Nov 2006
Dec - Mar 2007", "TBC". General-purpose parsers misread that grammar (python-dateutil takes
"Dec 06" for 6 December of the current year), so this module reads it with a small hand-written
scanner. UK conventions apply throughout: day/month/year order, two-digit years in a sliding
window around 2000, and financial years running April to March.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stocktake.core.periods import (
    MONTH_NAMES,
    Period,
    Placer,
    Span,
    calendar_year_place,
    day_place,
    expand_year,
    financial_year_of,
    fy_label,
    fy_place,
    fy_quarter,
    fy_start_year,
    fy_start_year_of,
    month_abbr,
    month_end,
    month_number,
    month_place,
    quarter_place,
)

__all__ = [
    "FuzzyDate",
    "Marker",
    "Period",
    "Precision",
    "financial_year_of",
    "parse_fuzzy_date",
    "parse_period",
]


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"
    NONE = "none"


class Marker(StrEnum):
    """Words that are not dates but still say something about when."""

    ONGOING = "ongoing"
    CONTINUOUS = "continuous"
    COMPLETED = "completed"
    UNKNOWN = "unknown"


_EN_DASH = "\u2013"
_MARKER_TEXT = {
    Marker.ONGOING: "Ongoing",
    Marker.CONTINUOUS: "Continuous",
    Marker.COMPLETED: "Completed",
    Marker.UNKNOWN: "TBC",
}


@dataclass(frozen=True)
class FuzzyDate:
    raw: str
    start: date | None
    end: date | None
    precision: Precision
    marker: Marker | None = None

    def format(self) -> str:
        """Canonical text that parses back to the same start, end, precision and marker."""
        if self.marker is not None:
            return _MARKER_TEXT[self.marker]
        s, e = self.start, self.end
        if s is None or e is None:
            # Nothing was understood, so the writer's own words are the best rendering.
            return self.raw
        if self.precision is Precision.DAY:
            return f"{s.day} {MONTH_NAMES[s.month - 1]} {s.year}"
        if self.precision is Precision.MONTH:
            return f"{MONTH_NAMES[s.month - 1]} {s.year}"
        if self.precision is Precision.QUARTER:
            return f"Q{fy_quarter(s)} {fy_label(fy_start_year(s))}"
        if self.precision is Precision.YEAR:
            return fy_label(s.year) if s.month == 4 else str(s.year)
        # Whole months only when both ends are month-aligned: mixing "Jun 2006" with a day
        # inside June would widen the range when read back.
        if s.day == 1 and e == month_end(e.year, e.month):
            return f"{month_abbr(s)} {s.year} {_EN_DASH} {month_abbr(e)} {e.year}"
        return f"{s.day} {month_abbr(s)} {s.year} {_EN_DASH} {e.day} {month_abbr(e)} {e.year}"


_FLAGS = re.IGNORECASE | re.ASCII
_MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# (?![a-z]) rather than \b so that "3June2006" still splits while "mayor" does not match.
_MONTH = rf"({_MONTH_WORDS})(?![a-z])\.?"
_ANY_MONTH = rf"(?:{_MONTH_WORDS})(?![a-z])"
_ORD = r"(?:(?:st|nd|rd|th)(?![a-z]))"
_YEAR4 = r"(?:19|20)[0-9]{2}(?![0-9])"
_DAY = r"(3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_YY = rf"({_YEAR4}|[0-9]{{2}}(?![0-9]))"
# Two digits followed by a month name are that month's day ("Dec - 10 March"), not a year.
_YEAR = rf"({_YEAR4}|[0-9]{{2}}(?![0-9])(?!{_ORD}|\s*(?:of\s+)?{_ANY_MONTH}))"
# A spaced dash between two full years is a range of calendar years ("2009 - 2010"), but a
# two-digit second part cannot stand alone, so "2009 - 10" is still a financial year. Like
# "Dec - 10 March", "09-10 June" is a pair of days, not the financial year 2009/10. One digit
# after a full year and a slash is the next year's last digit ("2007/8" is 2007/08).
_FY = (
    rf"({_YEAR4}|[0-9]{{2}})(?:\s*/\s*|-|\s*-\s*(?=[0-9]{{2}}(?![0-9])))"
    rf"({_YEAR4}|[0-9]{{2}}|(?<=[0-9]{{4}}/)[0-9])"
    rf"(?![0-9]|\s*/\s*[0-9]|\.[0-9]|-[0-9]{{1,2}}(?![0-9/])"
    rf"|(?:\s*{_ORD}?\s*(?:of\s+)?|[.-]){_ANY_MONTH})"
)
_MONTH_YEAR = rf"{_MONTH}(?:[\s,.'-]*{_YEAR})?"
_QUARTER = r"(?:q|quarter\s*)([1-4])(?![0-9])"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


@dataclass(frozen=True)
class _Token:
    precision: Precision
    start: int  # offsets into the cleaned text, to judge the words between tokens
    end: int
    span: Span | None  # None while the writer left the year to be inferred
    place: Placer  # the span in a given (calendar or financial) year


def _token(
    m: re.Match[str], precision: Precision, place: Placer, year: int | None
) -> _Token | None:
    if year is None:
        return _Token(precision, m.start(), m.end(), None, place)
    span = place(year)
    return None if span is None else _Token(precision, m.start(), m.end(), span, place)


def _iso(m: re.Match[str]) -> _Token | None:
    if not 1 <= int(m[3]) <= 12:
        return None
    return _token(m, Precision.DAY, day_place(int(m[4]), int(m[3])), int(m[1]))


def _numeric(m: re.Match[str]) -> _Token | None:
    if not 1 <= int(m[3]) <= 12:
        return None
    return _token(m, Precision.DAY, day_place(int(m[1]), int(m[3])), expand_year(m[4]))


def _fy_then_quarter(m: re.Match[str]) -> _Token | None:
    y = fy_start_year_of(m[1], m[2])
    return None if y is None else _token(m, Precision.QUARTER, quarter_place(int(m[3]), 4), y)


def _quarter_then_fy(m: re.Match[str]) -> _Token | None:
    y = fy_start_year_of(m[2], m[3])
    return None if y is None else _token(m, Precision.QUARTER, quarter_place(int(m[1]), 4), y)


def _calendar_quarter(m: re.Match[str]) -> _Token | None:
    # "Q3 2009" names no financial year, so it is read literally as July-September 2009.
    return _token(m, Precision.QUARTER, quarter_place(int(m[1]), 1), int(m[2]))


def _bare_quarter(m: re.Match[str]) -> _Token | None:
    return _token(m, Precision.QUARTER, quarter_place(int(m[1]), 4), None)


def _day_month(m: re.Match[str]) -> _Token | None:
    place = day_place(int(m[1]), month_number(m[2]))
    return _token(m, Precision.DAY, place, None if m[3] is None else expand_year(m[3]))


def _month_day_year(m: re.Match[str]) -> _Token | None:
    return _token(m, Precision.DAY, day_place(int(m[2]), month_number(m[1])), int(m[3]))


def _month_year(m: re.Match[str]) -> _Token | None:
    place = month_place(month_number(m[1]))
    return _token(m, Precision.MONTH, place, None if m[2] is None else expand_year(m[2]))


def _financial_year(m: re.Match[str]) -> _Token | None:
    y = fy_start_year_of(m[1], m[2])
    return None if y is None else _token(m, Precision.YEAR, fy_place, y)


def _calendar_year(m: re.Match[str]) -> _Token | None:
    return _token(m, Precision.YEAR, calendar_year_place, int(m[1]))


# Tried in order at each token start; the first that builds a token wins. A pattern marked
# greedy swallows its text even when invalid, so that "31/02/2008" does not decay into
# something else ("02/20" is not wanted as a financial year).
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], _Token | None], bool]] = [
    # Both separators must agree, or "09/10-11/12" would be read as 9 October 2011.
    (_rx(rf"({_YEAR4})([-/.])([0-9]{{1,2}})\2([0-9]{{1,2}})(?![0-9])"), _iso, True),
    (_rx(rf"([0-9]{{1,2}})\s*([/.-])\s*([0-9]{{1,2}})\s*\2\s*{_YY}"), _numeric, True),
    # A quarter followed by a year of its own belongs to that year, and after a dash it starts
    # a new part: "2009/10 - Q3 2010/11" is two periods.
    (_rx(rf"{_FY}[\s,:]*{_QUARTER}(?!\s*(?:of\s+)?[0-9]{{2}})"), _fy_then_quarter, False),
    (_rx(rf"{_QUARTER}[\s,:-]*(?:of\s+)?{_FY}"), _quarter_then_fy, False),
    (_rx(rf"{_QUARTER}[\s,:-]*(?:of\s+)?({_YEAR4})"), _calendar_quarter, False),
    (_rx(_QUARTER), _bare_quarter, False),
    (_rx(rf"([0-9]{{1,2}}){_ORD}?[\s.-]*(?:of\s+)?{_MONTH_YEAR}"), _day_month, True),
    (
        _rx(rf"{_MONTH}[\s-]*{_DAY}{_ORD}?\s*,?\s*({_YEAR4})(?!\s*/\s*[0-9]|-[0-9])"),
        _month_day_year,
        True,
    ),
    (_rx(_MONTH_YEAR), _month_year, False),
    (_rx(_FY), _financial_year, False),
    (_rx(f"({_YEAR4})"), _calendar_year, False),
]


def _is_token_start(text: str, pos: int) -> bool:
    # A change between letters and digits also starts a token, for "FY2009/10" or "3June".
    c = text[pos]
    if not (c.isascii() and c.isalnum()):
        return False
    if pos == 0:
        return True
    p = text[pos - 1]
    return not (p.isascii() and p.isalnum()) or p.isdigit() != c.isdigit()


def _scan(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        nxt = pos + 1
        if _is_token_start(text, pos):
            for pattern, build, greedy in _PATTERNS:
                m = pattern.match(text, pos)
                if m is None:
                    continue
                token = build(m)
                if token is not None:
                    tokens.append(token)
                if token is not None or greedy:
                    nxt = max(m.end(), nxt)
                    break
        pos = nxt
    return tokens


_LINK = r"[\s,;:&/().'-]*"
_CONNECTOR = _rx(rf"{_LINK}(?:(?:to|and|until|till|through|thru|or)\b{_LINK})?")
_EXPLICIT = _rx(r"-|\b(?:to|until|till|through|thru)\b")


def _linked(tokens: list[_Token], text: str) -> list[_Token]:
    """Drop yearless tokens that are not written as part of a list or range.

    A lone month word is often not a date at all ("this may be done in June 2006"), so one
    without a year only counts when joined to a neighbouring date by nothing but punctuation
    or a connecting word.
    """
    kept = []
    for i, tok in enumerate(tokens):
        after = i + 1 < len(tokens) and _CONNECTOR.fullmatch(text[tok.end : tokens[i + 1].start])
        gap = text[tokens[i - 1].end : tok.start] if i > 0 else ""
        before = i > 0 and _CONNECTOR.fullmatch(gap) and _EXPLICIT.search(gap)
        if tok.span is not None or after or before:
            kept.append(tok)
    return kept


def _place_before(tok: _Token, anchor: Span) -> Span | None:
    # The latest occurrence not starting after the next date, "Dec - Mar 2007" being Dec 2006,
    # or lying within it: "Jan - 2007" is January 2007.
    for y in range(anchor[0].year + 1, anchor[0].year - 10, -1):
        span = tok.place(y)
        if span is not None and (span[0] <= anchor[0] or span[1] <= anchor[1]):
            return span
    return None


def _place_after(tok: _Token, anchor: Span) -> Span | None:
    # The earliest occurrence not ending before the previous date: "Nov 2006 - Feb" is Feb 2007.
    for y in range(anchor[1].year - 1, anchor[1].year + 10):
        span = tok.place(y)
        if span is not None and span[1] >= anchor[1]:
            return span
    return None


def _resolve(tokens: list[_Token]) -> list[tuple[_Token, Span]]:
    spans = [t.span for t in tokens]
    # A year written after a part applies to the parts before it that lack one; only parts at
    # the very end, with nothing after them, borrow from what came before.
    backwards = range(len(tokens) - 1, -1, -1)
    for order, place in ((backwards, _place_before), (range(len(tokens)), _place_after)):
        anchor: Span | None = None
        for i in order:
            if spans[i] is None and anchor is not None:
                spans[i] = place(tokens[i], anchor)
            anchor = spans[i] or anchor
    # Inference can stray outside the years _YEAR4 reads, where format() could not write it.
    return [
        (t, s)
        for t, s in zip(tokens, spans, strict=True)
        if s is not None and s[0].year >= 1900 and s[1].year <= 2099
    ]


_MARKER_WORDS = [
    (
        Marker.UNKNOWN,
        _rx(
            r"\b(?:tbc|tba|tbd|unknown|not\s+(?:yet\s+)?known"
            r"|to\s+be\s+(?:confirmed|agreed|advised|decided|determined))\b"
        ),
    ),
    (Marker.ONGOING, _rx(r"\bon-?\s?going\b")),
    (Marker.CONTINUOUS, _rx(r"\bcontinu(?:ous|ously|al|ally)\b")),
]
_PUNCTUATION_ONLY = re.compile(r"[\s.!?]*")
# Only "Complete(d)" standing alone: "to be completed" means the opposite.
_COMPLETED_ONLY = _rx(r"[\W_]*complete(?:d)?[\W_]*")
_TAG = re.compile(r"<[^<>]*>")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def _clean(text: str) -> str:
    # Tags become spaces so that removing them never glues two words into a date.
    text = html.unescape(_TAG.sub(" ", text))
    return " ".join(text.split()).translate(_DASHES)


def _marker(text: str) -> Marker | None:
    if "?" in text and _PUNCTUATION_ONLY.fullmatch(text):
        return Marker.UNKNOWN
    if _COMPLETED_ONLY.fullmatch(text):
        return Marker.COMPLETED
    found = [(m.start(), marker) for marker, rx in _MARKER_WORDS if (m := rx.search(text))]
    return min(found)[1] if found else None


def parse_fuzzy_date(text: str | None) -> FuzzyDate:
    """Read a due date or period as written in council papers; never raises.

    When several dates appear, whatever words lie between them, the result is a RANGE from the
    earliest start to the latest end; but a numbered list of steps is due with its latest dated
    step (see numbered_steps). Marker words only count when no date is found.
    """
    from stocktake.core.numbered_steps import date_parts  # it builds on this module

    raw = text or ""
    cleaned = _clean(raw)
    parts, only_starts = date_parts(cleaned)
    if not parts:
        marker = _marker(cleaned) or (Marker.ONGOING if only_starts else None)
        return FuzzyDate(raw, None, None, Precision.NONE, marker)
    precision = parts[0][0].precision if len(parts) == 1 else Precision.RANGE
    start = min(span[0] for _, span in parts)
    end = max(span[1] for _, span in parts)
    return FuzzyDate(raw, start, end, precision)


def parse_period(text: str) -> Period | None:
    """A single month, quarter, calendar year or financial year; None for anything else.

    Importers flag None as an unknown period; period_text.read_period says what is wrong.
    """
    from stocktake.core.period_text import PeriodError, read_period  # it builds on this module

    try:
        return read_period(text)
    except PeriodError:
        return None
