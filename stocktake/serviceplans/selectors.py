"""Reads for service plan pages: lists, link candidates, and the corporate assembly."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from stocktake.accounts.models import Organisation, Unit
from stocktake.accounts.selectors import AnyUser, grants_for
from stocktake.indicators.models import Indicator
from stocktake.plans import access as plan_access
from stocktake.plans.models import Action, Plan, Section
from stocktake.priorities.models import Priority
from stocktake.risks.models import EqualityAssessment, Risk

from . import access
from .models import LinkKind, SectionContent, ServicePlan


def plans_for_list(user: AnyUser) -> QuerySet[ServicePlan]:
    return (
        ServicePlan.objects.filter(access.visible_plans(user))
        .select_related("organisation", "unit")
        .order_by("organisation__name", "-year", "unit__name")
    )


def units_for_creating(user: AnyUser) -> QuerySet[Unit]:
    """Services where the user may start a plan: all in the performance team's scope, or own."""
    if not user.is_authenticated:
        return Unit.objects.none()
    organisations = {g.organisation_id for g in grants_for(user)}
    if getattr(user, "is_superuser", False):
        organisations |= set(Organisation.objects.values_list("pk", flat=True))
    units = Unit.objects.filter(organisation_id__in=organisations)
    allowed = [u.pk for u in units if access.can_create(user, u.organisation_id, u.pk)]
    return Unit.objects.filter(pk__in=allowed).order_by("name")


def link_candidates(content: SectionContent) -> QuerySet[Any]:
    """Items a link section may list: the tracked plan's, the service's, and those linked now."""
    plan = content.service_plan
    kind = content.section.link_kind
    own = Q(plan_id=plan.tracked_plan_id) if plan.tracked_plan_id else Q(pk__in=[])
    if kind == LinkKind.OBJECTIVES:
        return Section.objects.filter(
            own & Q(parent__isnull=False) | Q(pk__in=content.objectives.values("pk"))
        )
    if kind == LinkKind.ACTIONS:
        return Action.objects.filter(
            own | Q(unit_id=plan.unit_id) | Q(pk__in=content.actions.values("pk"))
        ).filter(organisation_id=plan.organisation_id)
    model: Any = {
        LinkKind.INDICATORS: Indicator,
        LinkKind.RISKS: Risk,
        LinkKind.EQUALITY: EqualityAssessment,
    }[LinkKind(kind)]
    field = {LinkKind.INDICATORS: "indicators", LinkKind.RISKS: "risks"}.get(
        LinkKind(kind), "assessments"
    )
    linked = getattr(content, field).values("pk")
    queryset: QuerySet[Any] = model.objects.filter(
        Q(organisation_id=plan.organisation_id) & (own | Q(unit_id=plan.unit_id) | Q(pk__in=linked))
    )
    return queryset.select_related("definition") if model is Indicator else queryset


def latest_version_snapshot(plan: ServicePlan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    version = plan.versions.order_by("-number").first()
    return version.snapshot if version else None


def imported_plans(user: AnyUser) -> list[Plan]:
    """Service plans imported from papers that the user may turn into written service plans."""
    if not user.is_authenticated:
        return []
    found = (
        Plan.objects.filter(kind=Plan.Kind.SERVICE)
        .filter(plan_access.visible_plans(user))
        .select_related("organisation")
        .order_by("-created_at")[:50]
    )
    return [p for p in found if plan_access.can_edit_plan(user, p)]


def council_aims(organisation_id: int) -> list[Priority]:
    return list(Priority.objects.filter(organisation_id=organisation_id).select_related("parent"))
