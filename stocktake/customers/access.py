"""The gatekeeper for customer insight. Access points and published standards are public;
contact figures are for people who may read the council's performance data; entering contacts
needs update rights, and sampling periods need edit rights, anywhere in the council. Access points,
service standards and mystery shopping are managed by those who edit everything in the council
(performance officers and administrators).

Unknown things are 404; known but not allowed raises PermissionDenied (sign-in for anonymous).
"""

from __future__ import annotations

import uuid as uuid_lib
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, grants_for
from stocktake.core.ids import parse_uuid

from .models import AccessPoint, ContactUpload
from .models_feedback import ServiceStandard, ShoppingCheck, ShoppingExercise

READ = frozenset({Capability.READ_DRAFTS, Capability.READ_SIGNED_OFF})


def _holds(user: AnyUser, organisation_id: int, wanted: frozenset[str]) -> bool:
    """Any grant in the council, whole or for one unit: contact data is council-wide."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return any(
        g.organisation_id == organisation_id and g.capabilities & wanted for g in grants_for(user)
    )


def can_read_contacts(user: AnyUser, organisation_id: int) -> bool:
    return _holds(user, organisation_id, READ)


def can_enter_contacts(user: AnyUser, organisation_id: int) -> bool:
    return _holds(user, organisation_id, frozenset({Capability.UPDATE_OWN, Capability.EDIT_ALL}))


def can_manage_sampling(user: AnyUser, organisation_id: int) -> bool:
    return _holds(user, organisation_id, frozenset({Capability.EDIT_ALL}))


def can_manage_service(user: AnyUser, organisation_id: int) -> bool:
    return _holds(user, organisation_id, frozenset({Capability.EDIT_ALL}))


def _organisation(organisation_uuid: str | uuid_lib.UUID) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    return found


def organisation_for_reader(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not can_read_contacts(user, organisation.pk):
        raise PermissionDenied("You cannot see this council's contact figures")
    return organisation


def organisation_for_entry(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not can_enter_contacts(user, organisation.pk):
        raise PermissionDenied("You cannot record contacts for this council")
    return organisation


def organisation_for_sampling(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not can_manage_sampling(user, organisation.pk):
        raise PermissionDenied("You cannot set sampling periods for this council")
    return organisation


def visible_access_points(user: AnyUser) -> Q:
    condition = Q(is_public=True)
    if not user.is_authenticated:
        return condition
    if getattr(user, "is_superuser", False):
        return Q()
    readable = {g.organisation_id for g in grants_for(user) if g.capabilities & READ}
    return condition | Q(organisation_id__in=readable)


def access_point_for_viewer(user: AnyUser, access_point_uuid: str) -> AccessPoint:
    found = (
        AccessPoint.objects.select_related("organisation")
        .filter(uuid=parse_uuid(access_point_uuid, "access point"))
        .first()
    )
    if found is None:
        raise Http404("No such access point")
    if not (found.is_public or can_read_contacts(user, found.organisation_id)):
        raise PermissionDenied("This access point is not published")
    return found


def organisation_for_manager(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not can_manage_service(user, organisation.pk):
        raise PermissionDenied("You cannot manage this council's customer service")
    return organisation


Managed = TypeVar("Managed", AccessPoint, ServiceStandard, ShoppingExercise)


def _for_manager(user: AnyUser, rows: QuerySet[Managed], uuid: str, what: str) -> Managed:
    """One of a council's customer-service records, for those who manage that council's."""
    found = rows.filter(uuid=parse_uuid(uuid, what)).first()
    if found is None:
        raise Http404(f"No such {what}")
    if not can_manage_service(user, found.organisation_id):
        raise PermissionDenied(f"You cannot manage this {what}")
    return found


def access_point_for_manager(user: AnyUser, access_point_uuid: str) -> AccessPoint:
    rows = AccessPoint.objects.select_related("organisation")
    return _for_manager(user, rows, access_point_uuid, "access point")


def standard_for_manager(user: AnyUser, standard_uuid: str) -> ServiceStandard:
    rows = ServiceStandard.objects.select_related("organisation")
    return _for_manager(user, rows, standard_uuid, "service standard")


def exercise_for_manager(user: AnyUser, exercise_uuid: str) -> ShoppingExercise:
    rows = ShoppingExercise.objects.select_related("organisation", "peer")
    return _for_manager(user, rows, exercise_uuid, "mystery shopping exercise")


def check_for_manager(user: AnyUser, check_uuid: str) -> ShoppingCheck:
    """A check belongs to the council of its exercise."""
    found = (
        ShoppingCheck.objects.select_related("exercise__organisation", "standard")
        .filter(uuid=parse_uuid(check_uuid, "mystery shopping check"))
        .first()
    )
    if found is None:
        raise Http404("No such mystery shopping check")
    if not can_manage_service(user, found.exercise.organisation_id):
        raise PermissionDenied("You cannot manage this mystery shopping check")
    return found


def can_load_areas(user: AnyUser) -> bool:
    """The area classification is national, shared by every council: site administrators only,
    as with national indicator definitions."""
    return bool(user.is_authenticated and getattr(user, "is_superuser", False))


def check_area_loader(user: AnyUser) -> None:
    if not can_load_areas(user):
        raise PermissionDenied("Only site administrators can load the area classification")


def upload_for_entry(user: AnyUser, organisation_uuid: str, upload_uuid: str) -> ContactUpload:
    """An upload's outcome is the council's, like its loads: anyone who may load contacts there."""
    organisation = organisation_for_entry(user, organisation_uuid)
    found = (
        ContactUpload.objects.select_related("organisation", "requested_by")
        .filter(organisation=organisation, uuid=parse_uuid(upload_uuid, "upload"))
        .first()
    )
    if found is None:
        raise Http404("No such upload")
    return found
