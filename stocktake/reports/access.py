"""The gatekeeper for reports, snapshots and dashboards.

Reports only ever read plans the user may see. Definitions and private snapshots belong to the
council's readers; saving needs edit_all and publishing needs publish, organisation-wide.
Unknown is 404; found but not allowed raises PermissionDenied (anonymous users go to sign in).
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import (
    AnyUser,
    capabilities_in,
    home_organisation,
    scopes_with,
)
from stocktake.core.ids import parse_uuid
from stocktake.plans.access import visible_plans
from stocktake.plans.models import Plan

from .models import ReportDefinition, ReportJob, ReportSnapshot

_READ = (Capability.READ_DRAFTS, Capability.READ_SIGNED_OFF)


def plans_for_reports(user: AnyUser) -> QuerySet[Plan]:
    return Plan.objects.filter(visible_plans(user)).select_related("organisation", "unit")


def reader_organisations(user: AnyUser) -> set[int]:
    """Organisations where the user reads plans organisation-wide."""
    found: set[int] = set()
    for capability in _READ:
        found |= scopes_with(user, capability)[0]
    return found


def can_read_organisation(user: AnyUser, organisation_id: int) -> bool:
    return bool(set(_READ) & capabilities_in(user, organisation_id, None))


def dashboard_organisation(user: AnyUser) -> Organisation | None:
    """The council whose health card the navigation opens: the user's own if they may read it
    whole, else the first they may; None when they read no council whole (the link is hidden)."""
    home = home_organisation(user)
    if home is not None and can_read_organisation(user, home.pk):
        return home
    readable = reader_organisations(user)
    return Organisation.objects.filter(pk__in=readable).order_by("name", "id").first()


def can_open_dashboard(user: AnyUser) -> bool:
    """Whether to offer the Dashboard link: without a query, as it shows on every page."""
    return bool(getattr(user, "is_superuser", False) or reader_organisations(user))


def can_save(user: AnyUser, organisation_id: int) -> bool:
    return Capability.EDIT_ALL in capabilities_in(user, organisation_id, None)


def can_publish(user: AnyUser, organisation_id: int) -> bool:
    return Capability.PUBLISH in capabilities_in(user, organisation_id, None)


def _uuid(value: str | uuid_lib.UUID) -> uuid_lib.UUID:
    return parse_uuid(value)


def definition_for_viewer(user: AnyUser, definition_uuid: str) -> ReportDefinition:
    found = (
        ReportDefinition.objects.select_related("organisation")
        .filter(uuid=_uuid(definition_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such report")
    if not can_read_organisation(user, found.organisation_id):
        raise PermissionDenied("You cannot see this report")
    return found


def definition_for_publisher(user: AnyUser, definition_uuid: str) -> ReportDefinition:
    found = definition_for_viewer(user, definition_uuid)
    if not can_publish(user, found.organisation_id):
        raise PermissionDenied("You cannot publish this report")
    return found


def snapshot_for_viewer(user: AnyUser, snapshot_uuid: str) -> ReportSnapshot:
    found = (
        ReportSnapshot.objects.select_related("organisation", "published_by")
        .filter(uuid=_uuid(snapshot_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such published report")
    if not found.is_public and not can_read_organisation(user, found.organisation_id):
        raise PermissionDenied("This published report is not public")
    return found


def organisation_for_dashboard(user: AnyUser, organisation_uuid: str) -> Organisation:
    found = Organisation.objects.filter(uuid=_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    if not can_read_organisation(user, found.pk):
        raise PermissionDenied("You cannot see this council's dashboard")
    return found


def published_plan(plan_uuid: str) -> Plan:
    """The public site shows published plans only; anything else does not exist for it."""
    found = (
        Plan.objects.published()
        .select_related("organisation", "unit")
        .filter(uuid=_uuid(plan_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such published plan")
    return found


def job_for_viewer(user: AnyUser, job_uuid: str) -> ReportJob:
    """A prepared file holds what its requester could see (risks, private indicators), so it is
    theirs alone, and only while they may still see every plan in it."""
    found = (
        ReportJob.objects.select_related("definition", "requested_by")
        .filter(uuid=_uuid(job_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such report file")
    if not user.is_authenticated or (user.pk != found.requested_by_id and not user.is_superuser):
        raise PermissionDenied("This report file was prepared for someone else")
    if found.definition is not None:
        definition_for_viewer(user, str(found.definition.uuid))
    wanted = set(found.params.get("plans") or [])
    seen = {
        str(u)
        for u in plans_for_reports(user).filter(uuid__in=wanted).values_list("uuid", flat=True)
    }
    if wanted - seen:
        raise PermissionDenied("You can no longer see every plan in this report")
    return found
