"""The gatekeeper for plans and actions: every view asks here, never fetches objects itself.

Not found is 404; found but not allowed raises PermissionDenied, which sends anonymous users
to sign in and shows 403 to signed-in ones.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from stocktake.accounts.models import Capability, PartnershipMember
from stocktake.accounts.selectors import (
    AnyUser,
    capabilities_in,
    grants_for,
    readable_documents,
)
from stocktake.core.ids import parse_uuid

from .models import Action, Plan

SIGNED_OFF = (Plan.Status.APPROVED, Plan.Status.PUBLISHED)


def visible_plans(user: AnyUser) -> Q:
    """Published plans, drafts where the user may read them, and plans holding their items."""
    readable = readable_documents(user, published=Plan.Status.PUBLISHED, signed_off=SIGNED_OFF)
    if not user.is_authenticated or getattr(user, "is_superuser", False):
        return readable
    owned = Action.objects.owned_by(user).filter(plan=OuterRef("pk"))
    return readable | Q(Exists(owned))


def can_view_plan(user: AnyUser, plan: Plan) -> bool:
    if plan.is_published:
        return True
    capabilities = capabilities_in(user, plan.organisation_id, plan.unit_id)
    if Capability.READ_DRAFTS in capabilities:
        return True
    return Plan.objects.filter(pk=plan.pk).filter(visible_plans(user)).exists()


def _can(user: AnyUser, plan: Plan, capability: str) -> bool:
    return capability in capabilities_in(user, plan.organisation_id, plan.unit_id)


def can_edit_plan(user: AnyUser, plan: Plan) -> bool:
    return _can(user, plan, Capability.EDIT_ALL)


def can_approve_plan(user: AnyUser, plan: Plan) -> bool:
    return _can(user, plan, Capability.APPROVE)


def can_publish_plan(user: AnyUser, plan: Plan) -> bool:
    return _can(user, plan, Capability.PUBLISH)


def updates_own_in(user: AnyUser, organisation_id: int) -> bool:
    """update_own held anywhere in the organisation. An owner answers for their items whatever
    service the plan or the action sits in (an imported plan has none), so a membership scoped
    to one service still lets its holder update what they own elsewhere in the council.

    A partnership's plan is updated by its partners' officers (DESIGN.md): update_own held in
    an organisation that is a current member of the partnership counts there too."""
    if getattr(user, "is_superuser", False):
        return True
    own = {g.organisation_id for g in grants_for(user) if Capability.UPDATE_OWN in g.capabilities}
    return organisation_id in own or organisation_id in _partnerships_of(user, own)


def _partnerships_of(user: AnyUser, members: set[int]) -> frozenset[int]:
    """The partnerships these organisations are current members of, read once per request and
    kept on the user object, so a list of the user's actions asks once, not once a row."""
    if not members:
        return frozenset()
    cached: frozenset[int] | None = getattr(user, "_stocktake_partnerships", None)
    if cached is None:
        today = timezone.localdate()
        cached = frozenset(
            PartnershipMember.objects.filter(member_id__in=members)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
            .values_list("partnership_id", flat=True)
        )
        user._stocktake_partnerships = cached  # type: ignore[union-attr]
    return cached


def can_update_action(user: AnyUser, action: Action, *, owned: bool | None = None) -> bool:
    """Add a progress update: editors in scope, or owners (people, post holders, delegates) who
    may update their own items somewhere in the action's council. owned, where already known
    (a list of the user's own actions), saves a query."""
    if _can(user, action.plan, Capability.EDIT_ALL):
        return True
    if not updates_own_in(user, action.organisation_id):
        return False
    if owned is None:
        owned = Action.objects.owned_by(user).filter(pk=action.pk).exists()
    return owned


def can_edit_action(user: AnyUser, action: Action) -> bool:
    """Change what was promised (text, owners, due date, closure): editors in scope only."""
    return can_edit_plan(user, action.plan)


def plan_for_viewer(user: AnyUser, plan_uuid: str | uuid_lib.UUID) -> Plan:
    found = (
        Plan.objects.select_related("organisation", "unit", "portfolio", "committee")
        .filter(uuid=parse_uuid(plan_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such plan")
    if not can_view_plan(user, found):
        raise PermissionDenied("You cannot see this plan")
    return found


def plan_for(user: AnyUser, plan_uuid: str | uuid_lib.UUID, capability: str) -> Plan:
    plan = plan_for_viewer(user, plan_uuid)
    if not _can(user, plan, capability):
        raise PermissionDenied("You cannot do that to this plan")
    return plan


def _action(action_uuid: str | uuid_lib.UUID) -> Action:
    found = (
        Action.objects.select_related(
            "plan", "plan__organisation", "plan__unit", "section", "superseded_by__plan"
        )
        .filter(uuid=parse_uuid(action_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such action")
    return found


def action_for_viewer(user: AnyUser, action_uuid: str | uuid_lib.UUID) -> Action:
    action = _action(action_uuid)
    if not can_view_plan(user, action.plan):
        raise PermissionDenied("You cannot see this action")
    return action


def action_for_updater(user: AnyUser, action_uuid: str | uuid_lib.UUID) -> Action:
    action = action_for_viewer(user, action_uuid)
    if not can_update_action(user, action):
        raise PermissionDenied("You cannot update this action")
    return action


def action_for_editor(user: AnyUser, action_uuid: str | uuid_lib.UUID) -> Action:
    action = action_for_viewer(user, action_uuid)
    if not can_edit_action(user, action):
        raise PermissionDenied("You cannot edit this action")
    return action
