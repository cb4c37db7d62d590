"""Partners' officers update their own items in the plans of partnerships their council is in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, PartnershipMember, Unit
from stocktake.plans import access, services
from stocktake.plans.models import Action, Plan
from stocktake.testing import MakeUser


@pytest.fixture
def partnership(council: Organisation, other_council: Organisation) -> Organisation:
    body = accounts.organisation_get_or_create(name="Uttlesford Community Safety Partnership")
    body.kind = Organisation.Kind.PARTNERSHIP
    body.save()
    PartnershipMember.objects.create(partnership=body, member=council)
    return body


def _owned_action(make_plan: Callable[..., Plan], body: Organisation, owner: object) -> Action:
    action = make_plan(body, actions=1).actions.get()
    services.action_owner_add(action=action, person=owner, by=None)  # type: ignore[arg-type]
    return action


def _update(client: Client, action: Action, position: str = "Patrols agreed") -> int:
    url = reverse("plans:action_update", args=[action.uuid])
    response = client.post(url, {"as_at": "2009-06-30", "position": position})
    return response.status_code


def test_a_partner_councils_lead_officer_updates_their_action_in_the_partnerships_plan(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    service: Unit,
    partnership: Organisation,
    make_user: MakeUser,
) -> None:
    lead, person = make_user("Lead officer", council, unit=service)
    action = _owned_action(make_plan, partnership, person)
    client.force_login(lead)

    listing = client.get(reverse("plans:my_actions")).content.decode()
    assert reverse("plans:action_update", args=[action.uuid]) in listing
    detail = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert reverse("plans:action_update", args=[action.uuid]) in detail
    assert _update(client, action) == 302
    assert action.updates.get().position == "Patrols agreed"


def test_a_partner_officer_cannot_update_someone_elses_action_in_the_partnerships_plan(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    partnership: Organisation,
    make_user: MakeUser,
) -> None:
    lead, _ = make_user("Lead officer", council)
    _, other = make_user("Lead officer", council)
    action = _owned_action(make_plan, partnership, other)
    client.force_login(lead)
    assert _update(client, action, "FORGED") == 403
    assert not action.updates.exists()


def test_an_officer_of_a_council_outside_the_partnership_cannot_update_in_its_plan(
    client: Client,
    make_plan: Callable[..., Plan],
    other_council: Organisation,
    partnership: Organisation,
    make_user: MakeUser,
) -> None:
    lead, person = make_user("Lead officer", other_council)
    action = _owned_action(make_plan, partnership, person)
    client.force_login(lead)
    assert _update(client, action) == 403
    assert not action.updates.exists()


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, dt.date(2000, 3, 31)), (dt.date(2999, 4, 1), None)],
    ids=["left the partnership", "not yet joined"],
)
def test_a_council_that_is_not_a_current_member_gives_its_officers_no_updates_in_the_plan(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    partnership: Organisation,
    make_user: MakeUser,
    start: dt.date | None,
    end: dt.date | None,
) -> None:
    PartnershipMember.objects.filter(partnership=partnership).update(start_date=start, end_date=end)
    lead, person = make_user("Lead officer", council)
    action = _owned_action(make_plan, partnership, person)
    client.force_login(lead)
    assert _update(client, action) == 403
    assert not action.updates.exists()


def test_a_viewer_in_a_partner_council_may_not_update_in_the_partnerships_plan(
    make_plan: Callable[..., Plan],
    council: Organisation,
    partnership: Organisation,
    make_user: MakeUser,
) -> None:
    viewer, person = make_user("Viewer", council)
    action = _owned_action(make_plan, partnership, person)
    assert not access.can_update_action(viewer, action)


def test_my_actions_asks_about_partnerships_once_whatever_the_number_of_actions(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    partnership: Organisation,
    make_user: MakeUser,
) -> None:
    lead, person = make_user("Lead officer", council)
    client.force_login(lead)
    _owned_action(make_plan, partnership, person)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("plans:my_actions"))
    for _ in range(4):
        _owned_action(make_plan, partnership, person)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("plans:my_actions"))
    assert response.content.decode().count("/update/") >= 5
    assert len(few) == len(many)
