"""Owner cells split into people, posts and organisations.

Separators are only trusted where splitting cannot break a post apart: "/" and ";" always
split, while "," "and" and "&" split only when every part reads as a person's name, because
"Head of Benefits, Revenues and Customer Services" is one post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z][a-z]*[A-Z][a-z]+|Le|De|Van|Mc[A-Z][a-z]+)"
_PERSON = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}$")
_POST_WORDS = frozenset((
    "head", "manager", "officer", "director", "deputy", "chief", "team", "services",
    "service", "of", "for", "co-ordinator", "coordinator", "assistant", "executive", "group",
    "board", "council", "unit", "partnership", "lead", "member", "members", "cabinet",
    "committee", "policy", "all", "the", "officers", "project", "projects", "strategy",
    "customer",
))  # fmt: skip
_HARD_SPLIT = re.compile(r"\s*(?:/|;|\n|\|)\s*")
_SOFT_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
_PAREN = re.compile(r"\(([^()]*)\)")
_ASSOCIATE = re.compile(r"^(?:in association with|with|supported by|assisted by)\s+", re.I)


def is_person(text: str) -> bool:
    return bool(_PERSON.match(text)) and not any(w.lower() in _POST_WORDS for w in text.split())


@dataclass
class Owners:
    owners: list[str] = field(default_factory=list)
    associates: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return list(seen.values())


def _collapse_repeats(text: str) -> str:
    """ "Sarah Cromie Sarah Cromie" is one name written twice (cells merged across a row)."""
    words = text.split()
    for size in range(1, len(words) // 2 + 1):
        if len(words) % size == 0 and words == words[:size] * (len(words) // size):
            return " ".join(words[:size])
    return text


def _segment(words: list[str], known: set[str]) -> list[str] | None:
    if not words:
        return []
    for size in (2, 3):
        head = " ".join(words[:size])
        if head in known:
            rest = _segment(words[size:], known)
            if rest is not None:
                return [head, *rest]
    return None


def _split_part(part: str, known: set[str], raw: str, result: Owners) -> list[str]:
    pieces = [p for p in _SOFT_SPLIT.split(part) if p]
    if len(pieces) > 1 and all(is_person(p) for p in pieces):
        return pieces
    part = _collapse_repeats(part)
    words = part.split()
    names_only = all(re.fullmatch(_NAME_WORD, w) for w in words)
    if len(words) >= 4 and names_only and not any(w.lower() in _POST_WORDS for w in words):
        names = _segment(words, known)
        if names and len(names) > 1:
            result.warnings.append(
                f"owner '{raw}' has no separators; split into {', '.join(names)} "
                "by names found elsewhere in the document (check)"
            )
            return names
        result.warnings.append(f"owner '{raw}' may name several people; kept whole")
    return [part]


def split_owners(raw: str | None, known: set[str] | None = None) -> Owners:
    result = Owners()
    if not raw or not raw.strip():
        return result
    known = known or set()
    text = " ".join(raw.split())
    for inner in _PAREN.findall(text):
        if _ASSOCIATE.match(inner):
            result.associates.extend(
                p for p in _HARD_SPLIT.split(_ASSOCIATE.sub("", inner)) if p.strip()
            )
        else:
            result.notes.append(inner.strip())
    text = _PAREN.sub(" | ", text)
    names: list[str] = []
    for part in _HARD_SPLIT.split(text):
        part = part.strip(" ,;.-–")
        if part:
            names.extend(_split_part(part, known, raw.strip(), result))
    result.owners = _dedupe(n.strip(" ,;.") for n in names if n.strip(" ,;."))
    result.associates = _dedupe(a.strip(" ,;.") for a in result.associates if a.strip(" ,;."))
    return result


def known_people(cells: Iterable[str]) -> set[str]:
    """Names that stand alone somewhere in the document, used to split run-together names."""
    known: set[str] = set()
    for cell in cells:
        for part in _HARD_SPLIT.split(_PAREN.sub(" | ", cell or "")):
            for piece in _SOFT_SPLIT.split(part.strip(" ,;.")):
                piece = _collapse_repeats(piece.strip())
                if is_person(piece) and len(piece.split()) == 2:
                    known.add(piece)
    return known


def name_variants(names: Iterable[str]) -> list[list[str]]:
    """Groups of person names that look like one person spelled differently."""
    people = sorted({n for n in names if is_person(n)})
    groups: list[list[str]] = []
    for name in people:
        key = name.lower().replace(" ", "")
        for group in groups:
            other = group[0].lower().replace(" ", "")
            if key[0] == other[0] and fuzz.ratio(key, other) >= 88:
                group.append(name)
                break
        else:
            groups.append([name])
    return [g for g in groups if len(g) > 1]
