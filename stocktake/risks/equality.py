"""Equality impact assessments and the versioned lists of characteristics they consider."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.core.models import Record


class CharacteristicSet(Record):
    """A list such as the six equality strands (2006) or the Equality Act 2010's nine.

    National sets have no organisation and are shared; a council adds its own set for
    characteristics it also considers, such as care leavers or socio-economic disadvantage.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="characteristic_sets",
    )
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=50)
    effective_from = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name", "version"], name="characteristic_set_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class Characteristic(models.Model):
    set = models.ForeignKey(CharacteristicSet, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["set", "position", "id"]

    def __str__(self) -> str:
        return self.name


class EqualityAssessment(Record):
    class Priority(models.TextChoices):
        HIGH = "high", "High"
        MEDIUM = "medium", "Medium"
        LOW = "low", "Low"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        PUBLISHED = "published", "Published"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equality_assessments",
    )
    # The section of the plan's paper the assessment came from (its equalities overview, say).
    section = models.ForeignKey(
        "plans.Section",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equality_assessments",
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equality_assessments",
    )
    ref = models.CharField(max_length=30, blank=True)
    title = models.CharField("policy or function", max_length=300)
    priority = models.CharField(max_length=10, choices=Priority.choices, blank=True)
    lead_person = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equality_assessments",
    )
    lead_post = models.ForeignKey(
        "accounts.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equality_assessments",
    )
    lead_text = models.CharField(max_length=300, blank=True)
    due_text = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_precision = models.CharField(max_length=10, default="none")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    findings = models.TextField(blank=True)
    actions = models.ManyToManyField(
        "plans.Action", blank=True, related_name="equality_assessments"
    )
    characteristics = models.ManyToManyField(Characteristic, blank=True, related_name="assessments")
    flags = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lead_person__isnull=True) | models.Q(lead_post__isnull=True),
                name="assessment_lead_person_or_post",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def lead(self) -> object | None:
        return self.lead_person or self.lead_post
