"""Who may do what: capabilities come from memberships scoped to an organisation or unit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q

from .models import Capability, Membership, Organisation, Person, Unit

AnyUser = User | AnonymousUser
ALL_CAPABILITIES = frozenset(Capability.values)


@dataclass(frozen=True)
class Grant:
    organisation_id: int
    unit_ids: frozenset[int] | None  # None: the whole organisation
    capabilities: frozenset[str]

    def covers(self, organisation_id: int, unit_id: int | None) -> bool:
        if organisation_id != self.organisation_id:
            return False
        return self.unit_ids is None or unit_id in self.unit_ids


def grants_for(user: AnyUser) -> tuple[Grant, ...]:
    """The user's grants, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return ()
    cached: tuple[Grant, ...] | None = getattr(user, "_stocktake_grants", None)
    if cached is not None:
        return cached
    grants = []
    for membership in Membership.objects.filter(user_id=user.pk).select_related("role", "unit"):
        unit_ids = None
        if membership.unit is not None:
            unit_ids = frozenset(
                Unit.objects.descendants(membership.unit, include_self=True).values_list(
                    "id", flat=True
                )
            )
        grants.append(
            Grant(membership.organisation_id, unit_ids, frozenset(membership.role.capabilities))
        )
    result = tuple(grants)
    user._stocktake_grants = result  # type: ignore[attr-defined]
    return result


def capabilities_in(user: AnyUser, organisation_id: int, unit_id: int | None) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    if getattr(user, "is_superuser", False):
        return ALL_CAPABILITIES
    found: set[str] = set()
    for grant in grants_for(user):
        if grant.covers(organisation_id, unit_id):
            found |= grant.capabilities
    return frozenset(found)


def scopes_with(user: AnyUser, capability: str) -> tuple[set[int], set[int]]:
    """Organisations (whole) and units where the user holds a capability."""
    organisations: set[int] = set()
    units: set[int] = set()
    for grant in grants_for(user):
        if capability in grant.capabilities:
            if grant.unit_ids is None:
                organisations.add(grant.organisation_id)
            else:
                units |= grant.unit_ids
    return organisations, units


def person_for(user: AnyUser) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user_id=user.pk).first()


def home_organisation(user: AnyUser) -> Organisation | None:
    """The council a signed-in user's own pages open on: the first they are a member of, by
    name (a superuser's, the first council)."""
    if getattr(user, "is_superuser", False):
        return Organisation.objects.filter(kind="council").order_by("name", "id").first()
    ids = {grant.organisation_id for grant in grants_for(user)}
    return Organisation.objects.filter(pk__in=ids).order_by("name", "id").first()


def readable_documents(user: AnyUser, *, published: str, signed_off: Iterable[str]) -> Q:
    """Which plans-like documents (with `status`, `organisation` and `unit`) a user may read:
    published ones; every status where they read drafts (or, as a councillor, where their
    council lets councillors see drafts); signed-off ones where they read signed-off work."""
    condition = Q(status=published)
    if not user.is_authenticated:
        return condition
    if getattr(user, "is_superuser", False):
        return Q()
    organisations, units = scopes_with(user, Capability.READ_DRAFTS)
    signed_off_orgs, signed_off_units = scopes_with(user, Capability.READ_SIGNED_OFF)
    drafts_allowed = set(
        Organisation.objects.filter(
            pk__in=signed_off_orgs, councillors_see_drafts=True
        ).values_list("pk", flat=True)
    )
    statuses = list(signed_off)
    return (
        condition
        | Q(organisation_id__in=set(organisations) | drafts_allowed)
        | Q(unit_id__in=units)
        | Q(status__in=statuses, organisation_id__in=signed_off_orgs)
        | Q(status__in=statuses, unit_id__in=signed_off_units)
    )
