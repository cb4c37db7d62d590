"""The tree of sections a document's headings, group rows and objective columns make."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_REF = re.compile(
    r"^(?:(?:objective|section|part|theme|priority|aim|group|recommendation)\s+)?"
    r"(\d+(?:\.\d+)*|[IVXLC]+|[A-Za-z])\s*[:.)]\s+",
    re.IGNORECASE,
)


@dataclass
class Section:
    title: str
    level: int
    parent: Section | None
    ref: str | None = None
    used: bool = False
    origin: str = "heading"
    metadata: dict[str, Any] = field(default_factory=dict)
    # Codes of the council priorities the section cites (see aims.py).
    priorities: list[str] = field(default_factory=list)

    def mark_used(self) -> None:
        node: Section | None = self
        while node is not None:
            node.used = True
            node = node.parent


def _family(title: str) -> str | None:
    key, colon, _ = title.partition(":")
    return key if colon and key.isupper() and len(key.split()) <= 5 else None


def section_ref(title: str) -> str | None:
    m = _REF.match(title)
    return m[1] if m else None


class Sections:
    def __init__(self) -> None:
        self.all: list[Section] = []
        self.stack: list[Section] = []
        # True right after a repeated page heading, until a row or a new section follows.
        self.repeated = False

    def open(self, title: str, level: int, origin: str = "heading") -> Section:
        title = " ".join(title.split()).rstrip(":").strip()
        if level == 0 and self.stack and self.stack[0].title == title:
            # A page heading repeated over the next page: still inside the same part of it,
            # until the page says otherwise (see `repeated`).
            self.repeated = True
            return self.stack[0]
        self.repeated = False
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        for existing in self.all:
            # A heading repeated over each page of one plan ("IMPROVEMENT PLAN") is one section.
            if existing.title == title and existing.parent is parent and existing.level == level:
                self.stack.append(existing)
                return existing
        section = Section(title, level, parent, section_ref(title), origin=origin)
        self.all.append(section)
        self.stack.append(section)
        return section

    def page_heading(self, title: str) -> bool:
        """Whether a row reads as a page heading of the plan: a top heading again, or one of
        its family ("OPERATIONAL PLAN: Communications" after "OPERATIONAL PLAN: Partnerships")."""
        title = " ".join(title.split())
        family = _family(title)
        return any(
            s.level == 0
            and s.origin == "heading"
            and (s.title == title or (family is not None and _family(s.title) == family))
            for s in self.all
        )

    def close_below(self, level: int) -> None:
        while self.stack and self.stack[-1].level > level:
            self.stack.pop()

    @property
    def current(self) -> Section | None:
        return self.stack[-1] if self.stack else None

    @property
    def has_heading(self) -> bool:
        return any(s.origin == "heading" for s in self.stack)

    def export(self) -> list[dict[str, Any]]:
        out = []
        for s in self.all:
            if not s.used:
                continue
            entry: dict[str, Any] = {
                "ref": s.ref,
                "title": s.title,
                "parent": s.parent.title if s.parent else None,
                "level": s.level,
                "priorities": s.priorities,
            }
            if s.metadata:
                entry["metadata"] = s.metadata
            out.append(entry)
        return out
