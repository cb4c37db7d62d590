"""Reads for the partnership register and the owners page, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from stocktake.accounts.models import Organisation, PartnershipMember, Person, Post, PostHolding
from stocktake.accounts.selectors import AnyUser

from .access import visible_partnerships, visible_risks
from .equality import EqualityAssessment
from .models import Risk, RiskReview
from .partnerships import Partnership

# The seeds' indicator counts likelihood levels of 2 or less on the risk's own matrix.
LOW_LIKELIHOOD = 2


def _holders(today: dt.date, prefix: str) -> Prefetch[Any]:
    held = PostHolding.objects.held_on(today).select_related("person")
    return Prefetch(f"{prefix}__holdings", queryset=held, to_attr="current")


def _members(today: dt.date) -> Prefetch[Any]:
    current = (
        PartnershipMember.objects.filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("member")
        .order_by("member__name")
    )
    return Prefetch("body__member_links", queryset=current, to_attr="current_members")


def partnership_register(
    user: AnyUser, organisation: Organisation, *, today: dt.date, filters: dict[str, Any]
) -> QuerySet[Partnership]:
    """The organisation's partnerships the user may see, with their partners and risk counts."""
    open_risks = Q(risks__status=Risk.Status.OPEN)
    partnerships = (
        Partnership.objects.filter(organisation=organisation)
        .filter(visible_partnerships(user))
        .select_related("unit", "body", "lead_person", "lead_post")
        .prefetch_related(_holders(today, "lead_post"), _members(today))
        .annotate(
            risk_count=Count("risks", filter=open_risks, distinct=True),
            overdue_risk_count=Count(
                "risks", filter=open_risks & Q(risks__review_due_on__lt=today), distinct=True
            ),
        )
    )
    if filters.get("status"):
        partnerships = partnerships.filter(status=filters["status"])
    if filters.get("governance"):
        partnerships = partnerships.filter(governance=filters["governance"])
    if filters.get("lead"):
        partnerships = partnerships.filter(lead_person=filters["lead"])
    if filters.get("review_overdue"):
        partnerships = partnerships.filter(
            status=Partnership.Status.ACTIVE, review_due_on__lt=today
        )
    return partnerships.order_by("position", "name", "id")


def partnership_risks(user: AnyUser, partnership: Partnership, today: dt.date) -> QuerySet[Risk]:
    """The partnership's risks the user may see, highest residual score first."""
    held = PostHolding.objects.held_on(today).select_related("person")
    return (
        Risk.objects.filter(partnership=partnership)
        .filter(visible_risks(user))
        .select_related("matrix", "owner_person", "owner_post")
        .prefetch_related(Prefetch("owner_post__holdings", queryset=held, to_attr="current"))
        .order_by("status", "-residual_score", "position", "id")
    )


@dataclass(frozen=True)
class LikelihoodShare:
    """The seeds' PI: of the partnership risks scored by a date, how many are likely 2 or less."""

    as_at: dt.date
    numerator: int
    denominator: int

    @property
    def percent(self) -> Decimal | None:
        if not self.denominator:
            return None
        return (Decimal(100 * self.numerator) / self.denominator).quantize(Decimal("0.01"))


def partnership_likelihood_share(organisation: Organisation, as_at: dt.date) -> LikelihoodShare:
    """From the latest review on or before `as_at` of each risk of the organisation's partnerships.

    Counted: risks open on that date (not closed by then) of partnerships not ended by then,
    whose latest review by then gives a likelihood. Reviews entered later but dated earlier count,
    as the score history does. One query, whatever the number of risks.
    """
    latest = (
        RiskReview.objects.filter(risk=OuterRef("pk"), as_at__lte=as_at, likelihood__isnull=False)
        .order_by("-as_at", "-created_at", "-id")
        .values("likelihood")[:1]
    )
    risks = (
        Risk.objects.filter(organisation=organisation, partnership__isnull=False)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=as_at))
        .filter(Q(partnership__ended_on__isnull=True) | Q(partnership__ended_on__gt=as_at))
        .annotate(likelihood_then=Subquery(latest))
        .filter(likelihood_then__isnull=False)
    )
    counts = risks.aggregate(
        denominator=Count("pk"),
        numerator=Count("pk", filter=Q(likelihood_then__lte=LOW_LIKELIHOOD)),
    )
    return LikelihoodShare(as_at, counts["numerator"], counts["denominator"])


@dataclass(frozen=True)
class OwnerGap:
    """A vacant post or a leaver, with how many of each kind of item still name them."""

    owner: Person | Post
    risks: int
    assessments: int
    partnerships: int

    @property
    def total(self) -> int:
        return self.risks + self.assessments + self.partnerships

    @property
    def key(self) -> str:
        kind = "person" if isinstance(self.owner, Person) else "post"
        return f"{kind}:{self.owner.uuid}"


def _with_counts(items: QuerySet[Any]) -> QuerySet[Any]:
    counted: QuerySet[Any] = items.annotate(
        n_risks=Count("risks", distinct=True),
        n_assessments=Count("equality_assessments", distinct=True),
        n_partnerships=Count("led_partnerships", distinct=True),
    )
    return counted.filter(Q(n_risks__gt=0) | Q(n_assessments__gt=0) | Q(n_partnerships__gt=0))


def needing_new_owners(organisation: Organisation, when: dt.date) -> list[OwnerGap]:
    """Vacant posts, then leavers, that still own risks or lead assessments or partnerships."""
    posts = _with_counts(Post.objects.filter(organisation=organisation).vacant_on(when))
    leavers = _with_counts(Person.objects.filter(organisation=organisation, left_on__lte=when))
    return [
        OwnerGap(item, item.n_risks, item.n_assessments, item.n_partnerships)
        for item in [*posts.order_by("title"), *leavers.order_by("name")]
    ]


@dataclass(frozen=True)
class Unowned:
    """Live items that name no owner or lead at all (often imported from a paper without one)."""

    risks: list[Risk]
    assessments: list[EqualityAssessment]
    partnerships: list[Partnership]

    def __bool__(self) -> bool:
        return bool(self.risks or self.assessments or self.partnerships)


def without_owners(organisation: Organisation) -> Unowned:
    """Open risks, unpublished assessments and active partnerships with nobody named."""
    return Unowned(
        list(
            Risk.objects.for_organisation(organisation.pk)
            .open()
            .filter(owner_person__isnull=True, owner_post__isnull=True)
            .order_by("ref", "position", "id")
        ),
        list(
            EqualityAssessment.objects.filter(
                organisation=organisation, lead_person__isnull=True, lead_post__isnull=True
            )
            .exclude(status=EqualityAssessment.Status.PUBLISHED)
            .order_by("ref", "title", "id")
        ),
        list(
            Partnership.objects.filter(
                organisation=organisation,
                status=Partnership.Status.ACTIVE,
                lead_person__isnull=True,
                lead_post__isnull=True,
            ).order_by("name", "id")
        ),
    )
