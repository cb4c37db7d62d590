"""Reads with domain names. The latest value is one subquery per column, so lists stay bounded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from stocktake.accounts.models import Delegation, Person, PostHolding

if TYPE_CHECKING:
    from .models import Indicator  # noqa: F401 - named in the base class below


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def for_organisation(self, organisation_id: int) -> IndicatorQuerySet:
        return self.filter(organisation_id=organisation_id)

    def owned_by(self, user: Any, when: dt.date | None = None) -> IndicatorQuerySet:
        """Indicators the user answers for or updates: as a person, post holder or delegate."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        when = when or timezone.localdate()
        me = Person.objects.filter(user_id=user.pk).values("pk")
        delegators = Delegation.objects.active_on(when).filter(delegate__in=me).values("delegator")
        people = Person.objects.filter(Q(pk__in=me) | Q(pk__in=delegators)).values("pk")
        posts = PostHolding.objects.held_on(when).filter(person__in=people).values("post")
        from .models import Indicator

        updated = Indicator.updaters.through.objects.filter(
            indicator_id=OuterRef("pk"), person_id__in=people
        )
        return self.filter(
            Q(owner_person__in=people) | Q(owner_post__in=posts) | Q(Exists(updated))
        )

    def with_latest(self) -> IndicatorQuerySet:
        """Annotate the latest period's stored value, status and direction."""

        def column(name: str) -> Subquery:
            return Subquery(_latest().values(name)[:1])

        return self.annotate(
            latest_value=column("value"),
            latest_value_text=column("value_text"),
            latest_period=column("period_label"),
            latest_end=column("period_end"),
            latest_status=Coalesce(column("status"), Value("no_data")),
            latest_direction=Coalesce(column("direction"), Value("not_comparable")),
            latest_explanation=column("explanation"),
        )

    def with_latest_id(self) -> IndicatorQuerySet:
        """Annotate the id of the latest period's value, the one with_latest() reads from."""
        return self.annotate(latest_id=Subquery(_latest().values("id")[:1]))

    def latest_statuses(self) -> models.QuerySet[Any, str]:
        """Each indicator's latest status alone, as with_latest() gives it: all that status
        counts need, without building and fetching the other six columns."""
        status = Coalesce(Subquery(_latest().values("status")[:1]), Value("no_data"))
        return self.annotate(latest_status=status).values_list("latest_status", flat=True)

    def filtered(self, **filters: Any) -> IndicatorQuerySet:
        """The list page's filters, applied to a with_latest() queryset."""
        qs = self
        if filters.get("unit"):
            qs = qs.filter(unit__uuid=filters["unit"])
        if filters.get("family"):
            qs = qs.filter(definition__family=filters["family"])
        if filters.get("status"):
            qs = qs.filter(Q(latest_status=filters["status"]))
        if filters.get("owner"):
            qs = qs.filter(owner_person__uuid=filters["owner"])
        if filters.get("plan"):
            qs = qs.filter(plan__uuid=filters["plan"])
        return qs


def _latest() -> models.QuerySet[Any]:
    """The indicator's own values, latest period first."""
    from .models import Measurement

    return Measurement.objects.filter(
        indicator=OuterRef("pk"), organisation_id=OuterRef("organisation_id")
    ).order_by("-period_end", "period_start")
