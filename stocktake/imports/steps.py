"""Numbered steps inside a cell become milestones, with the month given beside each step
("1. April 2009 2. May 2009" in the due column) or inside it ("… (Jan 09)")."""

from __future__ import annotations

import re
from typing import Any

from stocktake.core.fuzzydates import FuzzyDate, Precision, parse_fuzzy_date
from stocktake.imports.statuses import is_bare_status, read_status

_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(.*)$", re.S)
_INLINE_DATE = re.compile(
    r"\(((?:by|from|up to|in|before|end of)?\s*[^()]*?\d{2}[^()]*)\)\s*\.?$", re.I
)
_COMPLETED_ON = re.compile(
    r"\b(?:completed|complete|done|achieved)\s+(?:on\s+|in\s+)?(?P<date>[^–—;()]*\d[^–—;()]*)", re.I
)
_DATED_LINE = re.compile(r"^(?P<date>.+?)\s+[-–—:]\s+(?P<text>.+)$")
# Keys of the "supporting information" blocks in plan templates; run together on one line they
# can only be found by name, while a key starting a line can be any short phrase.
_SUPPORT_KEY = re.compile(
    r"(?:(?<=^)|(?<=\s))((?:additional\s+)?resources?(?:\s+(?:required|used))?|outputs?|outcomes?"
    r"|risks?|other\s+services\s+affected|costs?|funding|dependenc(?:y|ies)|benefits"
    r"|success\s+(?:measures?|criteria)|(?m:^[A-Z][A-Za-z /]{1,40}))\s*:(?=\s|$)",
    re.IGNORECASE,
)


def date_fields(fd: FuzzyDate) -> dict[str, Any]:
    return {
        "due_date": fd.end.isoformat() if fd.end else None,
        "due_start": fd.start.isoformat() if fd.start and fd.precision is Precision.RANGE else None,
        "due_precision": fd.precision.value,
    }


def combine(dates: list[FuzzyDate], raw: str) -> FuzzyDate:
    """One due date over several dated steps: from the first start to the last end."""
    known = [d for d in dates if d.start and d.end]
    if not known:
        return parse_fuzzy_date(raw)
    if len(known) == 1:
        return FuzzyDate(raw, known[0].start, known[0].end, known[0].precision)
    start = min(d.start for d in known if d.start)
    end = max(d.end for d in known if d.end)
    return FuzzyDate(raw, start, end, Precision.RANGE)


def numbered(lines: list[str]) -> dict[str, str]:
    return {m[1]: m[2].strip() for line in lines if (m := _NUMBERED.match(line))}


def milestones(step_lines: list[str], due_lines: list[str]) -> list[dict[str, Any]]:
    steps = numbered(step_lines)
    dues = numbered(due_lines)
    result: list[dict[str, Any]] = []
    pairs: list[tuple[str | None, str]]
    if steps:
        pairs = list(steps.items())
    else:
        pairs = [(None, line) for line in step_lines if not line.rstrip().endswith((":", ":-"))]
    for ref, text in pairs:
        due = dues.get(ref) if ref else None
        m = _INLINE_DATE.search(text) if due is None else None
        if m and parse_fuzzy_date(m[1]).precision is not Precision.NONE:
            due = m[1].strip()
        milestone: dict[str, Any] = {"ref": ref, "text": text, "due": due}
        milestone.update(date_fields(parse_fuzzy_date(due)) if due else {})
        milestone["completed_on"] = completed_on(text, None)
        result.append(milestone)
    return result


def completed_on(text: str, step_date: FuzzyDate | None) -> str | None:
    """The day a step was done, when the paper says so: "completed 23 April 2009" in the step,
    or a step dated in its own right that says only "completed"."""
    m = _COMPLETED_ON.search(text)
    if m:
        fd = parse_fuzzy_date(m["date"])
        if fd.end and fd.precision is not Precision.RANGE:
            return fd.end.isoformat()
    bare_done = is_bare_status(text) and read_status(text).code == "complete"
    if step_date is not None and step_date.end and bare_done:
        return step_date.end.isoformat()
    return None


def dated_lines(due_lines: list[str]) -> list[dict[str, Any]]:
    """Milestones written as "10 December 2008 – completed" lines in one due cell."""
    found = []
    for line in due_lines:
        m = _DATED_LINE.match(line)
        if not m:
            return []
        fd = parse_fuzzy_date(m["date"])
        if fd.precision is Precision.NONE:
            return []
        text = m["text"].strip()
        done = completed_on(text, fd)
        # A step that says only "completed" has no name but the line itself.
        entry: dict[str, Any] = {
            "ref": None,
            "text": line.strip() if done and is_bare_status(text) else text,
            "due": m["date"].strip(),
        }
        entry.update(date_fields(fd))
        code = read_status(text).code
        entry["status_code"] = "complete" if done else (None if code == "unknown" else code)
        entry["completed_on"] = done
        found.append(entry)
    return found if len(found) >= 2 else []


def supporting_info(text: str) -> dict[str, str]:
    """ "Outputs: … Outcomes: … Risks: …" into its parts; empty when the cell has no keys."""
    keys = list(_SUPPORT_KEY.finditer(text))
    if keys and keys[0].start() > 0:
        return {}
    if len(keys) < 2:
        return {}
    parts: dict[str, str] = {}
    for m, nxt in zip(keys, [*keys[1:], None], strict=True):
        value = text[m.end() : nxt.start() if nxt else len(text)].strip()
        key = "_".join(re.sub(r"[^a-z ]+", " ", m[1].lower()).split())
        parts[key] = value
    return parts
