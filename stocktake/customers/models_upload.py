"""A contacts file uploaded on the web and loaded in the background (tasks.py): the job row the
status page reads. The file itself is private (under MEDIA, never served) and deleted once read."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record


class UploadStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Loading"
    DONE = "done", "Loaded"
    REFUSED = "refused", "Refused: nothing was loaded"
    FAILED = "failed", "Failed: nothing was loaded"


class ContactUpload(Record):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=300, help_text="The file's name as uploaded.")
    file = models.FileField(upload_to="customers/contact-uploads/%Y/%m/", blank=True)
    skip_bad = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=UploadStatus.choices, default=UploadStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0, help_text="Data lines in the file.")
    rows_read = models.PositiveIntegerField(default=0)
    loaded = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0, help_text="Bad rows, skipped or refused.")
    bad_rows = models.JSONField(default=list, blank=True, help_text="The first [line, reason]s.")
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status not in {UploadStatus.QUEUED, UploadStatus.RUNNING}

    @property
    def percent(self) -> int:
        """Rows read as a share of the file; short of 100 until the load has committed."""
        if self.status == UploadStatus.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, self.rows_read * 100 // self.rows_total)
