"""Complaints under configurable procedures. Procedures are data: each council may run several."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation, Unit
from stocktake.core.models import Record
from stocktake.customers.models_feedback import AgeBand

from .workdays import Region


class ComplaintCalendar(Record):
    """Which nation's bank holidays count when working out a council's due dates."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="complaint_calendar"
    )
    region = models.CharField(
        max_length=3, choices=Region.choices, default=Region.ENGLAND_AND_WALES
    )

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_region_display()}"


class Procedure(Record):
    """A complaints procedure such as the Ombudsman's Complaint Handling Code."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="complaint_procedures"
    )
    name = models.CharField(max_length=200)
    code = models.SlugField(max_length=50, help_text="Stable name used by the defaults.")
    description = models.TextField(blank=True)
    ombudsman = models.CharField(max_length=200, blank=True)
    is_default = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="procedure_code")
        ]

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """One stage of a procedure, with its timescales in working days."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    acknowledge_days = models.PositiveSmallIntegerField(default=5)
    respond_days = models.PositiveSmallIntegerField()
    max_extension_days = models.PositiveSmallIntegerField(default=0)
    escalation_target = models.CharField(
        max_length=200, help_text="Where a complainant goes if still dissatisfied."
    )

    class Meta:
        ordering = ["procedure", "number"]
        constraints = [models.UniqueConstraint(fields=["procedure", "number"], name="stage_number")]

    def __str__(self) -> str:
        return f"{self.procedure}: stage {self.number}"


class Channel(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face to face"
    TELEPHONE = "telephone", "Telephone"
    EMAIL = "email", "Email"
    WEB_FORM = "web_form", "Web form"
    LETTER = "letter", "Letter"
    SOCIAL_MEDIA = "social_media", "Social media"
    REPRESENTATIVE = "via_councillor", "Via a councillor or MP"


class ComplaintQuerySet(models.QuerySet["Complaint"]):
    def for_organisation(self, organisation: Organisation) -> ComplaintQuerySet:
        return self.filter(organisation=organisation)

    def waiting(self) -> ComplaintQuerySet:
        """Complaints with something due from the council: an acknowledgement or a response."""
        return self.filter(next_due_on__isnull=False)


class Complaint(Record):
    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        REFUSED = "refused", "Not accepted"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Satisfaction(models.IntegerChoices):
        VERY_DISSATISFIED = 1, "Very dissatisfied"
        DISSATISFIED = 2, "Dissatisfied"
        NEITHER = 3, "Neither satisfied nor dissatisfied"
        SATISFIED = 4, "Satisfied"
        VERY_SATISFIED = 5, "Very satisfied"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="complaints"
    )
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="complaints")
    reference = models.CharField(max_length=30)
    received_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    service_name = models.CharField(max_length=200, blank=True)
    # Personal data: shown only to people who handle the complaint (see access.py).
    complainant_name = models.CharField(max_length=200, blank=True)
    complainant_contact = models.TextField(blank=True)
    via_representative = models.BooleanField(default=False)
    representative_name = models.CharField(max_length=200, blank=True)
    summary = models.TextField()
    outcome_sought = models.TextField(blank=True)
    vulnerable = models.BooleanField(default=False)
    vulnerability_note = models.TextField(blank=True)
    # Who complains, for breakdowns by area segment and equality monitoring; all optional and
    # personal (handlers see them, everyone else only counts).
    area_code = models.CharField(
        max_length=12,
        blank=True,
        help_text="Output area, ward or district code of the complainant's address.",
    )
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    disabled = models.BooleanField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    decided_on = models.DateField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)
    acknowledge_due_on = models.DateField()
    acknowledged_on = models.DateField(null=True, blank=True)
    # The next thing the council owes (acknowledgement or a stage response), kept by the services
    # so the overdue and due-soon lists are one indexed query.
    next_due_on = models.DateField(null=True, blank=True, db_index=True)
    closed_on = models.DateField(null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        choices=Satisfaction.choices, null=True, blank=True
    )
    history = HistoricalRecords()

    objects = ComplaintQuerySet.as_manager()

    PERSONAL_FIELDS = (
        "complainant_name",
        "complainant_contact",
        "representative_name",
        "summary",
        "outcome_sought",
        "vulnerability_note",
        "area_code",
        "age_band",
        "disabled",
    )

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="complaint_reference"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def service_label(self) -> str:
        return self.service_name or (self.unit.name if self.unit else "Not recorded")


from .models_handling import ComplaintStage, Extension, Learning, OmbudsmanCase  # noqa: E402

__all__ = [
    "Channel",
    "Complaint",
    "ComplaintCalendar",
    "ComplaintStage",
    "Extension",
    "Learning",
    "OmbudsmanCase",
    "Procedure",
    "Stage",
]
