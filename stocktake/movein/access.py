"""The gatekeeper for moving in: the organisation's performance officers and administrators.

Moving in writes history across every plan, indicator and risk of an organisation, so it
needs "edit all" across the whole organisation, not one service.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in, scopes_with
from stocktake.core.ids import parse_uuid

from .models import MappingProfile, MoveIn


def can_move_in(user: AnyUser, organisation_id: int) -> bool:
    return Capability.EDIT_ALL in capabilities_in(user, organisation_id, None)


def organisations_for_mover(user: AnyUser) -> list[Organisation]:
    if not user.is_authenticated:
        return []
    if getattr(user, "is_superuser", False):
        return list(Organisation.objects.filter(kind=Organisation.Kind.COUNCIL))
    organisations, _ = scopes_with(user, Capability.EDIT_ALL)
    return list(Organisation.objects.filter(pk__in=organisations))


def require_mover(user: AnyUser) -> list[Organisation]:
    found = organisations_for_mover(user)
    if not found:
        raise PermissionDenied("You cannot move history into Stocktake")
    return found


def movein_for_mover(user: AnyUser, movein_uuid: str) -> MoveIn:
    found = (
        MoveIn.objects.select_related("organisation", "plan")
        .filter(uuid=parse_uuid(movein_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such import")
    if not can_move_in(user, found.organisation_id):
        raise PermissionDenied("You cannot import for this organisation")
    return found


def profiles_for(organisation: Organisation) -> list[MappingProfile]:
    return list(MappingProfile.objects.filter(organisation=organisation))
