"""The gatekeeper for complaints.

Complaints hold personal data. Council staff (anyone who may read draft plans in the council)
see the register without it; the complainant's details and words are shown only to people who
handle complaints: editors in scope (performance officers) and the named handler of a stage.
The annual report is aggregate only, so councillors may read it too. Other councils see nothing.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation, Person, Role
from stocktake.accounts.selectors import AnyUser, capabilities_in, grants_for, person_for
from stocktake.core.ids import parse_uuid

from .models import Complaint


def _held_anywhere_in(user: AnyUser, organisation: Organisation, capability: str) -> bool:
    """Whether any of the user's grants in the council, whole or one unit, carries it."""
    if getattr(user, "is_superuser", False):
        return True
    return any(
        g.organisation_id == organisation.pk and capability in g.capabilities
        for g in grants_for(user)
    )


def is_staff_in(user: AnyUser, organisation: Organisation) -> bool:
    return _held_anywhere_in(user, organisation, Capability.READ_DRAFTS)


def can_manage(user: AnyUser, organisation: Organisation) -> bool:
    """Receive complaints and run them through the procedure."""
    return _held_anywhere_in(user, organisation, Capability.EDIT_ALL)


def can_read_report(user: AnyUser, organisation: Organisation) -> bool:
    return is_staff_in(user, organisation) or _held_anywhere_in(
        user, organisation, Capability.READ_SIGNED_OFF
    )


def is_handler(user: AnyUser, complaint: Complaint) -> bool:
    person = person_for(user)
    return person is not None and complaint.stages.filter(handler=person).exists()


def can_handle(user: AnyUser, complaint: Complaint) -> bool:
    """Read the complainant's details and record what happens next."""
    capabilities = capabilities_in(user, complaint.organisation_id, complaint.unit_id)
    return Capability.EDIT_ALL in capabilities or is_handler(user, complaint)


# A stage's named handler signs in to read the complainant's details and record what happens
# next, so a login may be named only if it records updates in the council (lead officers and
# up). Someone without a login (a head of service) may be named: an officer records for them.
HANDLER_CAPABILITY = Capability.UPDATE_OWN


def possible_handlers(organisation: Organisation) -> QuerySet[Person]:
    """The council's current people who may be named to handle a stage of a complaint."""
    roles = [r.pk for r in Role.objects.all() if HANDLER_CAPABILITY in r.capabilities]
    may = Q(user__memberships__organisation=organisation, user__memberships__role__in=roles)
    return (
        Person.objects.filter(organisation=organisation, left_on__isnull=True)
        .filter(may | Q(user__isnull=True) | Q(user__is_superuser=True))
        .distinct()
        .order_by("name")
    )


def _organisation(organisation_uuid: str | uuid_lib.UUID) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    return found


def organisation_for_register(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not is_staff_in(user, organisation):
        raise PermissionDenied("You cannot see this council's complaints")
    return organisation


def organisation_for_manager(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not can_manage(user, organisation):
        raise PermissionDenied("You cannot record complaints for this council")
    return organisation


def organisation_for_report(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = _organisation(organisation_uuid)
    if not can_read_report(user, organisation):
        raise PermissionDenied("You cannot see this council's complaints report")
    return organisation


def complaint_for_viewer(user: AnyUser, complaint_uuid: str | uuid_lib.UUID) -> Complaint:
    found = (
        Complaint.objects.select_related("organisation", "procedure", "unit")
        .filter(uuid=parse_uuid(complaint_uuid, "complaint"))
        .first()
    )
    if found is None:
        raise Http404("No such complaint")
    if not (is_staff_in(user, found.organisation) or can_handle(user, found)):
        raise PermissionDenied("You cannot see this complaint")
    return found


def complaint_for_handler(user: AnyUser, complaint_uuid: str | uuid_lib.UUID) -> Complaint:
    complaint = complaint_for_viewer(user, complaint_uuid)
    if not can_handle(user, complaint):
        raise PermissionDenied("You do not handle this complaint")
    return complaint
