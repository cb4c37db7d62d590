"""A plan's approval trail, its published versions, and the evidence attached to its items."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from stocktake.core.models import Record


class PlanTransition(models.Model):
    """One step of a plan's workflow: who moved it, when, and what they said."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    comment = models.TextField(blank=True)
    committee = models.ForeignKey(
        "accounts.Committee", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField(
        null=True, blank=True, help_text="The date of the decision, e.g. the committee meeting."
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.plan}: {self.from_status} → {self.to_status}"


class PlanVersion(Record):
    """What was published, kept exactly, so versions can be shown and compared later."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"


class Evidence(Record):
    """A file or link that shows an item was done. Files go through Django's storage API."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    url = models.URLField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__isnull=False) | models.Q(plan__isnull=False),
                name="evidence_belongs_to_an_item",
            )
        ]

    def __str__(self) -> str:
        return self.title
