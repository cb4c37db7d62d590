"""Posts, leavers, delegation, bulk reassignment, on-behalf updates and duplicate people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Post, Role
from stocktake.plans import services
from stocktake.plans import services_ownership as ownership
from stocktake.plans.models import ActionOwner, Plan
from stocktake.testing import MakeUser


def _post(council: Organisation, title: str) -> Post:
    return Post.objects.create(organisation=council, title=title)


def test_a_vacant_posts_items_show_as_vacant_and_wait_for_reassignment(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    plan = make_plan(council, actions=2)
    action = plan.actions.first()
    assert action is not None
    post = _post(council, "E&D Officer")
    services.action_owner_add(action=action, post=post, by=officer)
    admin, _ = make_user("Administrator", council)
    client.force_login(admin)
    page = client.get(reverse("plans:plan_detail", args=[plan.uuid])).content.decode()
    assert "E&amp;D Officer" in page
    assert "Vacant" in page
    listing = client.get(reverse("accounts:reassign")).content.decode()
    assert "E&amp;D Officer" in listing


def test_a_filled_post_shows_its_holder_and_lets_them_update(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    post = _post(council, "Deputy Director of Finance")
    services.action_owner_add(action=action, post=post, by=officer)
    holder, person = make_user("Lead officer", council, name="Jane Holder")
    ownership.post_fill(post=post, person=person, start_date=dt.date(2008, 1, 1), by=officer)
    client.force_login(holder)
    page = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert "Deputy Director of Finance (Jane Holder)" in page
    assert client.get(reverse("plans:action_update", args=[action.uuid])).status_code == 200
    ownership.post_vacate(post=post, end_date=dt.date(2008, 12, 31), by=officer)
    assert client.get(reverse("plans:action_update", args=[action.uuid])).status_code == 403


def test_a_bulk_reassignment_moves_items_and_keeps_history(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    make_user: MakeUser,
    officer: User,
) -> None:
    plan = make_plan(council, actions=3)
    _, leaver = make_user("Lead officer", council, name="Steve Phipps")
    _, successor = make_user("Lead officer", council, name="Helen Walton")
    for action in plan.actions.all():
        services.action_owner_add(action=action, person=leaver, by=officer)
    ownership.person_leave(person=leaver, left_on=dt.date(2009, 3, 31), by=officer)
    admin, _ = make_user("Administrator", council)
    client.force_login(admin)
    assert "Steve Phipps" in client.get(reverse("accounts:reassign")).content.decode()
    response = client.post(
        reverse("accounts:reassign"),
        {
            "organisation": str(council.uuid),
            "from_person": leaver.uuid,
            "to_person": successor.uuid,
        },
    )
    assert response.status_code == 302
    assert ActionOwner.objects.filter(person=leaver).count() == 0
    assert ActionOwner.objects.filter(person=successor).count() == 3
    history = ActionOwner.history.filter(person=leaver)
    assert history.count() >= 3
    assert "Steve Phipps" not in client.get(reverse("accounts:reassign")).content.decode()


def test_an_update_entered_on_behalf_of_an_owner_names_both(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    _, owner = make_user("Lead officer", council, name="Caroline Marshall")
    services.action_owner_add(action=action, person=owner, by=officer)
    accounts.person_create(organisation=council, name="Someone Else")
    officer.first_name, officer.last_name = "Pat", "Performance"
    officer.save()
    client.force_login(officer)
    response = client.post(
        reverse("plans:action_update", args=[action.uuid]),
        {"as_at": "2008-06-30", "position": "Done on her behalf", "author": owner.pk},
    )
    assert response.status_code == 302
    update = action.updates.get()
    assert (update.author, update.entered_by) == (owner, officer)
    page = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert "Entered by Pat Performance on behalf of Caroline Marshall" in page


def test_a_delegate_can_update_the_delegators_items_while_the_delegation_lasts(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    _, owner = make_user("Lead officer", council)
    delegate_user, delegate = make_user("Lead officer", council)
    services.action_owner_add(action=action, person=owner, by=officer)
    client.force_login(delegate_user)
    url = reverse("plans:action_update", args=[action.uuid])
    assert client.get(url).status_code == 403
    ownership.delegation_create(
        delegator=owner, delegate=delegate, start_date=dt.date(2020, 1, 1), by=officer
    )
    assert client.get(url).status_code == 200
    assert "On behalf of" in client.get(url).content.decode()


def test_duplicate_spellings_of_one_name_are_proposed_for_merging(
    council: Organisation, officer: User
) -> None:
    for name in [
        "Adrian Le Cras",
        "Adrian LeCras",
        "Adrian LeCtras",
        "Graham Walton",
        "Helen Walton",
    ]:
        accounts.person_create(organisation=council, name=name)
    pairs = {
        frozenset((p.keep.name, p.duplicate.name)) for p in ownership.duplicate_people(council)
    }
    assert pairs >= {
        frozenset(("Adrian Le Cras", "Adrian LeCras")),
        frozenset(("Adrian Le Cras", "Adrian LeCtras")),
        frozenset(("Adrian LeCras", "Adrian LeCtras")),
    }
    assert frozenset(("Graham Walton", "Helen Walton")) not in pairs


def test_merging_people_moves_items_and_keeps_the_duplicate_for_history(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    keep = accounts.person_create(organisation=council, name="Adrian Le Cras")
    duplicate = accounts.person_create(organisation=council, name="Adrian LeCtras")
    services.action_owner_add(action=action, person=duplicate, by=officer)
    admin, _ = make_user("Administrator", council)
    client.force_login(admin)
    page = client.get(reverse("accounts:duplicates")).content.decode()
    assert "Adrian LeCtras" in page
    client.post(
        reverse("accounts:duplicates"),
        {"organisation": str(council.uuid), "keep": keep.uuid, "duplicate": duplicate.uuid},
    )
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert list(action.owners.all()) == [keep]
    assert "Adrian LeCtras" not in client.get(reverse("accounts:duplicates")).content.decode()


def test_partner_officers_update_only_their_partnerships_items(
    client: Client,
    council: Organisation,
    make_user: MakeUser,
    officer: User,
    roles: dict[str, Role],
) -> None:
    essex = accounts.organisation_get_or_create(name="Essex County Council", kind="partner")
    lsp = accounts.organisation_get_or_create(name="Uttlesford Futures", kind="partnership")
    lsp.members.add(council, essex)
    partner_user, partner = make_user(None, essex, name="Pam Partner")
    accounts.membership_grant(user=partner_user, organisation=lsp, role=roles["Lead officer"])
    lsp_plan = services.plan_create(
        organisation=lsp, title="Sustainable Community Strategy", by=officer
    )
    council_plan = services.plan_create(organisation=council, title="Council plan", by=officer)
    theirs = services.action_create(
        plan=lsp_plan, text="Rural strategy", owners=[partner], by=officer
    )
    ours = services.action_create(plan=council_plan, text="Mosaic", owners=[partner], by=officer)
    client.force_login(partner_user)
    assert client.get(reverse("plans:action_update", args=[theirs.uuid])).status_code == 200
    assert client.get(reverse("plans:action_update", args=[ours.uuid])).status_code == 403
    other = services.action_create(plan=lsp_plan, text="Someone else's", by=officer)
    assert client.get(reverse("plans:action_update", args=[other.uuid])).status_code == 403
