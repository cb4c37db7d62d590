"""The gatekeeper for cycles: officer pages need edit_all in the cycle's organisation;
the update form needs nothing but a live link."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in, scopes_with
from stocktake.core.ids import parse_uuid

from . import links
from .models import ReportingCycle, UpdateLink


class LinkGone(Exception):
    """The link was real but has expired, been revoked, or its cycle has closed."""


def officer_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations where the user runs cycles; refused when there are none."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to see cycles")
    if getattr(user, "is_superuser", False):
        return Organisation.objects.all()
    organisations, _units = scopes_with(user, Capability.EDIT_ALL)
    if not organisations:
        raise PermissionDenied("Only performance officers run reporting cycles")
    return Organisation.objects.filter(pk__in=organisations)


def cycle_for_officer(user: AnyUser, cycle_uuid: str) -> ReportingCycle:
    cycle = (
        ReportingCycle.objects.select_related("organisation", "plan")
        .filter(uuid=parse_uuid(cycle_uuid, "cycle"))
        .first()
    )
    if cycle is None:
        raise Http404("No such cycle")
    if Capability.EDIT_ALL not in capabilities_in(user, cycle.organisation_id, None):
        raise PermissionDenied("Only performance officers run reporting cycles")
    return cycle


def link_for_token(token: str) -> UpdateLink:
    """The live link for a token: Http404 when unknown or forged, LinkGone when no longer live."""
    if not links.token_is_signed(token):
        raise Http404("This link is not recognised")
    link = (
        UpdateLink.objects.select_related("cycle", "owner")
        .filter(token_hash=links.token_hash(token))
        .first()
    )
    if link is None:
        raise Http404("This link is not recognised")
    if link.revoked_at is not None:
        raise LinkGone("This link has been withdrawn")
    if link.expires_at <= timezone.now():
        raise LinkGone("This link has expired")
    if link.cycle.status != ReportingCycle.Status.OPEN:
        raise LinkGone("This reporting cycle has closed")
    return link


def cycle_for_reviewer(user: AnyUser, cycle_uuid: str) -> ReportingCycle:
    """Reviewing updates needs the approve capability in the cycle's organisation."""
    cycle = (
        ReportingCycle.objects.select_related("organisation", "plan")
        .filter(uuid=parse_uuid(cycle_uuid, "cycle"))
        .first()
    )
    if cycle is None:
        raise Http404("No such cycle")
    if Capability.APPROVE not in capabilities_in(user, cycle.organisation_id, None):
        raise PermissionDenied("Only performance officers and managers sign off updates")
    return cycle
