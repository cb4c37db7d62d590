from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from stocktake.accounts import services
from stocktake.accounts.models import Capability, Organisation, Unit
from stocktake.accounts.selectors import capabilities_in, scopes_with
from stocktake.testing import MakeUser


def test_an_organisation_wide_role_applies_to_every_unit(
    make_user: MakeUser, council: Organisation, service: Unit
) -> None:
    user, _ = make_user("Performance officer", council)
    assert Capability.EDIT_ALL in capabilities_in(user, council.pk, None)
    assert Capability.EDIT_ALL in capabilities_in(user, council.pk, service.pk)


def test_a_unit_role_covers_the_units_below_it_and_nothing_else(
    make_user: MakeUser, council: Organisation, service: Unit
) -> None:
    team = services.unit_create(
        organisation=council, name="Contact centre", kind="team", parent=service
    )
    sibling = services.unit_create(organisation=council, name="Planning", kind="service")
    user, _ = make_user("Lead officer", council, unit=service)
    assert Capability.UPDATE_OWN in capabilities_in(user, council.pk, service.pk)
    assert Capability.UPDATE_OWN in capabilities_in(user, council.pk, team.pk)
    assert capabilities_in(user, council.pk, sibling.pk) == frozenset()
    assert capabilities_in(user, council.pk, None) == frozenset()


def test_a_role_in_one_council_gives_nothing_in_another(
    make_user: MakeUser, council: Organisation, other_council: Organisation
) -> None:
    user, _ = make_user("Administrator", council)
    assert capabilities_in(user, other_council.pk, None) == frozenset()


def test_roles_add_up_across_memberships(
    make_user: MakeUser, council: Organisation, service: Unit, roles: dict[str, object]
) -> None:
    user, _ = make_user("Viewer", council)
    services.membership_grant(
        user=user,
        organisation=council,
        unit=service,
        role=roles["Lead officer"],  # type: ignore[arg-type]
    )
    assert capabilities_in(user, council.pk, None) == frozenset()
    assert capabilities_in(user, council.pk, service.pk) == {"read_drafts", "update_own"}
    assert scopes_with(user, "read_drafts") == (set(), {service.pk})


def test_anonymous_visitors_have_no_capabilities(council: Organisation) -> None:
    assert capabilities_in(AnonymousUser(), council.pk, None) == frozenset()


def test_every_default_role_exists_after_migrating(roles: dict[str, object]) -> None:
    assert set(roles) == {
        "Viewer",
        "Councillor",
        "Lead officer",
        "Performance officer",
        "Administrator",
    }
