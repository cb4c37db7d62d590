"""Writes for API tokens: make one (the secret is returned once, only its hash kept), revoke it."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Membership, Organisation

from . import rules
from .models import ApiToken

TOKEN_START = "stk_"  # noqa: S105 - a marker, not a secret


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: User, organisation: Organisation, name: str) -> tuple[ApiToken, str]:
    """A new token and its secret, which is never stored and cannot be shown again."""
    rules.token_needs_name(name)
    member = (
        user.is_superuser
        or Membership.objects.filter(user=user, organisation=organisation).exists()
    )
    rules.token_only_where_member(member)
    raw = TOKEN_START + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        organisation=organisation,
        name=name.strip(),
        token_hash=token_hash(raw),
        prefix=raw[:12],
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


def token_touch(*, token: ApiToken) -> None:
    """Record use at most once a minute, so busy integrations do not write on every call."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
