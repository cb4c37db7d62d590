"""What cycles say about a progress update being added: plans calls this lazily, so plans never
imports cycles when it loads."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

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
