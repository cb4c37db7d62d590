"""Council priorities: aims and the approaches under them, held at council level.

Every plan's objectives and actions link to them, many to many: one action can serve (A1) and (A5).
"""

from __future__ import annotations

from django.db import models

from stocktake.core.models import Record


class Priority(Record):
    class Kind(models.TextChoices):
        AIM = "aim", "Aim"
        APPROACH = "approach", "Approach"
        ACTION = "action", "Council action"

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="priorities"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="approaches"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AIM)
    code = models.CharField(
        max_length=20, help_text='As the council writes it, e.g. "A1" or "Civ".'
    )
    title = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="priority_code_unique")
        ]

    def __str__(self) -> str:
        return f"({self.code}) {self.title}"
