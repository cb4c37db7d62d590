"""The gatekeeper for service plans. Published plans are public; drafts are for those who
read drafts in the plan's scope. A service head (a Lead officer whose membership is in the
plan's unit) writes their own service's plan; the performance team (edit all in scope)
writes and comments on every plan; approving and publishing need those capabilities."""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import (
    AnyUser,
    capabilities_in,
    readable_documents,
    scopes_with,
)
from stocktake.core.ids import parse_uuid

from . import rules
from .models import ServicePlan, Status


def visible_plans(user: AnyUser) -> Q:
    return readable_documents(user, published=Status.PUBLISHED, signed_off=rules.SIGNED_OFF)


def _capabilities(user: AnyUser, plan: ServicePlan) -> frozenset[str]:
    return capabilities_in(user, plan.organisation_id, plan.unit_id)


def can_view(user: AnyUser, plan: ServicePlan) -> bool:
    if plan.is_published:
        return True
    return ServicePlan.objects.filter(pk=plan.pk).filter(visible_plans(user)).exists()


def is_service_head(user: AnyUser, unit_id: int) -> bool:
    """Updates items within a membership held in this unit (or one above it in the tree)."""
    return unit_id in scopes_with(user, Capability.UPDATE_OWN)[1]


def can_write(user: AnyUser, plan: ServicePlan) -> bool:
    """May change what the plan says (when its status allows) and submit it."""
    if Capability.EDIT_ALL in _capabilities(user, plan):
        return True
    return is_service_head(user, plan.unit_id)


def can_comment(user: AnyUser, plan: ServicePlan) -> bool:
    capabilities = _capabilities(user, plan)
    return Capability.EDIT_ALL in capabilities or Capability.APPROVE in capabilities


def can_create(user: AnyUser, organisation_id: int, unit_id: int) -> bool:
    if Capability.EDIT_ALL in capabilities_in(user, organisation_id, unit_id):
        return True
    return is_service_head(user, unit_id)


def plan_for_viewer(user: AnyUser, plan_uuid: str | uuid_lib.UUID) -> ServicePlan:
    found = (
        ServicePlan.objects.select_related("organisation", "unit", "template", "previous")
        .filter(uuid=parse_uuid(plan_uuid, "service plan"))
        .first()
    )
    if found is None:
        raise Http404("No such service plan")
    if not can_view(user, found):
        raise PermissionDenied("You cannot see this service plan")
    return found


def plan_for_writer(user: AnyUser, plan_uuid: str | uuid_lib.UUID) -> ServicePlan:
    plan = plan_for_viewer(user, plan_uuid)
    if not can_write(user, plan):
        raise PermissionDenied("You cannot change this service plan")
    return plan


def plan_for_commenter(user: AnyUser, plan_uuid: str | uuid_lib.UUID) -> ServicePlan:
    plan = plan_for_viewer(user, plan_uuid)
    if not can_comment(user, plan):
        raise PermissionDenied("Only the performance team comments on service plans")
    return plan


def plan_for(user: AnyUser, plan_uuid: str | uuid_lib.UUID, capability: str) -> ServicePlan:
    """For a workflow step: "write" (the service head or performance team) or a capability."""
    plan = plan_for_viewer(user, plan_uuid)
    allowed = (
        can_write(user, plan)
        if capability == "write"
        else (capability in _capabilities(user, plan))
    )
    if not allowed:
        raise PermissionDenied("You cannot do that to this service plan")
    return plan


def can_change_template(user: AnyUser, organisation_id: int) -> bool:
    """The council's template: its performance team and administrators."""
    capabilities = capabilities_in(user, organisation_id, None)
    return Capability.EDIT_ALL in capabilities or Capability.ADMINISTER in capabilities


def organisation_for_template(user: AnyUser, organisation_uuid: str) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    if not can_change_template(user, found.pk):
        raise PermissionDenied("Only the performance team changes the template")
    return found
