"""Approval of a service plan: draft → submitted → returned with comments / approved (by whom,
when) → published. The order is the plans app's rule, reused; every submission and
publication keeps the whole plan as an immutable numbered version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from stocktake.accounts.models import Committee
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans import rules as plan_rules

from . import rules
from .document import plan_document
from .models import ServicePlan, Status, Transition, Version


def _move(plan: ServicePlan, to_status: str, by: Actor, comment: str = "") -> Transition:
    rules.transition_allowed(plan.status, to_status)
    transition = Transition.objects.create(
        service_plan=plan,
        from_status=plan.status,
        to_status=to_status,
        comment=comment,
        by=acting_user(by),
    )
    plan.status = to_status
    save_recorded(plan, by)
    return transition


def version_keep(*, plan: ServicePlan, label: str, by: Actor) -> Version:
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return Version.objects.create(
        service_plan=plan,
        number=number,
        label=label,
        by=acting_user(by),
        snapshot=plan_document(plan),
    )


def step_arguments(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """What each step's service takes from the transition form's cleaned data."""
    arguments: dict[str, Any] = {}
    if name in {"submit", "return", "approve", "reopen"}:
        arguments["comment"] = data["comment"]
    if name == "approve":
        arguments |= {k: data[k] for k in ("approved_by", "committee", "approved_on")}
    return arguments


@transaction.atomic
def plan_submit(*, plan: ServicePlan, by: Actor, comment: str = "") -> Version:
    _move(plan, Status.SUBMITTED, by, comment)
    return version_keep(plan=plan, label="Submitted for approval", by=by)


@transaction.atomic
def plan_return(*, plan: ServicePlan, by: Actor, comment: str) -> Transition:
    plan_rules.return_needs_comment(comment)
    return _move(plan, Status.RETURNED, by, comment)


@transaction.atomic
def plan_approve(
    *,
    plan: ServicePlan,
    by: Actor,
    approved_by: str = "",
    committee: Committee | None = None,
    approved_on: dt.date | None = None,
    comment: str = "",
) -> Transition:
    rules.approval_says_by_whom(approved_by, committee.pk if committee else None)
    rules.approval_not_in_future(approved_on, timezone.localdate())
    plan.approved_by = approved_by.strip() or (committee.name if committee else "")
    plan.committee = committee
    plan.approved_on = approved_on or timezone.localdate()
    return _move(plan, Status.APPROVED, by, comment)


@transaction.atomic
def plan_publish(*, plan: ServicePlan, by: Actor) -> Version:
    _move(plan, Status.PUBLISHED, by)
    return version_keep(plan=plan, label="Published", by=by)


@transaction.atomic
def plan_reopen(*, plan: ServicePlan, by: Actor, comment: str = "") -> Transition:
    """Back to draft for changes; the versions already kept stay exactly as they were."""
    return _move(plan, Status.DRAFT, by, comment)
