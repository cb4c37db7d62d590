"""Portfolios and committees: how members see and report the council's work."""

from __future__ import annotations

from django.db import models

from stocktake.core.models import Record


class Portfolio(Record):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="portfolios"
    )
    name = models.CharField(max_length=200)
    cabinet_member = models.ForeignKey(
        "accounts.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portfolios",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Committee(Record):
    class Kind(models.TextChoices):
        CABINET = "cabinet", "Cabinet"
        SCRUTINY = "scrutiny", "Scrutiny"
        AUDIT = "audit", "Audit"
        COUNCIL = "council", "Full council"
        OTHER = "other", "Other"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="committees"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
