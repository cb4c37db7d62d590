"""Issuing an owner a fresh link by hand, for the performance officer to send themselves
(their email failed, went astray, or the old link was revoked).

Kept apart from services.py while another change is under way there; it belongs beside
`link_revoke`.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from stocktake.accounts.models import Person

from . import links
from .models import CycleRequest, ReportingCycle, UpdateLink


def _link_can_work(cycle: ReportingCycle, owner: Person, now: dt.datetime) -> None:
    """A new link must be one the owner can use: an open cycle, before its links expire,
    for someone the cycle asked."""
    if cycle.status != ReportingCycle.Status.OPEN:
        raise ValidationError("Links work only while the cycle is open")
    if links.expiry_for(cycle) <= now:
        raise ValidationError("The cycle's links have expired: the grace period is over")
    if not CycleRequest.objects.filter(cycle=cycle, owner=owner).exists():
        raise ValidationError(f"{owner} was not asked for anything in this cycle")


@transaction.atomic
def link_issue(*, cycle: ReportingCycle, owner: Person, now: dt.datetime) -> UpdateLink:
    """A new working link for one owner. Links already sent keep working unless revoked."""
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    _link_can_work(cycle, owner, now)
    link = UpdateLink(
        organisation_id=cycle.organisation_id,
        cycle=cycle,
        owner=owner,
        expires_at=links.expiry_for(cycle),
    )
    link.token_hash = links.token_hash(links.token_for(link))
    link.save()
    return link
