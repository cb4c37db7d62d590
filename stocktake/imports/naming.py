"""What imported plans and sections are called: said once, and never a file name when the
paper names itself."""

from __future__ import annotations

import re
from typing import Any

# A heading that leads into a list ("Improve the customer experience of services by:") reads
# as a title without its dangling last word.
_LEAD_IN_WORD = re.compile(r"\s+(?:by|to|through|and|or|of|for|with|will|including)$", re.I)


def section_heading(entry: dict[str, Any]) -> tuple[str, str]:
    """The section's ref and title to store, the title without the number it starts with.

    "9" and "9. Equalities Overview" are stored as "9" and "Equalities Overview", so the ref is
    shown once wherever the two are put together. A title that is only its number stays whole.
    """
    ref = str(entry.get("ref") or "").strip()[:30]
    title = str(entry.get("title") or "")
    if ref:
        leading = re.match(rf"\s*{re.escape(ref)}\s*[.):–-]?\s+(?=\S)", title, re.I)
        if leading:
            title = title[leading.end() :]
    return ref, title


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = _LEAD_IN_WORD.sub("", text.rstrip(" :;,–-"))
    return text.rstrip(" :;,–-")


def _usable(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 3


def proposed_title(preview: dict[str, Any]) -> str:
    """A title for the plan: the paper's own, else its first heading, else its file name.

    The officer can change it on the review page; the file name is the last resort because
    "000_1a66d4e8ac809f0f.txt" tells nobody what the plan is.
    """
    if _usable(title := str(preview.get("title") or "")):
        return " ".join(title.split())[:300]
    headings = [str(entry.get("heading") or "") for entry in preview.get("narrative") or []]
    headings += [section_heading(entry)[1] for entry in preview.get("sections") or []]
    for heading in headings:
        if _usable(tidied := _tidy(heading)):
            return tidied[:300]
    return str(preview["source"])[:300]
