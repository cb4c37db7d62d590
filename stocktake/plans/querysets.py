"""Reads with domain names. Each annotation is one subquery, so a page's query count is fixed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from stocktake.accounts.models import Delegation, Person, PostHolding, Unit

if TYPE_CHECKING:
    from .models import Action, Plan  # noqa: F401 - named in the base classes below

_CLOSED = ("complete", "superseded", "transferred", "cancelled")
# Business as usual has no finishing line, so it cannot be overdue.
_NEVER_OVERDUE = (*_CLOSED, "ongoing")


class PlanQuerySet(models.QuerySet["Plan"]):
    def published(self) -> PlanQuerySet:
        return self.filter(status="published")

    def for_organisation(self, organisation_id: int) -> PlanQuerySet:
        return self.filter(organisation_id=organisation_id)


class ActionQuerySet(models.QuerySet["Action"]):
    def for_plan(self, plan: Plan) -> ActionQuerySet:
        return self.filter(organisation_id=plan.organisation_id, plan=plan)

    def owned_by(self, user: Any, when: dt.date | None = None) -> ActionQuerySet:
        """Actions the user answers for: as a person, as a post's holder, or as a delegate."""
        from .models import ActionOwner

        if not getattr(user, "is_authenticated", False):
            return self.none()
        when = when or timezone.localdate()
        me = Person.objects.filter(user_id=user.pk).values("pk")
        delegators = Delegation.objects.active_on(when).filter(delegate__in=me).values("delegator")
        people = Person.objects.filter(Q(pk__in=me) | Q(pk__in=delegators)).values("pk")
        posts = PostHolding.objects.held_on(when).filter(person__in=people).values("post")
        return self.filter(
            Exists(
                ActionOwner.objects.filter(action=OuterRef("pk")).filter(
                    Q(person__in=people) | Q(post__in=posts)
                )
            )
        )

    def open(self) -> ActionQuerySet:
        return self.exclude(progress_status__in=_CLOSED)

    def overdue(self, on: dt.date) -> ActionQuerySet:
        """Open actions whose current due date has passed."""
        return self.open().filter(due_date__lt=on)

    def as_at(self, when: dt.date, *, today: dt.date) -> ActionQuerySet:
        """Annotate each action with its position as it stood on a business date.

        Built only from business-dated records (updates' as-at dates, due revisions' dates),
        never from audit timestamps, so a 2007 paper imported today shows 2007. Before an
        action's first update its status in the past is unknown, so the view says so rather
        than showing today's status.
        """
        current = when >= today
        from .models import DueRevision, ProgressUpdate, UpdateState

        # A returned update never counted; it stays on the record but not in the position.
        updates = (
            ProgressUpdate.objects.filter(action=OuterRef("pk"), as_at__lte=when)
            .exclude(state=UpdateState.RETURNED)
            .order_by("-as_at", "-created_at", "-id")
        )
        revisions = DueRevision.objects.filter(
            action=OuterRef("pk"), revised_on__lte=when
        ).order_by("-revised_on", "-id")
        slipped = (
            DueRevision.objects.filter(action=OuterRef("pk"), revised_on__lte=when)
            .order_by()
            .values("action")
            .annotate(n=Count("id"))
            .values("n")
        )
        return self.annotate(
            last_update_as_at=Subquery(updates.values("as_at")[:1]),
            last_update_position=Subquery(updates.values("position")[:1]),
            last_update_future=Subquery(updates.values("future_action")[:1]),
            last_update_label=Subquery(updates.values("label")[:1]),
            status_shown=Coalesce(
                NullIf(Subquery(updates.values("progress_status")[:1]), Value("")),
                F("progress_status") if current else Value("unknown"),
            ),
            rag_shown=Coalesce(
                NullIf(Subquery(updates.values("rag")[:1]), Value("")),
                F("rag") if current else Value("none"),
            ),
            due_as_at=Coalesce(
                Subquery(revisions.values("new_due_date")[:1]),
                F("original_due_date"),
                F("due_date"),
            ),
            due_text_as_at=Coalesce(
                Subquery(revisions.values("new_due_text")[:1]),
                NullIf(F("original_due_text"), Value("")),
                F("due_text"),
            ),
            slippage_count=Coalesce(Subquery(slipped), Value(0)),
        ).annotate(
            is_overdue=Case(
                When(Q(due_as_at__lt=when) & ~Q(status_shown__in=_NEVER_OVERDUE), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )

    def filtered(self, when: dt.date, **filters: Any) -> ActionQuerySet:
        """Apply the plan page's filters to an as_at() queryset."""
        qs = self
        status = filters.get("status")
        if status:
            qs = qs.filter(Q(status_shown=status))
        rag = filters.get("rag")
        if rag:
            qs = qs.filter(Q(rag_shown=rag))
        unit = filters.get("unit")
        if unit:
            qs = qs.filter(unit__in=Unit.objects.descendants(unit, include_self=True))
        owner = filters.get("owner")
        if owner:
            qs = qs.filter(ownerships__person__uuid=owner)
        if filters.get("overdue"):
            qs = qs.filter(Q(is_overdue=True))
        since = filters.get("not_updated_since")
        if since:
            qs = qs.filter(Q(last_update_as_at__isnull=True) | Q(last_update_as_at__lt=since))
        return qs.distinct() if owner else qs
