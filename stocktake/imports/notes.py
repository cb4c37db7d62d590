"""Internal notes and cross-references written into cells.

Internal notes ("DELETE?", "Can't remember what this was") are kept apart so they are never
published; cross-references ("As above", "(cross reference to 3.2)") point at another item.
"""

from __future__ import annotations

import re

_INTERNAL = re.compile(
    r"\bDELETE\s*\?|\bcan'?t\s+remember\b[^.]*\.?|\bcannot\s+remember\b[^.]*\.?"
    r"|\bspeak\s+to\s+\w+\s+re\b[^.]*\.?|\b(?:TODO|FIXME)\b[^.]*\.?"
    r"|\bnot\s+sure\s+(?:what|why|if)\b[^.?]*\??|\bcheck\s+with\s+\w+\s+(?:re|about)\b[^.]*\.?",
    re.IGNORECASE,
)
_CROSS_REF = re.compile(
    r"cross[- ]?ref(?:erence)?(?:\s+to)?\s*(?P<ref>[A-Z]?\d+(?:\.\d+)*)"
    r"|\bsee\s+(?:action|item|recommendation|ref)\.?\s+(?P<see>[A-Z]?\d+(?:\.\d+)*)",
    re.IGNORECASE,
)
_ABOVE = re.compile(
    r"^\s*as\s+above\b|\bsame\s+as\s+(?:above|previous)\b|\blink(?:ed)?\s+with\s+previous\s+action\b",
    re.IGNORECASE,
)


def internal_notes(text: str) -> tuple[str, list[str]]:
    """The text without its internal notes, and the notes."""
    notes = [m[0].strip() for m in _INTERNAL.finditer(text)]
    if not notes:
        return text, []
    lines = (" ".join(_INTERNAL.sub(" ", line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip(" -–")).strip(" -–"), notes


def cross_reference(text: str) -> tuple[str | None, bool] | None:
    """(explicit target ref or None, points at the item above) when the text refers elsewhere."""
    m = _CROSS_REF.search(text)
    if m:
        return (m["ref"] or m["see"]).rstrip("."), False
    if _ABOVE.search(text):
        return None, True
    return None
