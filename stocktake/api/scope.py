"""How the API applies the gatekeepers.

Reads: what a caller may not see does not exist for them (404, not 403), and a token's
organisation bounds everything it reaches. Writes: the caller first must see the item, then
the same gatekeeper the web page uses decides, and its PermissionDenied is a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser, grants_for

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


def organisation_seen(
    caller: Caller, gatekeeper: Callable[[AnyUser, str], Organisation], uuid: object
) -> Organisation:
    """An organisation through a gatekeeper for its pages; refused or out of reach is 404."""
    try:
        found = gatekeeper(caller.user, str(uuid))
    except PermissionDenied:
        raise Http404("Not found") from None
    if caller.organisation_id not in (None, found.pk):
        raise Http404("Not found")
    return found


def readable_organisations(caller: Caller, capabilities: frozenset[str]) -> set[int] | None:
    """Organisations where the caller holds any of these anywhere (None: all, a superuser's),
    bounded by a token's organisation."""
    user = caller.user
    if getattr(user, "is_superuser", False):
        found = None
    else:
        found = {g.organisation_id for g in grants_for(user) if g.capabilities & capabilities}
    if caller.organisation_id is not None:
        return {caller.organisation_id} & found if found is not None else {caller.organisation_id}
    return found


def pk_in(model: type[Model], organisation_id: int, uuid: object, field: str) -> int:
    """The id of a record of this organisation named by UUID in a request; 400 otherwise."""
    found = model._default_manager.filter(organisation_id=organisation_id, uuid=uuid).first()
    if found is None:
        raise ValidationError({field: "No such record in this organisation"})
    return int(found.pk)


def references(sent: dict[str, Any], organisation_id: int, models: dict[str, type[Model]]) -> None:
    """Replace each UUID sent for a related record by that record's id, in place."""
    for name, model in models.items():
        if sent.get(name):
            sent[name] = pk_in(model, organisation_id, sent[name], name)
