"""The gatekeeper for plans and actions: every view asks here, never fetches objects itself.

Not found is 404; found but not allowed raises PermissionDenied, which sends anonymous users
to sign in and shows 403 to signed-in ones.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from stocktake.accounts.models import Capability
from stocktake.accounts.selectors import AnyUser, capabilities_in, scopes_with

from .models import Action, ActionOwner, Plan


def _parse_uuid(value: str | uuid_lib.UUID) -> uuid_lib.UUID:
    try:
        return value if isinstance(value, uuid_lib.UUID) else uuid_lib.UUID(str(value))
    except ValueError:
        raise Http404("No such item") from None


def _owns(user: AnyUser, action: Action) -> bool:
    if not user.is_authenticated:
        return False
    return ActionOwner.objects.filter(action=action, person__user_id=user.pk).exists()


def visible_plans(user: AnyUser) -> Q:
    """Published plans, drafts where the user may read them, and plans holding their items."""
    condition = Q(status=Plan.Status.PUBLISHED)
    if not user.is_authenticated:
        return condition
    if getattr(user, "is_superuser", False):
        return Q()
    organisations, units = scopes_with(user, Capability.READ_DRAFTS)
    owned = ActionOwner.objects.filter(action__plan=OuterRef("pk"), person__user_id=user.pk)
    return (
        condition | Q(organisation_id__in=organisations) | Q(unit_id__in=units) | Q(Exists(owned))
    )


def can_view_plan(user: AnyUser, plan: Plan) -> bool:
    if plan.is_published:
        return True
    capabilities = capabilities_in(user, plan.organisation_id, plan.unit_id)
    if Capability.READ_DRAFTS in capabilities:
        return True
    return Plan.objects.filter(pk=plan.pk).filter(visible_plans(user)).exists()


def can_edit_plan(user: AnyUser, plan: Plan) -> bool:
    return Capability.EDIT_ALL in capabilities_in(user, plan.organisation_id, plan.unit_id)


def can_update_action(user: AnyUser, action: Action) -> bool:
    """Add a progress update: editors in scope, or owners with the update-own capability."""
    capabilities = capabilities_in(user, action.plan.organisation_id, action.plan.unit_id)
    if Capability.EDIT_ALL in capabilities:
        return True
    return Capability.UPDATE_OWN in capabilities and _owns(user, action)


def can_edit_action(user: AnyUser, action: Action) -> bool:
    """Change what was promised (text, owners, due date): editors in scope only."""
    return can_edit_plan(user, action.plan)


def plan_for_viewer(user: AnyUser, plan_uuid: str | uuid_lib.UUID) -> Plan:
    plan = Plan.objects.select_related("organisation", "unit").filter(uuid=_parse_uuid(plan_uuid))
    found = plan.first()
    if found is None:
        raise Http404("No such plan")
    if not can_view_plan(user, found):
        raise PermissionDenied("You cannot see this plan")
    return found


def _action(action_uuid: str | uuid_lib.UUID) -> Action:
    found = (
        Action.objects.select_related("plan", "plan__organisation", "plan__unit", "section")
        .filter(uuid=_parse_uuid(action_uuid))
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
