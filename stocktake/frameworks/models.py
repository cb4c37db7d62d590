"""Improvement frameworks as data: versions, a rating scale, themes → criteria → elements.

Frameworks are global (every council assesses against the same text); assessments of a
council against them live in models_assessment.py and carry their organisation.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.core.models import Record

from .models_assessment import (
    Assessor,
    CriterionEvidence,
    CriterionRating,
    FrameworkAssessment,
)

__all__ = [
    "Assessor",
    "Criterion",
    "CriterionEvidence",
    "CriterionRating",
    "Element",
    "Framework",
    "FrameworkAssessment",
    "RatingOption",
    "Theme",
]


class Framework(Record):
    """One version of a framework; a new edition is a new row, so old assessments keep theirs."""

    class Rule(models.TextChoices):
        LEVELS = "levels", "Cumulative levels"
        ALL_AT_LEAST = "all_at_least", "Every criterion at least a rating"

    code = models.SlugField(max_length=50, help_text='A short name, e.g. "eflg".')
    version = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the structure is from.")
    rule = models.CharField(max_length=20, choices=Rule.choices, default=Rule.ALL_AT_LEAST)
    threshold = models.IntegerField(help_text="The rating a criterion needs to count as met.")
    target = models.IntegerField(help_text="The rating the council aims for on every criterion.")
    # Names of levels 1..n for the levels rule, e.g. ["Developing", "Achieving", "Excellent"].
    level_names = models.JSONField(default=list, blank=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="framework_code_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    def level_name(self, number: int) -> str:
        names: list[str] = list(self.level_names or [])
        if 1 <= number <= len(names):
            return f"Level {number}: {names[number - 1]}"
        return f"Level {number}"


class RatingOption(models.Model):
    """One step of a framework's scale; higher values are better."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="scale")
    value = models.IntegerField()
    label = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "value"], name="rating_option_value")
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class Theme(Record):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="themes")
    ref = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"


class Criterion(Record):
    """The unit that is rated. Its level (where the framework has levels) feeds the rule."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="criteria")
    ref = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["framework", "ref"], name="criterion_ref")]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"


class Element(Record):
    """A point an assessor looks for under a criterion; not rated on its own."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="elements")
    ref = models.CharField(max_length=30)
    title = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"
