"""Reads for API tokens."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet

from stocktake.accounts.models import Organisation

from .models import ApiToken
from .services import TOKEN_START, token_hash


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).select_related("organisation")


def token_for_secret(raw: str) -> ApiToken | None:
    """The live token with this secret, with its owner, or None."""
    if not raw.startswith(TOKEN_START):
        return None
    return (
        ApiToken.objects.select_related("user", "organisation")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def organisations_for_tokens(user: User) -> QuerySet[Organisation]:
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user).distinct()
