"""What cycles say about a progress update or an indicator value being entered: plans and
indicators call this lazily, so neither imports cycles when it loads."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action, UpdateState

from . import rules
from .models import ReportingCycle


def _covering(action: Action) -> QuerySet[ReportingCycle]:
    """Cycles whose scope includes the action: its plan's, or its organisation's every-plan ones."""
    return ReportingCycle.objects.filter(organisation_id=action.organisation_id).filter(
        Q(plan__isnull=True) | Q(plan_id=action.plan_id)
    )


def locking_cycle(action: Action, as_at: dt.date) -> ReportingCycle | None:
    """The locked cycle whose period (opening to deadline) contains the as-at date, if any."""
    return (
        _covering(action)
        .filter(locked_at__isnull=False, opens_on__lte=as_at, deadline__gte=as_at)
        .order_by("-deadline")
        .first()
    )


def update_state_for(action: Action, as_at: dt.date, reason: str) -> str:
    """The state a new update starts in; ValidationError when a locked period has no reason."""
    rules.locked_period_needs_reason(locking_cycle(action, as_at), reason)
    reviewing = _covering(action).filter(status=ReportingCycle.Status.OPEN, needs_sign_off=True)
    return UpdateState.PROVISIONAL if reviewing.exists() else UpdateState.VERIFIED


def value_locking_cycle(indicator: Indicator, period_end: dt.date) -> ReportingCycle | None:
    """The earliest locked cycle that had the period's figures: one covering the indicator
    that opened after the period ended. Its committee has seen them."""
    return (
        ReportingCycle.objects.filter(organisation_id=indicator.organisation_id)
        .filter(Q(plan__isnull=True) | Q(plan_id=indicator.plan_id))
        .filter(locked_at__isnull=False, opens_on__gt=period_end)
        .order_by("deadline", "id")
        .first()
    )


def check_value_lock(indicator: Indicator, period_end: dt.date, reason: str) -> None:
    """ValidationError when the period has been reported and locked and no reason is given."""
    rules.locked_period_needs_reason(value_locking_cycle(indicator, period_end), reason)
