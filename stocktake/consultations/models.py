"""The corporate consultation planner and its "we asked, you said, we did" record."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.core.models import Record
from stocktake.plans.models import Action


class Method(models.TextChoices):
    SURVEY = "survey", "Survey (paper or online)"
    MEETING = "meeting", "Public meeting or drop-in"
    FOCUS_GROUP = "focus_group", "Focus group"
    PANEL = "panel", "Citizens' panel"
    WORKSHOP = "workshop", "Workshop"
    WRITTEN = "written", "Written responses"
    SOCIAL_MEDIA = "social_media", "Social media"


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def published(self) -> ConsultationQuerySet:
        return self.filter(status=Consultation.Status.OUTCOME_PUBLISHED)


class Consultation(Record):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        ANALYSING = "analysing", "Analysing responses"
        OUTCOME_PUBLISHED = "outcome_published", "Outcome published"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="consultations"
    )
    title = models.CharField(max_length=300)
    we_asked = models.TextField("What we asked", blank=True)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    lead_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    methods = models.JSONField(default=list, blank=True)
    audiences = models.CharField(max_length=300, blank=True)
    areas = models.CharField(
        max_length=300, blank=True, help_text="Wards, parishes or 'whole district'."
    )
    opens_on = models.DateField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    budget = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    statutory = models.BooleanField(default=False)
    decision = models.CharField(
        "Linked decision", max_length=300, blank=True, help_text="Committee and date, if any."
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    history = HistoricalRecords()

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def method_labels(self) -> list[str]:
        labels = dict(Method.choices)
        return [str(labels.get(m, m)) for m in self.methods]


class ResponseCount(models.Model):
    """How many responded, by channel or (where collected) by an equality characteristic."""

    class Kind(models.TextChoices):
        CHANNEL = "channel", "Channel"
        EQUALITY = "equality", "Equality profile"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="response_counts"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(max_length=200)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["kind", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "kind", "label"], name="response_count_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.count}"


class Feedback(Record):
    """One line of "you said, we did", linked where it led to an action in a plan."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="feedback"
    )
    you_said = models.TextField()
    we_did = models.TextField()
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "position", "id"]


from .models_kb import Entry  # noqa: E402

__all__ = ["Consultation", "Entry", "Feedback", "Method", "ResponseCount"]
