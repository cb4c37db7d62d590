"""Status words from other systems, read as Stocktake's statuses.

A token is one of Stocktake's progress statuses, RAG colours or indicator statuses. The
mapping a council saves wins; then the words below; then the document importer's reading of
free-text statuses, so "Slipping" or "Completed in June" still mean something.
"""

from __future__ import annotations

from stocktake.imports.statuses import read_status
from stocktake.indicators.status import Status
from stocktake.plans.models import ProgressStatus, Rag

RAG_TOKENS = {r.value for r in Rag} - {Rag.NONE.value}
INDICATOR_TOKENS = {s.value for s in Status}
PROGRESS_TOKENS = {p.value for p in ProgressStatus}

CHOICES: list[tuple[str, str]] = [
    ("", "Ignore this word"),
    *[(f"rag:{r.value}", f"RAG: {r.label}") for r in Rag if r != Rag.NONE],
    *[(f"progress:{p.value}", f"Progress: {p.label}") for p in ProgressStatus],
    ("indicator:data_only", "Indicator: data only"),
    ("indicator:no_data", "Indicator: no data"),
]

# Words every export uses for its colours and states.
COMMON: dict[str, str] = {
    "red": "rag:red", "r": "rag:red", "amber": "rag:amber", "a": "rag:amber",
    "yellow": "rag:amber", "green": "rag:green", "g": "rag:green", "blue": "rag:blue",
    "b": "rag:blue", "data only": "indicator:data_only", "no data": "indicator:no_data",
    "not started": "progress:not_started", "in progress": "progress:in_progress",
    "completed": "progress:complete", "complete": "progress:complete",
    "on hold": "progress:on_hold", "cancelled": "progress:cancelled",
}  # fmt: skip


def key(word: str) -> str:
    return " ".join(word.split()).casefold()


def suggest(word: str) -> str:
    found = COMMON.get(key(word))
    if found is not None:
        return found
    status = read_status(word)
    if status.rag:
        return f"rag:{status.rag}"
    if status.progress and status.progress != ProgressStatus.UNKNOWN:
        return f"progress:{status.progress}"
    return ""


def token(word: str, mapping: dict[str, str]) -> str:
    """The mapped token for a word ("rag:red"); empty when the word means nothing known."""
    if not word.strip():
        return ""
    return mapping.get(key(word)) or suggest(word)


def indicator_status(token_text: str) -> str:
    """The indicator status a token stands for: a RAG colour or data only; "" otherwise."""
    family, _, value = token_text.partition(":")
    if family == "rag" and value in INDICATOR_TOKENS:
        return value
    if family == "indicator":
        return value
    return ""
