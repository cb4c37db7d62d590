"""Named rules for frameworks and assessments: one line of policy each."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError

from .formats import criteria_of

RULES = ("levels", "all_at_least")


def framework_is_complete(data: dict[str, Any]) -> None:
    """A framework needs a code, version, title, scale, rule and at least one criterion."""
    missing = [k for k in ("code", "version", "title") if not str(data.get(k) or "").strip()]
    if missing:
        raise ValidationError({k: f"The framework needs a {k}" for k in missing})
    if data.get("rule") not in RULES:
        raise ValidationError({"rule": f"The rule must be one of {', '.join(RULES)}"})
    if not data.get("scale"):
        raise ValidationError({"scale": "The framework needs a rating scale"})
    if not any(True for _ in criteria_of(data)):
        raise ValidationError({"themes": "The framework needs at least one criterion"})


def scale_values_are_unique(data: dict[str, Any]) -> None:
    """Each step of a rating scale has its own value."""
    values = Counter(int(o["value"]) for o in data["scale"])
    repeated = sorted(v for v, n in values.items() if n > 1)
    if repeated:
        raise ValidationError({"scale": f"Rating values used twice: {repeated}"})


def threshold_and_target_are_on_the_scale(data: dict[str, Any]) -> None:
    """The pass mark and the target are ratings the scale offers."""
    values = {int(o["value"]) for o in data["scale"]}
    for key in ("threshold", "target"):
        if data.get(key) is None or int(data[key]) not in values:
            raise ValidationError(
                {key: f"The {key} must be one of the scale's values {sorted(values)}"}
            )


def criterion_refs_are_unique(data: dict[str, Any]) -> None:
    """Criteria are found by their reference, so no two share one."""
    refs = Counter(str(c.get("ref", "")) for c in criteria_of(data))
    repeated = sorted(r for r, n in refs.items() if n > 1 or not r)
    if repeated:
        raise ValidationError({"themes": f"Criterion references missing or used twice: {repeated}"})


def everything_has_a_title(data: dict[str, Any]) -> None:
    """Every theme, criterion and element says what it is."""
    untitled = [
        str(item.get("ref") or "?")
        for theme in data["themes"]
        for item in [theme, *theme.get("criteria", [])]
        if not str(item.get("title") or "").strip()
    ]
    if untitled:
        raise ValidationError({"themes": f"Themes or criteria without a title: {untitled}"})


def levelled_criteria_have_a_level(data: dict[str, Any]) -> None:
    """Under the levels rule every criterion belongs to a named level."""
    if data.get("rule") != "levels":
        return
    count = len(data.get("levels") or [])
    if count == 0:
        raise ValidationError({"levels": "The levels rule needs the names of the levels"})
    wrong = [c["ref"] for c in criteria_of(data) if c.get("level") not in range(1, count + 1)]
    if wrong:
        raise ValidationError({"themes": f"Criteria without a level from 1 to {count}: {wrong}"})


def rating_is_on_the_scale(value: int | None, values: set[int]) -> None:
    """A rating is one of the framework's scale values (or none yet)."""
    if value is not None and value not in values:
        raise ValidationError({"rating": "Choose a rating from the framework's scale"})


def assessment_is_editable(status: str, editable: bool) -> None:
    """Ratings change only while the assessment is a draft or has been returned."""
    if not editable:
        raise ValidationError(f"The assessment is {status.replace('_', ' ')} and cannot be changed")


def every_criterion_is_rated(unrated: list[str]) -> None:
    """An assessment goes to review only when every criterion has a rating."""
    if unrated:
        raise ValidationError(f"Rate every criterion first; not yet rated: {', '.join(unrated)}")


def reviewer_is_not_an_assessor(is_assessor: bool) -> None:
    """Nobody reviews an assessment they made."""
    if is_assessor:
        raise ValidationError("You assessed this, so someone else must review it")


def assessment_is_in_review(status: str) -> None:
    """Only an assessment sent for review can be agreed or returned."""
    if status != "in_review":
        raise ValidationError("The assessment is not waiting for review")
