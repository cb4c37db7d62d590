"""A council's (or a service's) assessment of itself against a framework at a date."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.core.models import Record


class FrameworkAssessment(Record):
    """Named apart from the equality impact assessments in stocktake.risks."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        RETURNED = "returned", "Returned"
        AGREED = "agreed", "Agreed"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.PROTECT, related_name="assessments"
    )
    title = models.CharField(max_length=300)
    as_at = models.DateField(help_text="The date the assessment describes.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    review_comment = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_on = models.DateField(null=True, blank=True)
    # An external assessor's verdict is recorded beside the self-assessment, criterion by criterion.
    external_assessor = models.CharField(max_length=300, blank=True)
    external_on = models.DateField(null=True, blank=True)
    external_summary = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-as_at", "id"]
        indexes = [models.Index(fields=["organisation", "framework", "as_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.as_at:%d %B %Y})"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class Assessor(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.ForeignKey(
        FrameworkAssessment, on_delete=models.CASCADE, related_name="assessors"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["assessment", "user"], name="assessor_once")]

    def __str__(self) -> str:
        return str(self.user)


class CriterionRating(Record):
    """One criterion's rating, commentary and (later) the external verdict on it."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.ForeignKey(
        FrameworkAssessment, on_delete=models.CASCADE, related_name="ratings"
    )
    criterion = models.ForeignKey(
        "frameworks.Criterion", on_delete=models.PROTECT, related_name="ratings"
    )
    rating = models.IntegerField(null=True, blank=True)
    commentary = models.TextField(blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_rating = models.IntegerField(null=True, blank=True)
    external_commentary = models.TextField(blank=True)
    gap_actions = models.ManyToManyField("plans.Action", blank=True, related_name="framework_gaps")
    history = HistoricalRecords(excluded_fields=["gap_actions"])

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="rating_once")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.rating}"


class CriterionEvidence(Record):
    """A note, link, checked file, plan action or indicator offered as evidence."""

    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        LINK = "link", "Link"
        FILE = "file", "File"
        ACTION = "action", "Plan action"
        INDICATOR = "indicator", "Indicator"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    rating = models.ForeignKey(CriterionRating, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    url = models.URLField(blank=True)
    file = models.FileField(upload_to="framework-evidence/%Y/%m/", blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title
