"""Two versions of a plan side by side, section by section, with difflib."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from .document import section_lines


@dataclass
class Row:
    tag: str  # equal, replace, delete, insert
    before: str
    after: str


@dataclass
class SectionDiff:
    heading: str
    rows: list[Row] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(r.tag != "equal" for r in self.rows)


def side_by_side(before: list[str], after: list[str]) -> list[Row]:
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = before[i1:i2], after[j1:j2]
        for k in range(max(len(old), len(new))):
            rows.append(Row(tag, old[k] if k < len(old) else "", new[k] if k < len(new) else ""))
    return rows


def documents_compare(old: dict[str, Any], new: dict[str, Any]) -> list[SectionDiff]:
    """Every section of either document, matched by its template key, in the new order."""
    before = {s["key"]: s for s in old.get("sections") or []}
    after = {s["key"]: s for s in new.get("sections") or []}
    keys = [s["key"] for s in new.get("sections") or []]
    keys += [k for k in before if k not in after]
    diffs = []
    for key in keys:
        section = after.get(key) or before[key]
        lines_before = section_lines(before[key]) if key in before else []
        lines_after = section_lines(after[key]) if key in after else []
        diffs.append(SectionDiff(section["heading"], side_by_side(lines_before, lines_after)))
    return diffs
