"""Contacts and their precomputed tallies. Contacts are high volume: no audit history, every
index led by organisation, and pages read the daily and monthly tallies, never the contacts."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record


class Avoidable(models.TextChoices):
    YES = "yes", "Avoidable"
    NO = "no", "Not avoidable"
    UNASSESSED = "unassessed", "Not assessed"


class AvoidableReason(models.TextChoices):
    PROGRESS_CHASING = "progress_chasing", "Progress chasing"
    CLARIFICATION = "clarification", "Seeking clarification"
    WRONG_DEPARTMENT = "wrong_department", "Wrong department"
    NOT_ONLINE = "not_online", "Information not available online"
    REPEAT = "repeat", "Repeat after failed resolution"
    OTHER = "other", "Other"


class Exclusion(models.TextChoices):
    """Contacts NI 14 leaves out of both sides of the ratio."""

    OUTBOUND = "outbound", "Council-initiated (outbound)"
    NOT_COUNCIL = "not_council", "Not about a council service"
    INTERNAL = "internal", "From inside the council"
    DUPLICATE = "duplicate", "Duplicate record"


class ContactLoad(Record):
    """One bulk load: who loaded which file, and what happened to its rows."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=300)
    loaded = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.source}: {self.loaded} loaded"


class Contact(Record):
    # No database-level foreign keys here: checking three per row at commit costs more than the
    # load itself at millions of rows. The loader checks them instead (the organisation is its
    # argument, access points are looked up in that organisation's list).
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    received_at = models.DateTimeField()
    # The local (Europe/London) day, stored so tallies and yearly partitions need no time zone sums.
    received_on = models.DateField()
    channel = models.CharField(max_length=20)
    access_point = models.ForeignKey(
        "customers.AccessPoint",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    service_code = models.CharField(max_length=20, blank=True)
    request_type = models.CharField(max_length=100, blank=True)
    resolved_first = models.BooleanField(
        "resolved at first point of contact", null=True, blank=True
    )
    request_resolved = models.BooleanField(
        default=False, help_text="This contact closed the customer's request."
    )
    avoidable = models.CharField(
        max_length=12, choices=Avoidable.choices, default=Avoidable.UNASSESSED
    )
    avoidable_reason = models.CharField(max_length=20, choices=AvoidableReason.choices, blank=True)
    area_code = models.CharField(max_length=12, blank=True)
    exclusion = models.CharField(max_length=20, choices=Exclusion.choices, blank=True)
    load = models.ForeignKey(
        ContactLoad,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_index=False,
        db_constraint=False,
    )

    class Meta:
        indexes = [models.Index(fields=["organisation", "received_on"], name="contact_org_day")]

    def __str__(self) -> str:
        return f"{self.channel} contact at {self.received_at:%Y-%m-%d %H:%M}"


class SamplingPeriod(Record):
    """A week (or other span) in which every contact was assessed for NI 14."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=100)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["organisation", "start"])]

    def __str__(self) -> str:
        return self.name


class Tally(models.Model):
    """Counts of included (not excluded) contacts, and of excluded ones, for one key."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    service_code = models.CharField(max_length=20, blank=True)
    channel = models.CharField(max_length=20)
    contacts = models.PositiveIntegerField(default=0)
    excluded = models.PositiveIntegerField(default=0)
    avoidable = models.PositiveIntegerField(default=0)
    unavoidable = models.PositiveIntegerField(default=0)
    resolved_first = models.PositiveIntegerField(default=0)
    first_known = models.PositiveIntegerField(default=0)
    requests_resolved = models.PositiveIntegerField(default=0)
    progress_chasing = models.PositiveIntegerField(default=0)
    clarification = models.PositiveIntegerField(default=0)
    wrong_department = models.PositiveIntegerField(default=0)
    not_online = models.PositiveIntegerField(default=0)
    repeat = models.PositiveIntegerField(default=0)
    other = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


MEASURES = [
    "contacts",
    "excluded",
    "avoidable",
    "unavoidable",
    "resolved_first",
    "first_known",
    "requests_resolved",
    *AvoidableReason.values,
]


class ContactDay(Tally):
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "day", "service_code", "channel"], name="contact_day_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.service_code} {self.channel}: {self.contacts}"


class ContactMonth(Tally):
    month = models.DateField(help_text="The first day of the month.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "month", "service_code", "channel"],
                name="contact_month_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%b %Y} {self.service_code} {self.channel}: {self.contacts}"


class ContactAreaMonth(models.Model):
    """Contacts by area and channel: the basis of segment breakdowns."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    month = models.DateField()
    area_code = models.CharField(max_length=12, blank=True)
    channel = models.CharField(max_length=20)
    contacts = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "month", "area_code", "channel"],
                name="contact_area_month_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%b %Y} {self.area_code} {self.channel}: {self.contacts}"
