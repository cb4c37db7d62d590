"""Free-text statuses mapped to the contract's status code and the canonical progress status.

The raw text is always kept by the caller. Chasing notes ("Date Required", "Update Required")
are data-quality flags, not statuses, and a percentage is never read out of a status: "40% year
1 completed" is 40% of one year of the action, not of the whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FLAGS = [
    (
        re.compile(r"\bdate\s+required\b|\bdate\s+needed\b|\bneeds?\s+a\s+date\b", re.I),
        "date_required",
    ),
    (re.compile(r"\bupdate\s+(required|needed|awaited|due)\b", re.I), "update_required"),
    (re.compile(r"\bowner\s+required\b", re.I), "unassigned"),
]

# (pattern, contract status_code, canonical progress status, rag); first match wins.
_RULES: list[tuple[re.Pattern[str], str, str, str | None]] = [
    (re.compile(p, re.I), code, progress, rag)
    for p, code, progress, rag in [
        (r"^\W*(blue)\W*$", "complete", "complete", "blue"),
        (r"^\W*(red)\W*$", "behind", "in_progress", None),
        (r"^\W*(amber)\W*$", "at_risk", "in_progress", None),
        (r"^\W*(green)\W*$", "in_progress", "in_progress", "green"),
        (r"\bsuperseded\b", "cancelled", "superseded", None),
        (r"\btransferred\b", "cancelled", "transferred", None),
        (
            r"\b(cancell?ed|withdrawn|abandoned|no longer required)\b",
            "cancelled",
            "cancelled",
            None,
        ),
        (r"\b(on hold|paused|suspended|deferred|in abeyance)\b", "on_hold", "on_hold", None),
        (r"\bnot\s+(yet\s+)?(started|commenced|begun)\b", "not_started", "not_started", None),
        (r"\b(at risk|slipp(ing|ed)|delayed)\b", "at_risk", "in_progress", None),
        (r"\b(behind|overdue|outstanding|late)\b", "behind", "in_progress", None),
        (r"\d+\s*%|\bpartly\b|\bpartially\b|\byear \d\b", "in_progress", "in_progress", None),
        (
            r"^\W*(complete|completed|done|achieved|closed|finished|implemented)\W*$",
            "complete",
            "complete",
            "blue",
        ),
        (
            r"^\W*(project|action|work|review)\s+(complete|completed|undertaken)\W*$",
            "complete",
            "complete",
            "blue",
        ),
        (r"\b(on-?going|continuous|business as usual|bau)\b", "in_progress", "ongoing", None),
        (r"\bon track\b", "in_progress", "in_progress", "green"),
        (
            r"\b(in progress|underway|under way|started|in hand|progressing)\b",
            "in_progress",
            "in_progress",
            None,
        ),
        (r"\b(unknown|not known|tbc)\b", "unknown", "unknown", None),
    ]
]


@dataclass
class Status:
    code: str | None = None
    progress: str | None = None
    rag: str | None = None
    flags: list[str] = field(default_factory=list)


def read_status(raw: str | None) -> Status:
    text = " ".join((raw or "").split())
    if not text:
        return Status()
    flags = [flag for pattern, flag in _FLAGS if pattern.search(text)]
    rest = text
    for pattern, _ in _FLAGS:
        rest = pattern.sub(" ", rest)
    rest = " ".join(rest.split())
    if not rest.strip(" .,;:-"):
        return Status(flags=flags)
    for pattern, code, progress, rag in _RULES:
        if pattern.search(rest):
            return Status(code, progress, rag, flags)
    return Status("unknown", "unknown", None, flags)


def is_bare_status(text: str) -> bool:
    """A position that says nothing but a status ("Done", "Ongoing."), so it can stand for one."""
    words = text.strip(" .").split()
    return 0 < len(words) <= 3 and read_status(text).code not in (None, "unknown")
