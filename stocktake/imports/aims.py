"""Council priorities: the aims, approaches and council actions (the "3 As") a paper lists, and
the sections and items that cite them.

Codes are kept as the paper writes them, without brackets: an aim is a capital letter ("A"),
an approach adds a roman numeral ("Ai", "Civ"), a council action adds a number ("A1", "C3").
Papers list them as "(A) We are committed to …", "A) i) Listening …", "(Ai) Listening …" or
"(iv) Working …" under a single aim, and cite them in brackets: "… by 2010 (A1)", "Carry out
Council Actions (A1 and A5)". An unlettered list of aims takes letters from its order only when
every aim lettered elsewhere in the paper agrees with that order; nothing else is guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Any

from stocktake.imports.narrative import Chunk
from stocktake.imports.sections import Section

# The section metadata keys ("Relevant Council Aim/s:", "Relevant Council Approach/es:").
CITING_KEYS = ("aims", "approaches")
_ROMAN = r"[ivx]{1,5}"
_ENTRY = [
    re.compile(rf"^\(?([A-Z])\)\s*\(?({_ROMAN})\)\s*(.*)$", re.S),  # A) i) …  (A)(i) …
    re.compile(rf"^\(([A-Z])({_ROMAN}|\d{{1,2}})\)\s*(.*)$", re.S),  # (Ai) …  (A1) …
    re.compile(r"^\(?([A-Z])\)\s+()(\S.*)$", re.S),  # (A) …  A) …
    re.compile(rf"^\(()({_ROMAN})\)\s*(.*)$", re.S),  # (iv) … under one aim
]
_CODE = rf"[A-Z](?:{_ROMAN}|\d{{1,2}})?"
_CITED = re.compile(rf"\(\s*({_CODE}(?:\s*(?:,|and|&|/)\s*{_CODE})*)\s*\)")
_CONTEXT = re.compile(r"\b(?:actions?|aims?|approach(?:es)?|priorit(?:y|ies))\W*$", re.I)
_ABOUT_AIMS = re.compile(r"\baims?\b", re.I)
_KIND_RANK = {"aim": 0, "approach": 1, "action": 2}
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
_SIMILAR = 0.85


def marked(text: str) -> bool:
    """Whether a line starts like a listed aim or approach ("E) …", "A) ii) …", "(Civ) …")."""
    return any(p.match(text.strip()) for p in _ENTRY)


def _entry(text: str) -> tuple[str, str, str] | None:
    for pattern in _ENTRY:
        if m := pattern.match(text.strip()):
            return m[1], m[2], m[3].strip().rstrip(".;").strip()
    return None


def kind_of(code: str) -> str:
    suffix = code[1:]
    return "aim" if not suffix else "action" if suffix.isdigit() else "approach"


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _sort_key(code: str) -> tuple[str, int, int]:
    kind, suffix = kind_of(code), code[1:]
    number = int(suffix) if kind == "action" else _roman(suffix) if suffix else 0
    return code[0], _KIND_RANK[kind], number


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _best(text: str, titles: dict[str, list[str]], kind: str) -> str | None:
    """The code whose title this text is, written a little differently."""
    norm, best, found = _norm(text), _SIMILAR, None
    for code, written in titles.items():
        if kind_of(code) != kind:
            continue
        for title in written:
            score = _ratio(norm, _norm(title))
            if score >= best:
                best, found = score, code
    return found


def _mentions(text: str, titles: dict[str, list[str]], kind: str) -> list[str]:
    """Codes whose titles appear, nearly word for word, in a value written without codes
    ("Making … more open and accessible, achieving improved customer satisfaction …")."""
    words = _norm(text).split()
    found: list[tuple[int, str]] = []
    for code, written in titles.items():
        if kind_of(code) != kind:
            continue
        for title in dict.fromkeys(_norm(t) for t in written):
            target = title.split()
            if len(target) < 3 or len(set(target) & set(words)) * 10 < len(set(target)) * 7:
                continue
            spots = [
                (start, _ratio(" ".join(words[start : start + size]), title))
                for size in range(max(1, len(target) - 2), len(target) + 3)
                for start in range(max(0, len(words) - size + 1))
            ]
            start, score = max(spots, key=lambda s: s[1], default=(0, 0.0))
            if score >= _SIMILAR:
                found.append((start, code))
                break
    return [code for _, code in sorted(found)]


def cited(text: str, aims: set[str]) -> list[str]:
    """Codes cited in brackets in free text. A bracket counts when words such as "Council
    Actions" lead into it, or when its code has a suffix and either names a known aim or closes
    the text ("… by 2010 (A1)"); a bare "(A)" needs the leading words."""
    out: list[str] = []
    for m in _CITED.finditer(text):
        context = bool(_CONTEXT.search(text[max(0, m.start() - 40) : m.start()]))
        trailing = not text[m.end() :].strip(" .;")
        for code in re.findall(_CODE, m[1]):
            known = code[0] in aims
            if not (context or (code[1:] and (known or trailing))):
                continue
            if not (context or known) and re.fullmatch(r"Q[1-4]", code):
                continue  # "(Q3)" closing a text is a quarter, not a priority
            out.append(code)
    return list(dict.fromkeys(out))


class _Finder:
    def __init__(self) -> None:
        self.titles: dict[str, list[str]] = {}
        self.warnings: list[str] = []

    def define(self, code: str, title: str | None) -> None:
        self.titles.setdefault(code, [])
        if title:
            self.titles[code].append(title)

    def aim_letters(self) -> set[str]:
        return {c for c, t in self.titles.items() if kind_of(c) == "aim" and t}

    def section_codes(self, section: Section, *, final: bool) -> list[str]:
        """The codes a section's "Relevant Council Aim/s / Approach/es" values cite; the first
        pass (final=False) only records the titles the values define."""
        codes: list[str] = []
        for key in CITING_KEYS:
            for value in section.metadata.get(key, []):
                codes += self._value_codes(key, str(value), section, codes, final=final)
        if final:
            codes += cited(section.title, self.aim_letters())
        return list(dict.fromkeys(codes))

    def _value_codes(
        self, key: str, value: str, section: Section, so_far: list[str], *, final: bool
    ) -> list[str]:
        entry = _entry(value)
        if entry is None:
            if not final or _norm(value) in ("all", "none", "n a", ""):
                return []
            return _mentions(value, self.titles, "aim" if key == "aims" else "approach")
        letter, suffix, title = entry
        if not letter:
            letters = {c[0] for c in so_far if kind_of(c) == "aim"}
            if not final:
                letters = {e[0] for v in section.metadata.get("aims", []) if (e := _entry(v))}
            letters -= {""}
            if len(letters) != 1 and final:
                # Several aims around it: the approach is the one of that title found elsewhere.
                same = {c: t for c, t in self.titles.items() if c[1:] == suffix}
                letters = {found[0]} if (found := _best(title, same, "approach")) else letters
            if len(letters) != 1:
                if final:
                    warning = (
                        f"council approach '{value[:60]}' does not say which aim it serves; "
                        "not linked"
                    )
                    if warning not in self.warnings:
                        self.warnings.append(warning)
                return []
            letter = next(iter(letters))
        code = f"{letter}{suffix}"
        if not final:
            self.define(code, title)
        return [code]

    def aims_lists(self, chunks: list[Chunk]) -> None:
        """Aims listed under a heading about aims; unlettered ones lettered by their order only
        when every aim lettered elsewhere sits at its letter's place in the list."""
        for chunk in chunks:
            if not (chunk.heading and _ABOUT_AIMS.search(chunk.heading)):
                continue
            bullets = _first_run(chunk.lines)
            plain = [t for t in bullets if _entry(t) is None]
            for text in bullets:
                if (entry := _entry(text)) is not None:
                    self.define(f"{entry[0]}{entry[1]}", entry[2])
            if not plain or len(plain) != len(bullets) or len(plain) > 26:
                continue
            matches = {k: _best(t, self.titles, "aim") for k, t in enumerate(plain)}
            placed = {k: c for k, c in matches.items() if c}
            in_order = all(c == chr(ord("A") + k) for k, c in placed.items())
            for k, text in enumerate(plain):
                if in_order and len(placed) >= 2:
                    self.define(chr(ord("A") + k), text.rstrip(".;"))
                elif matches[k]:
                    self.define(str(matches[k]), text.rstrip(".;"))


def _first_run(lines: list[tuple[str, str]]) -> list[str]:
    run: list[str] = []
    for kind, text in lines:
        if kind == "bullet":
            run.append(text)
        elif run:
            break
    return run


def _title(written: list[str]) -> str | None:
    """The form the paper uses most often, the first of equals."""
    if not written:
        return None
    counts = Counter(_norm(t) for t in written)
    top = max(counts.values())
    return next(t for t in written if counts[_norm(t)] == top)


def council_priorities(
    sections: list[Section], chunks: list[Chunk], items: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The preview's "priorities", with each section's and item's "priorities" set."""
    finder = _Finder()
    for section in sections:
        finder.section_codes(section, final=False)
    finder.aims_lists(chunks)
    for item in items:
        refs = item.get("priority_refs") or []
        own = any("council action" in h.lower() for h in item.get("fields") or {})
        if own and item.get("ref") in refs and kind_of(item["ref"]) == "action":
            # A row under a "Council Action" heading that closes with its own code
            # ("Set up user groups … (A1)") is that council action.
            finder.define(item["ref"], item.get("text") or None)
    aims = finder.aim_letters()
    for section in sections:
        section.priorities = finder.section_codes(section, final=True)
    for item in items:
        codes = list(item.get("priority_refs") or [])
        codes += cited(item.get("text") or "", aims)
        skip = {item.get("owner"), item.get("due")}
        for value in (item.get("fields") or {}).values():
            if value and value not in skip:
                codes += cited(value, aims)
        item["priorities"] = list(dict.fromkeys(codes))
    used = {c for s in sections if s.used for c in s.priorities}
    used |= {c for i in items for c in i["priorities"]}
    every = set(finder.titles) | used
    every |= {c[0] for c in every}
    out: list[dict[str, Any]] = []
    for code in sorted(every, key=_sort_key):
        kind = kind_of(code)
        title = _title(finder.titles.get(code, []))
        out.append(
            {"code": code, "title": title, "kind": kind, "parent": code[0] if code[1:] else None}
        )
    missing = [str(p["code"]) for p in out if p["title"] is None]
    if missing:
        finder.warnings.append(
            f"council priorities cited but never listed: {', '.join(missing)} "
            "(kept without a title)"
        )
    return out, finder.warnings
