"""How the API applies the gatekeepers.

Reads: what a caller may not see does not exist for them (404, not 403), and a token's
organisation bounds everything it reaches. Writes: the caller first must see the item, then
the same gatekeeper the web page uses decides, and its PermissionDenied is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from stocktake.accounts.selectors import AnyUser

from .auth import Caller

M = TypeVar("M", bound=Model)


class Owned(Protocol):
    organisation_id: int


T = TypeVar("T", bound=Owned)


def within(
    caller: Caller, rows: QuerySet[M], visible: Q, field: str = "organisation_id"
) -> QuerySet[M]:
    """The rows the caller may see, inside the token's organisation when there is one."""
    rows = rows.filter(visible)
    if caller.organisation_id is not None:
        rows = rows.filter(**{field: caller.organisation_id})
    return rows


def seen(caller: Caller, gatekeeper: Callable[[AnyUser, str], T], uuid: str) -> T:
    """The item through its viewing gatekeeper; refused or out of the token's reach is 404."""
    try:
        found = gatekeeper(caller.user, uuid)
    except PermissionDenied:
        raise Http404("Not found") from None
    if caller.organisation_id is not None and found.organisation_id != caller.organisation_id:
        raise Http404("Not found")
    return found
