"""The gatekeeper for API tokens: each person sees and revokes only their own."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404

from stocktake.core.ids import parse_uuid

from .models import ApiToken


def token_for_owner(user: User, token_uuid: str) -> ApiToken:
    found = ApiToken.objects.filter(uuid=parse_uuid(token_uuid, "token"), user=user).first()
    if found is None:
        raise Http404("No such token")
    return found
