"""The gatekeeper for organisations' people pages: administrators of that organisation only."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from stocktake.core.ids import parse_uuid

from .models import Capability, Organisation, Person
from .selectors import AnyUser, capabilities_in, scopes_with


def administered_organisations(user: AnyUser) -> list[Organisation]:
    if getattr(user, "is_superuser", False):
        return list(Organisation.objects.all())
    organisations, _ = scopes_with(user, Capability.ADMINISTER)
    return list(Organisation.objects.filter(pk__in=organisations))


def organisation_for_admin(user: AnyUser, organisation_uuid: str | None) -> Organisation:
    """The organisation asked for, or the user's first, if they administer it."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to manage people")
    if organisation_uuid:
        key = parse_uuid(organisation_uuid, "organisation")
        organisation = Organisation.objects.filter(uuid=key).first()
        if organisation is None:
            raise Http404("No such organisation")
    else:
        mine = administered_organisations(user)
        if not mine:
            raise PermissionDenied("You do not administer any organisation")
        organisation = mine[0]
    if Capability.ADMINISTER not in capabilities_in(user, organisation.pk, None):
        raise PermissionDenied("You do not administer this organisation")
    return organisation


def organisation_for_settings(user: AnyUser, organisation_uuid: str) -> Organisation:
    """An organisation's own settings: its administrators (and superusers) only."""
    organisation = Organisation.objects.filter(
        uuid=parse_uuid(organisation_uuid, "organisation")
    ).first()
    if organisation is None:
        raise Http404("No such organisation")
    if Capability.ADMINISTER not in capabilities_in(user, organisation.pk, None):
        raise PermissionDenied("Only the organisation's administrators can change its settings")
    return organisation


def person_in(organisation: Organisation, person_uuid: str) -> Person:
    key = parse_uuid(person_uuid, "person")
    person = Person.objects.filter(uuid=key, organisation=organisation).first()
    if person is None:
        raise Http404("No such person")
    return person
