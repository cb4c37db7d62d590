"""Saved report definitions and the snapshots published from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record


class Layout(models.TextChoices):
    PROGRESS = "progress", "Progress table (recommendation, situation then, position now)"
    ACTIONS = "actions", "Action table (action, target date, lead officer, status)"
    UPDATE = "update", "Update table (priority, responsibility, agreed, comments)"
    PERFORMANCE = "performance", "Performance report (summary, RAG, commentary, indicators)"


class Exception_(models.TextChoices):
    RED = "red", "Rated red"
    BEHIND = "behind", "Behind (red, amber or on hold)"
    OVERDUE = "overdue", "Overdue"
    STALE = "stale", "Not updated recently"


class Extra(models.TextChoices):
    """Optional content beyond the plans: aggregate figures for the report's financial year."""

    COMPLAINTS = "complaints", "Complaints summary"
    CONSULTATIONS = "consultations", "Consultations summary"


class GroupBy(models.TextChoices):
    SECTION = "section", "Section or objective"
    PLAN = "plan", "Plan"
    DIRECTORATE = "directorate", "Directorate"
    SERVICE = "service", "Service"
    PORTFOLIO = "portfolio", "Portfolio"
    COMMITTEE = "committee", "Committee"
    PRIORITY = "priority", "Council priority"
    OWNER = "owner", "Owner"


class ReportDefinition(Record):
    """What to report: plans, layout, dates and filters. Re-run it to get today's figures."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)
    layout = models.CharField(max_length=20, choices=Layout.choices, default=Layout.PERFORMANCE)
    plans = models.ManyToManyField("plans.Plan", related_name="report_definitions")
    as_at = models.DateField(null=True, blank=True, help_text="Empty means the day it is run.")
    compare_on = models.DateField(null=True, blank=True)
    filters = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class ReportSnapshot(Record):
    """What went to committee, exactly as it was: the rendered page and its rows, never edited."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    definition = models.ForeignKey(
        ReportDefinition, null=True, on_delete=models.SET_NULL, related_name="snapshots"
    )
    title = models.CharField(max_length=300)
    layout = models.CharField(max_length=20, choices=Layout.choices)
    as_at = models.DateField()
    compare_on = models.DateField(null=True, blank=True)
    html = models.TextField()
    data = models.JSONField()
    is_public = models.BooleanField(
        default=False, help_text="Every plan in it was published, so anyone may read it."
    )
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["organisation", "published_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.published_at:%d %B %Y})"


class JobFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ReportJob(Record):
    """A PDF or Word file of a long report, made in the background so the page does not wait.

    The choices are kept as the builder's parameters and re-checked when the job runs, as the
    person who asked, so the file holds only what they could see on the page.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    definition = models.ForeignKey(
        ReportDefinition, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    params = models.JSONField(default=dict, help_text="The builder's fields, name to values.")
    format = models.CharField(max_length=10, choices=JobFormat.choices)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent, 0 to 100.")
    title = models.CharField(max_length=300, blank=True)
    result = models.FileField(upload_to="reports/jobs/%Y/%m/", blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} of {self.title or 'a report'} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}
