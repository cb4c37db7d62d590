"""Customer insight: where people reach the council, and the standard lists and areas used to
describe their contacts. Contacts, rollups, feedback and standards live in sibling modules."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record

from .choices import Channel


class ServiceType(models.Model):
    """One entry of the standard service list. Global: every council describes contacts with it,
    so figures compare across councils."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AccessPoint(Record):
    class Kind(models.TextChoices):
        SERVICE_CENTRE = "service_centre", "Customer service centre"
        INFORMATION_POINT = "information_point", "Community information point"
        KIOSK = "kiosk", "Kiosk"
        LIBRARY = "library", "Library"
        WEB = "web", "Website"
        PHONE = "phone", "Telephone line"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    code = models.SlugField(max_length=50, help_text="Short code used in contact files.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    address = models.TextField(blank=True)
    area_code = models.CharField(max_length=12, blank=True)
    accessibility = models.TextField("accessibility notes", blank=True)
    always_open = models.BooleanField(default=False, help_text="Websites and 24-hour lines.")
    closed_on_bank_holidays = models.BooleanField(default=True)
    holiday_region = models.CharField(
        max_length=3,
        default="ENG",
        choices=[("ENG", "England"), ("WLS", "Wales"), ("SCT", "Scotland"), ("NIR", "N Ireland")],
    )
    is_public = models.BooleanField(default=False, help_text="Shown on the public site.")
    # Retired, not deleted: contacts point at it without a database-level foreign key.
    retired_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="access_point_code_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class OpeningSession(models.Model):
    """A regular weekly session. Closing at or before opening means it runs past midnight."""

    access_point = models.ForeignKey(AccessPoint, on_delete=models.CASCADE, related_name="sessions")
    weekday = models.PositiveSmallIntegerField(help_text="0 = Monday … 6 = Sunday")
    opens = models.TimeField()
    closes = models.TimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.weekday}: {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(models.Model):
    """A date that differs from the weekly pattern: a closure, or special hours."""

    access_point = models.ForeignKey(
        AccessPoint, on_delete=models.CASCADE, related_name="exceptions"
    )
    date = models.DateField()
    opens = models.TimeField(null=True, blank=True, help_text="Empty: closed all day.")
    closes = models.TimeField(null=True, blank=True)
    reason = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["access_point", "date"], name="one_exception_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.reason}"


class Area(models.Model):
    """An official area (output area, ward, district) and its segment in an open area
    classification. Global: the classification is national."""

    class Kind(models.TextChoices):
        OUTPUT_AREA = "output_area", "Output area"
        WARD = "ward", "Ward"
        DISTRICT = "district", "District"

    code = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    district_code = models.CharField(
        max_length=9, blank=True, db_index=True, help_text="GSS code of the district it lies in."
    )
    segment_code = models.CharField(max_length=10, blank=True)
    segment_name = models.CharField(max_length=200, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return self.code


from .models_contacts import (  # noqa: E402  Django finds models through this module
    Contact,
    ContactAreaMonth,
    ContactDay,
    ContactLoad,
    ContactMonth,
    SamplingPeriod,
)
from .models_feedback import (  # noqa: E402
    Feedback,
    PeerSatisfaction,
    ServiceStandard,
    ShoppingCheck,
    ShoppingExercise,
)
from .models_upload import ContactUpload  # noqa: E402

__all__ = [
    "AccessPoint",
    "Area",
    "Channel",
    "Contact",
    "ContactAreaMonth",
    "ContactDay",
    "ContactLoad",
    "ContactMonth",
    "ContactUpload",
    "Feedback",
    "OpeningException",
    "OpeningSession",
    "PeerSatisfaction",
    "SamplingPeriod",
    "ServiceStandard",
    "ServiceType",
    "ShoppingCheck",
    "ShoppingExercise",
]
