"""Owners update their own actions whatever service the plan or action belongs to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.plans import services
from stocktake.plans import services_ownership as ownership
from stocktake.plans.models import Action, Plan
from stocktake.testing import MakeUser


def _make_owner(
    how: str, action: Action, person: Person, council: Organisation, officer: User
) -> None:
    """Make `person` answer for `action` as a named person, a post holder or a delegate."""
    if how == "person":
        services.action_owner_add(action=action, person=person, by=officer)
    elif how == "post holder":
        post = Post.objects.create(organisation=council, title="Customer Services Manager")
        services.action_owner_add(action=action, post=post, by=officer)
        ownership.post_fill(post=post, person=person, start_date=dt.date(2008, 1, 1), by=officer)
    else:
        away = accounts.person_create(organisation=council, name="Away Owner")
        services.action_owner_add(action=action, person=away, by=officer)
        ownership.delegation_create(delegator=away, delegate=person, by=officer)


@pytest.mark.parametrize("how", ["person", "post holder", "delegate"])
def test_a_lead_officer_scoped_to_a_service_updates_their_action_in_a_plan_with_no_service(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    service: Unit,
    officer: User,
    make_user: MakeUser,
    how: str,
) -> None:
    plan = make_plan(council, actions=2)  # imported plans have no service
    assert plan.unit is None
    mine, theirs = plan.actions.all()
    lead, person = make_user("Lead officer", council, unit=service)
    _make_owner(how, mine, person, council, officer)
    client.force_login(lead)

    listing = client.get(reverse("plans:my_actions")).content.decode()
    assert reverse("plans:action_update", args=[mine.uuid]) in listing
    detail = client.get(reverse("plans:action_detail", args=[mine.uuid])).content.decode()
    assert reverse("plans:action_update", args=[mine.uuid]) in detail
    url = reverse("plans:action_update", args=[mine.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, {"as_at": "2009-06-30", "position": "Survey under way"})
    assert response.status_code == 302
    assert mine.updates.get().position == "Survey under way"

    forged = client.post(
        reverse("plans:action_update", args=[theirs.uuid]),
        {"as_at": "2009-06-30", "position": "FORGED", "progress_status": "complete"},
    )
    assert forged.status_code == 403
    assert not theirs.updates.exists()
    theirs.refresh_from_db()
    assert theirs.progress_status == "not_started"


def test_an_owner_updates_an_action_delivered_by_another_service_than_theirs_or_the_plans(
    client: Client, council: Organisation, service: Unit, officer: User, make_user: MakeUser
) -> None:
    planning = accounts.unit_create(organisation=council, name="Planning", kind="service")
    plan = services.plan_create(organisation=council, unit=planning, title="Plan", by=officer)
    lead, person = make_user("Lead officer", council, unit=service)
    action = services.action_create(
        plan=plan, text="Ward profiling", unit=planning, owners=[person], by=officer
    )
    client.force_login(lead)
    response = client.post(
        reverse("plans:action_update", args=[action.uuid]),
        {"as_at": "2009-06-30", "position": "Profiles drafted"},
    )
    assert response.status_code == 302
    assert action.updates.count() == 1


def test_an_owner_who_may_not_update_anything_is_not_offered_the_update_link(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, make_user: MakeUser
) -> None:
    action = make_plan(council, actions=1).actions.get()
    viewer, person = make_user("Viewer", council)
    services.action_owner_add(action=action, person=person, by=None)
    client.force_login(viewer)
    url = reverse("plans:action_update", args=[action.uuid])
    assert url not in client.get(reverse("plans:my_actions")).content.decode()
    detail = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert url not in detail
    assert client.get(url).status_code == 403
    assert client.post(url, {"as_at": "2009-06-30", "position": "x"}).status_code == 403
    assert not action.updates.exists()


def test_an_owner_in_another_council_cannot_update_through_their_own_councils_membership(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    other_council: Organisation,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    lead, person = make_user("Lead officer", other_council)
    services.action_owner_add(action=action, person=person, by=None)
    client.force_login(lead)
    url = reverse("plans:action_update", args=[action.uuid])
    assert url not in client.get(reverse("plans:my_actions")).content.decode()
    assert client.post(url, {"as_at": "2009-06-30", "position": "x"}).status_code == 403
    assert not action.updates.exists()
