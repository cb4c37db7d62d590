"""Mapping profiles (how one system's export reads) and move-ins (one file on its way in)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record
from stocktake.reports.models import JobStatus

UNDER_WAY = [JobStatus.QUEUED, JobStatus.RUNNING]


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


class MoveInJob(Record):
    """One run of a move-in (its dry run or the import itself) in the background worker.

    A run of 200,000 rows outlasts a web request, so the page queues a job and then watches it.
    The constraints make the database refuse a second run of the same file while one is under
    way, and a second import once one has finished: a double click or a replayed POST fails.
    """

    movein = models.ForeignKey(MoveIn, on_delete=models.CASCADE, related_name="jobs")
    dry_run = models.BooleanField()
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0, help_text="Estimated before the run.")
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["movein"],
                condition=models.Q(status__in=UNDER_WAY),
                name="movein_one_run_under_way",
            ),
            models.UniqueConstraint(
                fields=["movein"],
                condition=models.Q(dry_run=False, status=JobStatus.DONE),
                name="movein_imported_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{'Dry run' if self.dry_run else 'Import'} of {self.movein_id} ({self.status})"

    @property
    def under_way(self) -> bool:
        return self.status in UNDER_WAY

    @property
    def importing(self) -> bool:
        return self.under_way and not self.dry_run

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100 * self.rows_done // self.rows_total, 99 if self.under_way else 100)
