"""Reads with domain names for risks. Over-appetite and overdue are plain column comparisons."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from stocktake.accounts.models import Delegation, Person, PostHolding

if TYPE_CHECKING:
    from .models import Risk  # noqa: F401 - named in the base class below


def answerable(user: Any, when: dt.date | None = None) -> tuple[QuerySet[Any], QuerySet[Any]]:
    """The people and posts a user answers for: themselves, delegators, and posts they hold."""
    when = when or timezone.localdate()
    me = Person.objects.filter(user_id=user.pk).values("pk")
    delegators = Delegation.objects.active_on(when).filter(delegate__in=me).values("delegator")
    people = Person.objects.filter(Q(pk__in=me) | Q(pk__in=delegators)).values("pk")
    posts = PostHolding.objects.held_on(when).filter(person__in=people).values("post")
    return people, posts


# Nothing behind schedule can be said of an action that is finished.
_CLOSED_ACTIONS = ("complete", "superseded", "transferred", "cancelled")


def behind_actions(today: dt.date, prefix: str = "") -> Q:
    """An open action that is overdue, rated red or amber, or on hold.

    `prefix` points the condition at related actions, e.g. "mitigating_actions__".
    """
    status, due, rag = f"{prefix}progress_status", f"{prefix}due_date", f"{prefix}rag"
    return ~Q(**{f"{status}__in": _CLOSED_ACTIONS}) & (
        Q(**{f"{due}__lt": today})
        | Q(**{f"{rag}__in": ("red", "amber")})
        | Q(**{status: "on_hold"})
    )


class RiskQuerySet(models.QuerySet["Risk"]):
    def for_organisation(self, organisation_id: int) -> RiskQuerySet:
        return self.filter(organisation_id=organisation_id)

    def open(self) -> RiskQuerySet:
        return self.filter(status="open")

    def owned_by(self, user: Any, when: dt.date | None = None) -> RiskQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        people, posts = answerable(user, when)
        return self.filter(Q(owner_person__in=people) | Q(owner_post__in=posts))

    def over_appetite(self) -> RiskQuerySet:
        """Residual score above the risk's appetite, or red where no appetite is set."""
        limit = Coalesce(F("appetite"), F("matrix__red_from") - 1)
        return self.filter(residual_score__isnull=False, residual_score__gt=limit)

    def review_overdue(self, today: dt.date) -> RiskQuerySet:
        return self.open().filter(review_due_on__lt=today)

    def with_actions_behind(self, today: dt.date) -> RiskQuerySet:
        from stocktake.plans.models import Action

        behind = Action.objects.filter(behind_actions(today), mitigated_risks=OuterRef("pk"))
        return self.filter(Exists(behind))
