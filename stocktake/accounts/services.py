from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stocktake.core.recording import Actor, save_recorded

from . import rules
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


def _checked(*checks: Callable[[], None]) -> None:
    """Run every rule, so a form shows all its problems at once rather than one per submit."""
    errors: dict[str, list[ValidationError]] = {}
    for check in checks:
        try:
            check()
        except ValidationError as error:
            error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def organisation_settings_set(
    *,
    organisation: Organisation,
    by: Actor,
    name: str,
    gss_code: str,
    councillors_see_drafts: bool,
) -> Organisation:
    """Change a council's own settings; the history records who did it."""
    name = name.strip()
    gss_code = gss_code.strip().upper()
    taken = Organisation.objects.filter(name__iexact=name).exclude(pk=organisation.pk).exists()
    _checked(
        lambda: rules.organisation_needs_name(name),
        lambda: rules.organisation_name_not_taken(name, taken=taken),
        lambda: rules.gss_code_is_a_code(gss_code),
    )
    wanted = (name, gss_code, councillors_see_drafts)
    if (organisation.name, organisation.gss_code, organisation.councillors_see_drafts) == wanted:
        return organisation
    organisation.name, organisation.gss_code, organisation.councillors_see_drafts = wanted
    try:
        # A savepoint: someone may have taken the name between the check and the save.
        with transaction.atomic():
            save_recorded(organisation, by)
    except IntegrityError:
        organisation.refresh_from_db()
        rules.organisation_name_not_taken(name, taken=True)
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
