"""Text outside tables: document metadata, narrative sections, and the lists in narrative
that are really items (risks written "a) Failure to … leading to …", the equality impact
assessment programme under HIGH / MEDIUM labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date

# Keys that describe the whole document, in the words papers use for them.
DOCUMENT_KEYS: dict[str, str] = {
    "title": "title",
    "report title": "title",
    "subject": "title",
    "committee": "committee",
    "meeting": "committee",
    "date": "date",
    "meeting date": "meeting_date",
    "date of meeting": "meeting_date",
    "report date": "date",
    "author": "author",
    "report author": "author",
    "agenda item": "agenda_item",
    "project title": "project_title",
    "project executive": "project_executive",
    "project sponsor": "project_sponsor",
    "project manager": "project_manager",
    "project team": "project_team",
    "aim": "aim",
    "aims": "aim",
    "portfolio holder s": "portfolio_holders",
    "portfolio holder": "portfolio_holders",
    "service": "service",
    "directorate": "directorate",
    "organisation": "organisation",
    "council": "organisation",
}
# Keys that describe the section they appear in.
SECTION_KEYS: dict[str, str] = {
    "service objective": "service_objective",
    "relevant council aim s": "aims",
    "relevant council aims": "aims",
    "relevant council approach es": "approaches",
    "relevant council approaches": "approaches",
    "relevant corporate objective s": "corporate_objectives",
    "relevant corporate objectives": "corporate_objectives",
    "relevant service priorities": "service_priorities",
    "relevant corporate objectives and service priorities": "corporate_objectives",
}
_KV = re.compile(r"^\s*([A-Za-z][A-Za-z /&'()-]{0,60}?)\s*:\s*(.*)$", re.S)
_COUNCILS = [
    re.compile(
        r"\b((?:[A-Z][a-z]+\s+){1,3}(?:District|Borough|County|City|Metropolitan Borough|Town"
        r"|Parish)\s+Council)\b"
    ),
    re.compile(r"\b((?:[A-Z]+\s+){1,3}(?:DISTRICT|BOROUGH|COUNTY|CITY|TOWN|PARISH)\s+COUNCIL)\b"),
]
_AS_AT = re.compile(
    r"\b(?:update|updated|as at|as of|position at|position as at|@|at)\s+"
    r"((?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]{3,9}\.?\s+\d{2,4})",
    re.I,
)
_LIST_REF = re.compile(r"^\(?([a-z]{1,2}|\d{1,2})[).]\s+(.*)$", re.S)
_PRIORITY_LABEL = re.compile(r"^(high|medium|low)(?:\s+priority)?\s*:?$", re.I)
_CAUSE = re.compile(r"\s*,?\s+\bleading to\b\s*", re.I)
_CONSEQUENCE = re.compile(r"\s*,?\s+\bresulting in\b\s*", re.I)
_NOT_PRIORITISED = re.compile(r"\b(not|never)\s+(?:been\s+)?prioriti[sz]ed\b", re.I)


def key_of(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower()).split())


def split_kv(text: str) -> tuple[str, str] | None:
    """("Committee", "Performance Select") from "Committee: Performance Select"."""
    m = _KV.match(text)
    if not m or len(m[1].split()) > 7:
        return None
    return m[1].strip(), m[2].strip()


def kv_target(text: str) -> tuple[str, str, str] | None:
    """("document" | "section", normalised key, value) for a metadata line we know."""
    kv = split_kv(text)
    if not kv:
        return None
    key = key_of(kv[0])
    if key in SECTION_KEYS:
        return "section", SECTION_KEYS[key], kv[1]
    if key in DOCUMENT_KEYS:
        return "document", DOCUMENT_KEYS[key], kv[1]
    return None


def council_name(text: str) -> str | None:
    for pattern in _COUNCILS:
        if m := pattern.search(text):
            words = [w for w in m[1].split() if w.lower() != "the"]
            return " ".join(w.capitalize() if w.isupper() else w for w in words)
    return None


def as_at_in(text: str) -> tuple[str, str] | None:
    """The as-at date a title or heading states ("… – Update March 2009"), as ISO and text."""
    for m in _AS_AT.finditer(text):
        fd = parse_fuzzy_date(m[1])
        if fd.end is not None and fd.precision is not Precision.RANGE:
            return fd.end.isoformat(), m[0]
    return None


def not_prioritised_note(texts: list[str]) -> str | None:
    for text in texts:
        if _NOT_PRIORITISED.search(text):
            return text
    return None


@dataclass
class Chunk:
    """Narrative under one heading, in document order."""

    heading: str | None
    lines: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)

    def text(self) -> str:
        return "\n".join(f"• {t}" if k == "bullet" else t for k, t in self.lines)


def risk_parts(text: str) -> dict[str, str]:
    """Cause, event and consequence of a risk phrased "X leading to Y resulting in Z"."""
    head, *consequence = _CONSEQUENCE.split(text, maxsplit=1)
    cause, *event = _CAUSE.split(head, maxsplit=1)
    parts = {"cause": cause.strip(" ,.;")}
    if event:
        parts["event"] = event[0].strip(" ,.;")
    if consequence:
        parts["consequence"] = consequence[0].strip(" ,.;")
    return parts


def list_items(chunk: Chunk) -> list[dict[str, Any]]:
    """Risks and equality assessments written as lists in the narrative of one heading."""
    heading = chunk.heading or ""
    entries = [(k, t) for k, t in chunk.lines if k in ("bullet", "paragraph")]
    items: list[dict[str, Any]] = []
    lettered = [(m[1], m[2]) for k, t in entries if k == "bullet" and (m := _LIST_REF.match(t))]
    causal = [t for _, t in lettered if _CAUSE.search(t) or _CONSEQUENCE.search(t)]
    if len(lettered) >= 2 and (
        re.search(r"\brisks?\b", heading, re.I) or len(causal) * 2 >= len(lettered)
    ):
        for ref, text in lettered:
            items.append({"kind": "risk", "ref": f"{ref})", "text": text, "risk": risk_parts(text)})
        return items
    whole = " ".join(t for _, t in entries)
    if re.search(r"impact assessment|\beqias?\b|\beias?\b", whole, re.I) or re.search(
        r"equalit", heading, re.I
    ):
        level: str | None = None
        for kind, text in entries:
            label = _PRIORITY_LABEL.match(text)
            if label:
                level = label[1].upper()
            elif kind == "bullet" and level:
                items.append(
                    {"kind": "equality_assessment", "ref": None, "text": text, "priority": level}
                )
            elif kind == "paragraph":
                level = None
    return items
