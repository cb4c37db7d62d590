"""Update-link tokens: signed, single-purpose, and stored only as a hash.

The token is the link's random UUID signed with SECRET_KEY under a salt used for nothing else,
so the outbox can rebuild it when it sends a reminder, while a copy of the database alone
(which holds only the SHA-256 of each token) cannot be turned into working links.
Expiry and revocation live on the row, so they can change after the email has gone.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import ReportingCycle, UpdateLink

_SIGNER = signing.Signer(salt="stocktake.cycles.update-link", sep=".")


def token_for(link: UpdateLink) -> str:
    return _SIGNER.sign(str(link.uuid))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_is_signed(token: str) -> bool:
    try:
        _SIGNER.unsign(token)
    except signing.BadSignature:
        return False
    return True


def link_url(link: UpdateLink) -> str:
    path = reverse("cycles:update_form", args=[token_for(link)])
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def expiry_for(cycle: ReportingCycle) -> dt.datetime:
    """The end of the last day of grace after the deadline, in local time."""
    last_day = cycle.deadline + dt.timedelta(days=cycle.grace_days + 1)
    return timezone.make_aware(dt.datetime.combine(last_day, dt.time.min))


def last_day(expires_at: dt.datetime) -> dt.date:
    """The last day a link works: it expires at the first moment of the day after."""
    return timezone.localtime(expires_at - dt.timedelta(microseconds=1)).date()
