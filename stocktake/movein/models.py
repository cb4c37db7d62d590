"""Mapping profiles (how one system's export reads) and move-ins (one file on its way in)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record


class Kind(models.TextChoices):
    UPDATES = "updates", "Action progress updates"
    INDICATORS = "indicators", "Indicator values and targets"
    REVIEWS = "reviews", "Risk reviews"


class MappingProfile(Record):
    """A named, saved mapping: which column holds what, what the statuses and periods mean."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="movein_profiles"
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    mapping = models.JSONField(default=dict)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="movein_profile_name_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MoveIn(Record):
    """An uploaded export between upload, mapping, dry run and confirmation; then its report."""

    class State(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        CHECKED = "checked", "Checked (dry run)"
        IMPORTED = "imported", "Imported"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    source = models.CharField(max_length=300)
    file = models.FileField(upload_to="movein/")
    mapping = models.JSONField(default=dict, blank=True)
    report = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.UPLOADED)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.source
