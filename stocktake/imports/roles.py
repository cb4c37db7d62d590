"""Column roles: what each header of a council table means.

Headers are matched after normalising case, punctuation and spacing, first against whole
synonyms and then against keyword patterns, so that "Target Date (end of)" and "Anticipated
Implementation Date" both read as a due date without listing every variant.

Besides the roles of the JSON contract, two more are used: `objective` (a grouping column such
as "Supporting Objective", whose values open sub-sections) and `steps` (a second action column,
"Actions" beside "Council Action", whose numbered lines become milestones).
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date

ROLES = (
    "ref", "text", "owner", "due", "status", "update", "future", "deliverable", "priority",
    "agreed", "date_added", "target", "supporting", "cabinet_member", "likelihood", "impact",
    "mitigation", "ignore", "objective", "steps",
)  # fmt: skip

_SYNONYMS: dict[str, str] = {
    "no": "ref",
    "ref": "ref",
    "id": "ref",
    "item": "ref",
    "action no": "ref",
    "action number": "ref",
    "action ref": "ref",
    "reference": "ref",
    "recommendation reference": "ref",
    "recommendation no": "ref",
    "rec no": "ref",
    "risk no": "ref",
    "risk ref": "ref",
    "pi code": "ref",
    "code": "ref",
    "action": "text",
    "actions": "text",
    "task": "text",
    "tasks": "text",
    "description": "text",
    "recommendation": "text",
    "recommendations": "text",
    "recommendation details": "text",
    "council action": "text",
    "issue": "text",
    "issues": "text",
    "risk": "text",
    "risks": "text",
    "risk description": "text",
    "milestone": "text",
    "milestones": "text",
    "measure": "text",
    "indicator": "text",
    "objective": "objective",
    "improvement objective": "text",
    "improvement or change objective": "text",
    "lead": "owner",
    "owner": "owner",
    "officer": "owner",
    "who": "owner",
    "responsibility": "owner",
    "responsible": "owner",
    "accountable officer": "owner",
    "timetable": "due",
    "timescale": "due",
    "timescales": "due",
    "deadline": "due",
    "due": "due",
    "when": "due",
    "by when": "due",
    "rag": "status",
    "agreed": "agreed",
    "accepted": "agreed",
    "agreed y n": "agreed",
    "comments": "update",
    "comment": "update",
    "notes": "update",
    "progress": "update",
    "outputs": "deliverable",
    "outcomes": "deliverable",
    "resources": "supporting",
    "resources used": "supporting",
    "supporting information": "supporting",
    "likelihood": "likelihood",
    "probability": "likelihood",
    "impact": "impact",
    "severity": "impact",
    "consequence": "impact",
}

# Tried in order on the normalised header; the first pattern that matches wins.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), role)
    for p, role in [
        (
            r"^(action|rec|recommendation|risk|item|task|ref|pi)\s*(no|number|ref|reference|id)$",
            "ref",
        ),
        (r"date (added|raised|identified)", "date_added"),
        (r"(situation|position|update|progress)\b.*\b(@|at|as at|as of)\b", "update"),
        (r"^(current|latest)\s+(position|situation|status|update|progress)", "update"),
        (r"(future|further|next)\s+(action|step)", "future"),
        (r"\bstatus\b", "status"),
        (r"\brag\b", "status"),
        (r"\b(cabinet member|portfolio)", "cabinet_member"),
        (r"\bpriority\b", "priority"),
        (r"\bagreed\b", "agreed"),
        (r"\blikelihood|probability\b", "likelihood"),
        (r"^impact", "impact"),
        (r"\bmitigat|\bcontrols?\b|\bcountermeasure", "mitigation"),
        (r"^(pi |performance )?targets?\b(?!\s*date)|\btarget or deadline\b", "target"),
        (r"^(19|20)?\d\d\s*/\s*\d\d(\d\d)?$", "target"),
        (
            r"target date|complet(ion|ed) (by|date)|implementation date|due date|deadline"
            r"|time ?scale|timetable|by when|end date",
            "due",
        ),
        (r"\b(lead|responsib|owner|accountable)", "owner"),
        (r"deliverable|outcome|output|success (measure|criteria)|evidence", "deliverable"),
        (r"supporting (information|info)|resources?", "supporting"),
        (r"supporting indicator|^actions?\b.*\b(required|to be taken|s)$", "steps"),
        (r"(supporting|service|strategic|sub)\s+objective", "objective"),
        (r"\b(performance indicator|indicator|smart (milestone|measure)|measure)\b", "text"),
        (r"(improvement|change|council|key)\s+(objective|action|task)", "text"),
        (r"^(recommendation|action|task|risk|issue)s?\b", "text"),
        (r"\b(update|comments?|progress|position|situation|commentary)\b", "update"),
    ]
]


def normalise(header: str) -> str:
    text = header.lower().replace("&", " and ").replace("@", " @ ")
    text = re.sub(r"[^\w@/ ]+", " ", text)
    return " ".join(text.split())


def role_of(header: str) -> str | None:
    """The role a header names, or None when it is not a header we know."""
    key = normalise(header)
    if not key or len(key) > 80 or re.search(r":\s*\S", header):
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    for pattern, role in _PATTERNS:
        if pattern.search(key):
            return role
    return None


def header_date(header: str) -> tuple[str, str] | None:
    """The as-at date a header names ("Situation @ August 2007"), as ISO end date and label."""
    fd = parse_fuzzy_date(header)
    if fd.end is None or fd.precision is Precision.RANGE:
        return None
    return fd.end.isoformat(), header


# Roles a reviewer chose for headers, for the preview being built now (see preview_document).
CHOSEN_ROLES: ContextVar[dict[str, str]] = ContextVar("chosen_roles", default={})  # noqa: B039


def assign_roles(headers: list[str]) -> list[str]:
    """Roles for a header row, settling columns that claim the same role.

    A role the reviewer chose for a header wins over what the header's words suggest.
    """
    roles = [role_of(h) or ("ignore" if h.strip() else "") for h in headers]
    seen_text = False
    for i, role in enumerate(roles):
        if role != "text":
            continue
        if seen_text:
            # A second action column beside the item's own ("Council Action" | "Actions")
            # lists the steps that deliver it.
            roles[i] = "steps"
        seen_text = True
    if "text" not in roles and "objective" in roles:
        roles[roles.index("objective")] = "text"
    for role in ("ref", "owner", "due", "status"):
        hits = [i for i, r in enumerate(roles) if r == role]
        for i in hits[1:]:
            roles[i] = "supporting" if role != "status" else "update"
    chosen = CHOSEN_ROLES.get()
    return [chosen.get(h, role) for h, role in zip(headers, roles, strict=True)]


def header_score(headers: list[str]) -> tuple[int, int]:
    """How many non-empty cells name a role, out of how many non-empty cells."""
    filled = [h for h in headers if h.strip()]
    return sum(1 for h in filled if role_of(h) is not None), len(filled)


def is_header(headers: list[str]) -> bool:
    known, filled = header_score(headers)
    if known < 2 or known * 10 < filled * 6:
        return False
    roles = {role_of(h) for h in headers}
    return bool(roles & {"text", "ref", "objective"}) and all(len(h) <= 80 for h in headers)
