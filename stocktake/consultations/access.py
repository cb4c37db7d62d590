"""The gatekeeper for consultations and the knowledge base.

Council staff and councillors read the planner and the knowledge base; editors in the council
(and a consultation's lead officer, an entry's owner) change them. The public sees only
consultations whose outcome is published, and never who ran them.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, grants_for, person_for
from stocktake.core.ids import parse_uuid

from .models import Consultation, Entry

READ = frozenset({Capability.READ_DRAFTS, Capability.READ_SIGNED_OFF})


def _holds(user: AnyUser, organisation_id: int, wanted: frozenset[str]) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(
        g.organisation_id == organisation_id and wanted & g.capabilities for g in grants_for(user)
    )


def can_read(user: AnyUser, organisation_id: int) -> bool:
    return _holds(user, organisation_id, READ)


def can_manage(user: AnyUser, organisation_id: int) -> bool:
    return _holds(user, organisation_id, frozenset({Capability.EDIT_ALL}))


def _is(user: AnyUser, person_id: int | None) -> bool:
    person = person_for(user)
    return person is not None and person.pk == person_id


def can_edit_consultation(user: AnyUser, consultation: Consultation) -> bool:
    return can_manage(user, consultation.organisation_id) or _is(user, consultation.lead_officer_id)


def can_edit_entry(user: AnyUser, entry: Entry) -> bool:
    return can_manage(user, entry.organisation_id) or _is(user, entry.owner_id)


def organisation_for(
    user: AnyUser, organisation_uuid: str, *, manage: bool = False
) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    allowed = can_manage(user, found.pk) if manage else can_read(user, found.pk)
    if not allowed:
        raise PermissionDenied("You cannot do that for this council")
    return found


def consultation_for_viewer(user: AnyUser, consultation_uuid: str) -> Consultation:
    found = (
        Consultation.objects.select_related("organisation", "unit", "lead_officer", "action__plan")
        .filter(uuid=parse_uuid(consultation_uuid, "consultation"))
        .first()
    )
    if found is None:
        raise Http404("No such consultation")
    if not can_read(user, found.organisation_id):
        raise PermissionDenied("You cannot see this consultation")
    return found


def consultation_for_editor(user: AnyUser, consultation_uuid: str) -> Consultation:
    consultation = consultation_for_viewer(user, consultation_uuid)
    if not can_edit_consultation(user, consultation):
        raise PermissionDenied("You cannot change this consultation")
    return consultation


def published_consultation(consultation_uuid: str | uuid_lib.UUID) -> Consultation:
    found = (
        Consultation.objects.published()
        .select_related("organisation", "unit")
        .filter(uuid=parse_uuid(consultation_uuid, "consultation"))
        .first()
    )
    if found is None:
        raise Http404("No such published consultation")
    return found


def entry_for_editor(user: AnyUser, entry_uuid: str) -> Entry:
    found = (
        Entry.objects.select_related("organisation")
        .filter(uuid=parse_uuid(entry_uuid, "entry"))
        .first()
    )
    if found is None:
        raise Http404("No such entry")
    if not can_read(user, found.organisation_id):
        raise PermissionDenied("You cannot see this entry")
    if not can_edit_entry(user, found):
        raise PermissionDenied("You cannot change this entry")
    return found
