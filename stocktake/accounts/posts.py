"""Posts and who holds them: council papers name owners as posts as often as people."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from stocktake.core.models import Record


class PostQuerySet(models.QuerySet["Post"]):
    def vacant_on(self, when: dt.date) -> PostQuerySet:
        held = PostHolding.objects.held_on(when).values("post_id")
        return self.exclude(pk__in=held)


class Post(Record):
    """A job such as "Deputy Director of Finance", held by a person over a date range, or vacant."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="posts"
    )
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    title = models.CharField(max_length=200)
    history = HistoricalRecords()

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "title"], name="post_unique_title")
        ]

    def __str__(self) -> str:
        return self.title


class PostHoldingQuerySet(models.QuerySet["PostHolding"]):
    def held_on(self, when: dt.date) -> PostHoldingQuerySet:
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=when)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=when)
        )


class PostHolding(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="holdings")
    person = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="post_holdings"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = PostHoldingQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "id"]

    def __str__(self) -> str:
        return f"{self.person} as {self.post}"


class DelegationQuerySet(models.QuerySet["Delegation"]):
    def active_on(self, when: dt.date) -> DelegationQuerySet:
        return self.filter(start_date__lte=when).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=when)
        )


class Delegation(models.Model):
    """Someone may update another person's items for a while (leave, a busy quarter)."""

    delegator = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="delegations_given"
    )
    delegate = models.ForeignKey(
        "accounts.Person", on_delete=models.CASCADE, related_name="delegations_held"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return f"{self.delegate} for {self.delegator}"
