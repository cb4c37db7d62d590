"""The overall result of an assessment, computed by the rule its framework states.

Pure functions over plain values, so the rule is easy to test and to explain in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LEVELS = "levels"


@dataclass(frozen=True)
class Rated:
    ref: str
    title: str
    level: int | None
    rating: int | None


@dataclass(frozen=True)
class Outcome:
    reached: int  # the level reached (0: none); for "all at least", 1 when met
    result: str  # the result in words, e.g. "Level 2: Achieving"
    rule: str  # the rule in words
    next_step: str  # what the blocking criteria stand between, e.g. "Level 3: Excellent"
    blocking: tuple[Rated, ...]


def rule_in_words(rule: str, threshold_label: str) -> str:
    if rule == LEVELS:
        return (
            "A level is reached when every criterion of that level and of all lower levels "
            f"is rated at least “{threshold_label}”."
        )
    return f"The standard is met when every criterion is rated at least “{threshold_label}”."


def _met(row: Rated, threshold: int) -> bool:
    return row.rating is not None and row.rating >= threshold


def outcome(
    *,
    rule: str,
    threshold: int,
    labels: Mapping[int, str],
    level_names: Sequence[str],
    rows: Sequence[Rated],
) -> Outcome:
    words = rule_in_words(rule, labels.get(threshold, str(threshold)))
    if rule != LEVELS:
        blocking = tuple(r for r in rows if not _met(r, threshold))
        met = not blocking
        return Outcome(int(met), "Met" if met else "Not met", words, "" if met else "Met", blocking)
    reached = 0
    for number in range(1, len(level_names) + 1):
        if all(_met(r, threshold) for r in rows if (r.level or 1) <= number):
            reached = number
        else:
            break
    if reached == len(level_names):
        return Outcome(reached, _name(reached, level_names), words, "", ())
    following = reached + 1
    blocking = tuple(r for r in rows if (r.level or 1) <= following and not _met(r, threshold))
    result = _name(reached, level_names) if reached else "No level reached"
    return Outcome(reached, result, words, _name(following, level_names), blocking)


def _name(number: int, names: Sequence[str]) -> str:
    return f"Level {number}: {names[number - 1]}"


def below_target(rating: int | None, target: int) -> bool:
    """A criterion with no rating yet is a gap too: nothing shows it is met."""
    return rating is None or rating < target
