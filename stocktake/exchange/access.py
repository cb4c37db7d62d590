"""The gatekeeper for exports and open data.

A whole-organisation export holds everything, drafts and internal notes included, so only
administrators of that organisation download it. Open data is published content only:
anything else is simply not found there.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in
from stocktake.core.ids import parse_uuid
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Plan


def organisation_for_exporter(user: AnyUser, organisation_uuid: str) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    if Capability.ADMINISTER not in capabilities_in(user, found.pk, None):
        raise PermissionDenied("Only the organisation's administrators can export it")
    return found


def published_plan(plan_uuid: str) -> Plan:
    found = (
        Plan.objects.published()
        .select_related("organisation", "unit")
        .filter(uuid=parse_uuid(plan_uuid, "plan"))
        .first()
    )
    if found is None:
        raise Http404("No such published plan")
    return found


def public_indicator(indicator_uuid: str) -> Indicator:
    found = (
        Indicator.objects.filter(is_public=True, uuid=parse_uuid(indicator_uuid, "indicator"))
        .select_related("organisation", "definition")
        .first()
    )
    if found is None:
        raise Http404("No such public indicator")
    return found
