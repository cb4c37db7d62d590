"""Numbered steps in a due-date cell: "1. April 2009 2. May 2009 3. Ongoing".

Plan templates number the steps of an action and give each its month in the due column. Read
as running text, "3. May 2009" is the third of May and the cell a range from the first step to
the last, so the list markers are taken out first. The whole list is due when its last dated
step is, so that step gives the due date, at its own precision. A step that says only when it
starts ("From Jan 2009") is ongoing from then and gives no due date.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from stocktake.core.fuzzydates import _ANY_MONTH, _YY, _linked, _resolve, _rx, _scan, _Token
from stocktake.core.periods import Span

_ROMAN = r"i{1,3}|iv|vi{0,3}|ix|x"
_LABEL = rf"[0-9]{{1,2}}|[a-z]|{_ROMAN}"
# "1.", "2)", "(3)", "a.", "(iv)": at the start or after a space, and followed by a space.
_MARKER = _rx(rf"(?<!\S)(?:(?:{_LABEL})[.)]|\((?:{_LABEL})\))(?=\s)")
# "3. 5. 2009" is a day written with spaced full stops, not step 3.
_NUMERIC_DAY = _rx(rf"[0-9]{{1,2}}\s*([/.-])\s*[0-9]{{1,2}}\s*\1\s*{_YY}(?!\s*[/.-]\s*[0-9])")
# In "Dec 10. Review" the 10 is the year of December.
_AFTER_MONTH = _rx(rf"(?<![a-z]){_ANY_MONTH}[\s,.'-]*$")
_STARTS_AT = _rx(r"\b(?:from|since|starting|commencing|beginning)(?:\s+(?:in|on))?[\s:,-]*$")

Part = tuple[_Token, Span]


def _markers(text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    day_until = 0
    for m in _MARKER.finditer(text):
        if m.start() < day_until:
            continue
        if day := _NUMERIC_DAY.match(text, m.start()):
            day_until = day.end()
            continue
        label = m[0].strip("().")
        if len(label) == 2 and label.isdigit() and _AFTER_MONTH.search(text, 0, m.start()):
            continue
        found.append(m)
    return found


def _latest_step(parts: list[Part], text: str, starts: list[int]) -> list[Part]:
    by_step: dict[int, list[Part]] = {}
    for part in parts:
        by_step.setdefault(bisect_right(starts, part[0].start), []).append(part)
    due: list[tuple[Span, int]] = []
    for step, found in by_step.items():
        first = found[0][0]
        lead = text[starts[step - 1] if step else 0 : first.start]
        if len(found) == 1 and _STARTS_AT.search(lead):
            continue
        due.append(((min(s[0] for _, s in found), max(s[1] for _, s in found)), step))
    if not due:
        return []
    return by_step[max(due, key=lambda d: (d[0][1], d[1]))[1]]


def date_parts(cleaned: str) -> tuple[list[Part], bool]:
    """The dates that give the due date, and whether they are all only starts of steps.

    Outside a list every date counts, as it always has.
    """
    markers = _markers(cleaned)
    text = cleaned
    for m in markers:
        # A stop, not a space: in "Jan 09 2. May 2009" the 09 must stay January's year.
        text = text[: m.start()] + ";".ljust(len(m[0])) + text[m.end() :]
    parts = _resolve(_linked(_scan(text), text))
    is_list = bool(markers) and (markers[0].start() == 0 or len(markers) > 1)
    if not is_list:
        return parts, False
    due = _latest_step(parts, text, [m.start() for m in markers])
    return due, bool(parts) and not due
