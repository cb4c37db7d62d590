"""Risk statements written as "Failure to … leading to … resulting in …", split into their parts.

Councils write a risk as one sentence: the cause, then "leading to" the event, then "resulting
in" the consequence. Some papers repeat "leading to" (the first one opens the event, later ones
stay inside it); others stop after the event or the cause. Whatever is not written stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEADING = re.compile(r",?\s+leading\s+to\s+", re.IGNORECASE)
_RESULTING = re.compile(r",?\s+resulting\s+in\s+", re.IGNORECASE)


@dataclass(frozen=True)
class RiskStatement:
    cause: str
    event: str = ""
    consequence: str = ""


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;.")


def split_risk_statement(text: str) -> RiskStatement:
    """Cause, event and consequence of a statement; the whole text is the cause if unmarked."""
    head, marker, consequence = (text, None, "")
    found = _RESULTING.search(text)
    if found is not None:
        head, consequence = text[: found.start()], text[found.end() :]
        marker = found
    leading = _LEADING.search(head)
    if leading is None:
        if marker is None:
            return RiskStatement(cause=_tidy(text))
        return RiskStatement(cause=_tidy(head), consequence=_tidy(consequence))
    return RiskStatement(
        cause=_tidy(head[: leading.start()]),
        event=_tidy(head[leading.end() :]),
        consequence=_tidy(consequence),
    )
