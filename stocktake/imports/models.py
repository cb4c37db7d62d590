"""What was imported, from which file, by whom: the preview is kept whole for provenance.

Items the plan models cannot hold yet (indicators, risks, equality assessments) stay in the
preview, so nothing the paper said is lost.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from stocktake.core.models import Record


class ImportRecord(Record):
    class Status(models.TextChoices):
        PREVIEWED = "previewed", "Waiting for review"
        IMPORTED = "imported", "Imported"
        REIMPORTED = "reimported", "Re-imported into an existing plan"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="imports"
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    source = models.CharField(max_length=300)
    file = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    as_at = models.DateField(null=True, blank=True)
    preview = models.JSONField()
    summary = models.JSONField(default=dict, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source} ({self.get_status_display()})"
