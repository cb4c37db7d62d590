"""The FAQ and signposting knowledge base for staff and councillors."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.core.models import Record


class Entry(Record):
    class Kind(models.TextChoices):
        QUESTION = "question", "Question and answer"
        SERVICE = "service", "Council service"
        ORGANISATION = "organisation", "Another organisation"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="knowledge_entries"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    question = models.CharField("Question or name", max_length=300)
    answer = models.TextField()
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL)
    tags = models.CharField(max_length=300, blank=True, help_text="Separate with commas.")
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    review_on = models.DateField()
    signpost_name = models.CharField("Organisation to signpost", max_length=200, blank=True)
    signpost_contact = models.TextField("Their contact details", blank=True)
    signpost_helps_with = models.TextField("What they help with", blank=True)
    # Everything a search may match, lower-cased once on write so a search is one scan.
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["question"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["organisation", "review_on"], name="entry_review")]

    def __str__(self) -> str:
        return self.question

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]
