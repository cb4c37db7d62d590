"""A council's settings page: who may open it, what it changes, and what it refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services
from stocktake.accounts.models import Organisation
from stocktake.complaints import services as complaints
from stocktake.complaints.workdays import Region
from stocktake.testing import MakeUser, World

MISSING = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"

EXPECTED = {
    "anonymous": 302,
    "no membership": 403,
    "Viewer": 403,
    "Councillor": 403,
    "Lead officer (owner)": 403,
    "Lead officer (other unit)": 403,
    # Runs plans (edit, approve, publish) but does not administer the council.
    "Performance officer": 403,
    "Performance officer (other council)": 403,
    "Administrator": 200,
    "superuser": 200,
}


def _url(organisation: Organisation) -> str:
    return reverse("accounts:organisation_settings", args=[organisation.uuid])


def _form(organisation: Organisation, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": organisation.name,
        "gss_code": organisation.gss_code,
        "region": Region.ENGLAND_AND_WALES,
    }
    if organisation.councillors_see_drafts:
        data["councillors_see_drafts"] = "on"
    data.update(changes)
    return data


@pytest.fixture
def admin(world: World) -> User:
    user = world[2]["Administrator"]
    assert user is not None
    return user


@pytest.mark.parametrize("role", list(EXPECTED))
def test_only_the_councils_administrators_and_superusers_open_the_settings(
    client: Client, world: World, role: str
) -> None:
    plan, _, users = world
    user = users[role]
    if user is not None:
        client.force_login(user)
    response = client.get(_url(plan.organisation))
    assert response.status_code == EXPECTED[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_another_councils_administrator_is_refused(
    client: Client, world: World, make_user: MakeUser, other_council: Organisation
) -> None:
    plan, _, _ = world
    theirs, _ = make_user("Administrator", other_council)
    client.force_login(theirs)
    assert client.get(_url(plan.organisation)).status_code == 403
    assert client.get(_url(other_council)).status_code == 200


@pytest.mark.parametrize("key", [MISSING, "not-a-uuid"])
def test_an_unknown_organisation_is_not_found(client: Client, admin: User, key: str) -> None:
    client.force_login(admin)
    url = reverse("accounts:organisation_settings", args=[key])
    assert client.get(url).status_code == 404


def test_the_people_page_links_to_the_settings(
    client: Client, admin: User, council: Organisation
) -> None:
    client.force_login(admin)
    page = client.get(reverse("accounts:people"), {"organisation": str(council.uuid)})
    assert _url(council) in page.content.decode()


def test_an_administrator_changes_every_setting_at_once(
    client: Client, admin: User, council: Organisation
) -> None:
    client.force_login(admin)
    data = _form(
        council,
        name="Uttlesford Council",
        gss_code=" e07000077 ",
        councillors_see_drafts="on",
        region=Region.SCOTLAND,
    )
    response = client.post(_url(council), data, follow=True)
    assert response.redirect_chain == [(_url(council), 302)]
    assert "Settings saved" in response.content.decode()
    council.refresh_from_db()
    assert (council.name, council.gss_code, council.councillors_see_drafts) == (
        "Uttlesford Council",
        "E07000077",
        True,
    )
    assert complaints.region_for(council) == Region.SCOTLAND


@pytest.mark.parametrize("role", ["Performance officer", "Councillor", "Viewer"])
def test_a_forged_post_by_someone_else_changes_nothing(
    client: Client, world: World, council: Organisation, role: str
) -> None:
    user = world[2][role]
    assert user is not None
    client.force_login(user)
    data = _form(council, name="Hijacked", gss_code="E07000001", region=Region.SCOTLAND)
    assert client.post(_url(council), data).status_code == 403
    council.refresh_from_db()
    assert (council.name, council.gss_code) == ("Uttlesford District Council", "")
    assert complaints.region_for(council) == Region.ENGLAND_AND_WALES
    assert council.history.count() == 1


def test_a_name_already_taken_is_refused_clearly_and_nothing_changes(
    client: Client, admin: User, council: Organisation, other_council: Organisation
) -> None:
    client.force_login(admin)
    data = _form(council, name="charnwood borough council", region=Region.SCOTLAND)
    response = client.post(_url(council), data)
    assert response.status_code == 200
    assert "Another organisation is already called" in response.content.decode()
    council.refresh_from_db()
    assert council.name == "Uttlesford District Council"
    assert complaints.region_for(council) == Region.ENGLAND_AND_WALES


@pytest.mark.parametrize("code", ["E0700007", "07000077E", "EE7000077", "E070000777", "E07-00077"])
def test_a_malformed_gss_code_is_refused_clearly_and_nothing_changes(
    client: Client, admin: User, council: Organisation, code: str
) -> None:
    client.force_login(admin)
    response = client.post(_url(council), _form(council, name="Renamed", gss_code=code))
    assert response.status_code == 200
    assert "a letter and 8 digits" in response.content.decode()
    council.refresh_from_db()
    assert (council.name, council.gss_code) == ("Uttlesford District Council", "")


def test_the_service_reports_every_problem_at_once(
    council: Organisation, other_council: Organisation, officer: User
) -> None:
    with pytest.raises(ValidationError) as raised:
        services.organisation_settings_set(
            organisation=council,
            by=officer,
            name=other_council.name,
            gss_code="nonsense",
            councillors_see_drafts=False,
        )
    assert set(raised.value.message_dict) == {"name", "gss_code"}


def test_a_blank_gss_code_is_allowed(council: Organisation, officer: User) -> None:
    council.gss_code = "E07000077"
    council.save()
    services.organisation_settings_set(
        organisation=council,
        by=officer,
        name=council.name,
        gss_code="",
        councillors_see_drafts=False,
    )
    council.refresh_from_db()
    assert council.gss_code == ""


def test_the_history_records_who_changed_the_settings(
    client: Client, admin: User, council: Organisation
) -> None:
    client.force_login(admin)
    client.post(_url(council), _form(council, gss_code="E07000077"))
    latest = council.history.latest()
    assert (latest.gss_code, latest.history_user) == ("E07000077", admin)
    assert latest.prev_record.gss_code == ""


def test_saving_unchanged_settings_writes_no_history(
    client: Client, admin: User, council: Organisation
) -> None:
    client.force_login(admin)
    before = council.history.count()
    client.post(_url(council), _form(council))
    assert council.history.count() == before


def test_the_region_moves_a_new_complaints_acknowledgement_date(
    client: Client, admin: User, council: Organisation
) -> None:
    christmas_eve = dt.date(2025, 12, 24)

    def receive() -> dt.date:
        complaint = complaints.complaint_receive(
            organisation=council, received_on=christmas_eve, channel="letter", summary="x", by=admin
        )
        return complaint.acknowledge_due_on

    assert receive() == dt.date(2026, 1, 5)
    client.force_login(admin)
    client.post(_url(council), _form(council, region=Region.SCOTLAND))
    # 2 January is a bank holiday in Scotland only.
    assert receive() == dt.date(2026, 1, 6)


def test_an_unknown_region_is_refused(council: Organisation, officer: User) -> None:
    with pytest.raises(ValidationError):
        complaints.region_set(organisation=council, region="XX", by=officer)
