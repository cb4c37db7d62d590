"""The register of a council's significant partnerships, each with its own risks and reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.core.models import Record


class Partnership(Record):
    """A partnership the council takes part in, as its own register records it.

    Where the partnership is also an organisation of kind "partnership" (an LSP, a CDRP), `body`
    points at it and its members are read from there; other partners are named in `partner_names`.
    """

    class Governance(models.TextChoices):
        FORMAL = "formal", "Formal, with terms of reference"
        INFORMAL = "informal", "Informal arrangement"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships",
        help_text="The service that manages the council's part in it.",
    )
    body = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_entries",
        limit_choices_to={"kind": "partnership"},
        help_text="The partnership as an organisation, where it is recorded as one.",
    )
    name = models.CharField(max_length=300)
    partner_names = models.TextField(
        blank=True, help_text="Partners not recorded as organisations, one a line."
    )
    purpose = models.TextField(blank=True)
    lead_person = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_partnerships",
    )
    lead_post = models.ForeignKey(
        "accounts.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_partnerships",
    )
    governance = models.CharField(max_length=10, choices=Governance.choices, blank=True)
    governance_note = models.TextField(
        blank=True, help_text="Where the terms of reference are, who chairs, how it reports."
    )
    funding = models.TextField(blank=True, help_text="Who pays what, e.g. the council's share.")
    review_days = models.PositiveSmallIntegerField(
        default=365, help_text="Days between reviews of the partnership."
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    ended_on = models.DateField(null=True, blank=True)
    flags = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["position", "name", "id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lead_person__isnull=True) | models.Q(lead_post__isnull=True),
                name="partnership_lead_person_or_post",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def lead(self) -> object | None:
        return self.lead_person or self.lead_post

    @property
    def other_partners(self) -> list[str]:
        return [line.strip() for line in self.partner_names.splitlines() if line.strip()]


class PartnershipReview(Record):
    """A dated look at whether the partnership still earns its place, and on what terms."""

    class Outcome(models.TextChoices):
        CONTINUE = "continue", "Continue as it is"
        CHANGE = "change", "Continue with changes"
        EXIT = "exit", "Leave or wind up"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="reviews")
    as_at = models.DateField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    note = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_reviews",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["as_at", "created_at", "id"]
        indexes = [models.Index(fields=["partnership", "as_at"])]

    def __str__(self) -> str:
        return f"{self.partnership} at {self.as_at}: {self.outcome}"
