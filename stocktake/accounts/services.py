from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from .models import Membership, Organisation, Person, Role, Unit
from .roles import DEFAULT_ROLES


def roles_ensure() -> dict[str, Role]:
    """Create the default roles where missing; leave edited ones alone."""
    roles = {}
    for name, (description, capabilities) in DEFAULT_ROLES.items():
        role, _ = Role.objects.get_or_create(
            name=name,
            defaults={"description": description, "capabilities": [str(c) for c in capabilities]},
        )
        roles[name] = role
    return roles


def organisation_get_or_create(*, name: str, kind: str = Organisation.Kind.COUNCIL) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    return organisation


def unit_create(
    *, organisation: Organisation, name: str, kind: str, parent: Unit | None = None
) -> Unit:
    return Unit.objects.create(organisation=organisation, name=name, kind=kind, parent=parent)


@transaction.atomic
def person_create(
    *,
    organisation: Organisation,
    name: str,
    email: str = "",
    job_title: str = "",
    user: User | None = None,
) -> Person:
    return Person.objects.create(
        organisation=organisation, name=name, email=email, job_title=job_title, user=user
    )


@transaction.atomic
def user_with_person_create(
    *, organisation: Organisation, username: str, name: str, email: str, password: str
) -> tuple[User, Person]:
    """A login for someone, linked to their person record."""
    user_model = get_user_model()
    first, _, last = name.partition(" ")
    user = user_model.objects.create_user(
        username=username, email=email, password=password, first_name=first, last_name=last
    )
    person = person_create(organisation=organisation, name=name, email=email, user=user)
    return user, person


def membership_grant(
    *, user: User, organisation: Organisation, role: Role, unit: Unit | None = None
) -> Membership:
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, unit=unit, role=role
    )
    return membership
