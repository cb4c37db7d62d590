"""What happens to a complaint once accepted: stages, extensions, the ombudsman and learning."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Person, Unit
from stocktake.core.models import Record


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ComplaintStage(Record):
    """A complaint's time at one stage: its handler, when the response is due and what it said."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="stages"
    )
    stage = models.ForeignKey("complaints.Stage", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField()
    handler = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="complaint_stages")
    started_on = models.DateField()
    due_on = models.DateField()
    extension_days = models.PositiveSmallIntegerField(default=0)
    responded_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    response_summary = models.TextField(blank=True)
    remedy = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["complaint", "number"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "number"], name="complaint_stage_number")
        ]

    def __str__(self) -> str:
        return f"{self.complaint} stage {self.number}"

    @property
    def on_time(self) -> bool | None:
        if self.responded_on is None:
            return None
        return self.responded_on <= self.due_on


class Extension(Record):
    """More time at a stage, agreed with the complainant, with the reason given."""

    complaint_stage = models.ForeignKey(
        ComplaintStage, on_delete=models.CASCADE, related_name="extensions"
    )
    days = models.PositiveSmallIntegerField()
    reason = models.TextField()
    agreed_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["agreed_on", "id"]


class OmbudsmanCase(Record):
    class Decision(models.TextChoices):
        PENDING = "pending", "Awaiting decision"
        NOT_INVESTIGATED = "not_investigated", "Not investigated"
        PREMATURE = "premature", "Referred back as premature"
        UPHELD = "upheld", "Fault found (upheld)"
        NOT_UPHELD = "not_upheld", "No fault found (not upheld)"

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="ombudsman_cases"
    )
    ombudsman = models.CharField(max_length=200)
    referred_on = models.DateField()
    # The ombudsman took it before the council's procedure had finished (their discretion).
    taken_early = models.BooleanField(default=False)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decided_on = models.DateField(null=True, blank=True)
    remedy = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["referred_on", "id"]


class Learning(Record):
    """What changed because of a complaint: the point of recording complaints at all."""

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="learning"
    )
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL)
    what_changed = models.TextField()
    changed_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["changed_on", "id"]
        verbose_name_plural = "learning"
