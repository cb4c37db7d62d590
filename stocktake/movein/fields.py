"""What each kind of history row can hold, and the header words that suggest each field."""

from __future__ import annotations

import re

from .models import Kind

# field → (label, header spellings that suggest it, separated by |), in the form's order.
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    Kind.UPDATES: {
        "ref": (
            "Action reference",
            "ref|reference|action ref|action no|action number|action id|action code|code|id|no",
        ),
        "date": (
            "As-at date",
            "date|as at|as at date|update date|status date|progress date|period|"
            "reported|date of update",
        ),
        "position": (
            "Position (commentary)",
            "commentary|comment|comments|position|progress|update|"
            "progress update|latest note|note|notes|narrative",
        ),
        "status": (
            "Status",
            "status|progress status|task status|action status|icon|status icon",
        ),
        "rag": (
            "RAG",
            "rag|rag status|traffic light|brag|colour|rating",
        ),
        "future_action": (
            "Future action",
            "future action|next steps|next step|planned action",
        ),
        "author": (
            "Author",
            "author|updated by|entered by|by|officer|who",
        ),
        "title": (
            "Action text (for new actions)",
            "action|title|description|action title|action description|name",
        ),
        "owner": (
            "Owner (for new actions)",
            "owner|lead officer|responsible officer|assigned to|managed by|lead",
        ),
    },
    Kind.INDICATORS: {
        "code": (
            "Indicator code",
            "code|pi code|indicator code|measure code|pi|pi ref|ref|indicator id|"
            "kpi code|measure id|id",
        ),
        "period": (
            "Period",
            "period|period name|quarter|month|year|financial year|date|"
            "time period|reporting period",
        ),
        "value": (
            "Value",
            "value|actual|actual value|result|outturn|figure|data",
        ),
        "numerator": (
            "Numerator",
            "numerator",
        ),
        "denominator": (
            "Denominator",
            "denominator",
        ),
        "target": (
            "Target",
            "target|target value|period target",
        ),
        "note": (
            "Note",
            "note|notes|comment|comments|commentary|latest note",
        ),
        "entered_by": (
            "Entered by",
            "entered by|updated by|author|who entered|collector",
        ),
        "status": (
            "Status in the old system",
            "status|rag|traffic light|icon|status icon|score|performance status",
        ),
        "title": (
            "Indicator title (for new indicators)",
            "title|name|indicator|indicator name|pi name|measure|description|short name",
        ),
    },
    Kind.REVIEWS: {
        "ref": (
            "Risk reference",
            "ref|risk ref|reference|risk code|risk id|code|risk no|id",
        ),
        "date": (
            "Review date",
            "date|review date|reviewed|reviewed on|as at|assessment date",
        ),
        "likelihood": (
            "Likelihood",
            "likelihood|probability|current likelihood|residual likelihood|l",
        ),
        "impact": (
            "Impact",
            "impact|severity|current impact|residual impact|i",
        ),
        "note": (
            "Review note",
            "note|notes|comment|comments|commentary|review note|latest note",
        ),
        "reviewer": (
            "Reviewer",
            "reviewer|reviewed by|updated by|author|by",
        ),
        "title": (
            "Risk title (for new risks)",
            "title|risk|risk title|description|name",
        ),
        "owner": (
            "Owner (for new risks)",
            "owner|risk owner|managed by|lead|assigned to",
        ),
    },
}

REQUIRED: dict[str, tuple[str, ...]] = {
    Kind.UPDATES: ("ref", "date", "position"),
    Kind.INDICATORS: ("code",),
    Kind.REVIEWS: ("ref", "date"),
}
# Columns whose words are a vocabulary to be mapped to Stocktake's statuses.
VOCABULARY_FIELDS = ("status", "rag")


def normalise(header: str) -> str:
    return " ".join(re.sub(r"[_\-.:()/#]+", " ", header.lower()).split())


# field → words that suggest it anywhere in a header ("Note Date", "Last Review Date"), tried
# after the exact spellings. Not for an indicator's period: a date column beside periods across
# ("Last updated date") would hide the wide layout.
WITHIN: dict[str, dict[str, str]] = {
    Kind.UPDATES: {
        "ref": "ref|reference",
        "date": "date",
        "position": "commentary|comment|narrative|note|progress|update",
        "status": "status",
        "rag": "rag",
        "future_action": "next step|next steps",
        "author": "author",
        "title": "title|description",
        "owner": "owner",
    },
    Kind.INDICATORS: {
        "code": "code|ref",
        "value": "value|actual|outturn",
        "target": "target",
        "note": "note|comment|commentary",
        "title": "title|name",
    },
    Kind.REVIEWS: {
        "ref": "ref|reference",
        "date": "date",
        "likelihood": "likelihood",
        "impact": "impact",
        "note": "note|comment|commentary",
        "reviewer": "reviewer",
        "title": "title|description",
        "owner": "owner",
    },
}


def _within(words: str, header: str) -> bool:
    return f" {words} " in f" {header} "


def suggest_columns(kind: str, headers: list[str]) -> dict[str, str]:
    """field → header, by the header's words: first the headers spelled exactly as a field's
    list has it (the first spelling wins), then headers holding one of its words."""
    by_words = {normalise(h): h for h in headers if h.strip()}
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for field, (_, spellings) in FIELDS[kind].items():
        for words in spellings.split("|"):
            header = by_words.get(words)
            if header is not None and header not in taken:
                chosen[field] = header
                taken.add(header)
                break
    for field, spellings in WITHIN[kind].items():
        if field in chosen:
            continue
        found = (
            header
            for words in spellings.split("|")
            for normal, header in by_words.items()
            if header not in taken and _within(words, normal)
        )
        if (header := next(found, None)) is not None:
            chosen[field] = header
            taken.add(header)
    return chosen
