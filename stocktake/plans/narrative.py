"""A plan's own words outside its tables: context, functions, SWOT, customers, workforce…

Kept in document order so the plan reads as the council wrote it.
"""

from __future__ import annotations

from django.db import models

from stocktake.core.models import Record


class NarrativeSection(Record):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="narrative")
    position = models.PositiveIntegerField(default=0)
    heading = models.TextField(blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.heading or self.text[:60]
