"""The gatekeeper for imports: editors of the organisation the paper is imported for."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in, scopes_with
from stocktake.core.ids import parse_uuid

from .models import ImportRecord


def organisations_for_importer(user: AnyUser) -> list[Organisation]:
    if getattr(user, "is_superuser", False):
        return list(Organisation.objects.all())
    organisations, _ = scopes_with(user, Capability.EDIT_ALL)
    return list(Organisation.objects.filter(pk__in=organisations))


def can_import_for(user: AnyUser, organisation: Organisation) -> bool:
    return Capability.EDIT_ALL in capabilities_in(user, organisation.pk, None)


def record_for_importer(user: AnyUser, record_uuid: str) -> ImportRecord:
    record = (
        ImportRecord.objects.select_related("organisation", "plan")
        .filter(uuid=parse_uuid(record_uuid))
        .first()
    )
    if record is None:
        raise Http404("No such import")
    if not can_import_for(user, record.organisation):
        raise PermissionDenied("You cannot import for this organisation")
    return record
