"""Owners enter their indicators' values whatever service the indicator sits in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import (
    Delegation,
    Organisation,
    PartnershipMember,
    Person,
    Post,
    PostHolding,
    Unit,
)
from stocktake.indicators.models import Indicator, Measurement
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser

from .conftest import MakeIndicator


def _enter(client: Client, user: User, indicator: Indicator) -> tuple[int, int]:
    client.force_login(user)
    url = reverse("indicators:measurement_add", args=[indicator.uuid])
    got = client.get(url).status_code
    posted = client.post(url, {"period": "Q1 2009/10", "value": "40", "provisional": "on"})
    return got, posted.status_code


def _entry_links(client: Client, user: User) -> str:
    client.force_login(user)
    return client.get(reverse("indicators:my_indicators")).content.decode()


def test_a_lead_officer_of_one_service_enters_values_for_an_indicator_they_own_with_no_service(
    client: Client,
    council: Organisation,
    service: Unit,
    make_user: MakeUser,
    make_indicator: MakeIndicator,
) -> None:
    lead, person = make_user("Lead officer", council, unit=service)
    indicator = make_indicator(council, owner=person)
    assert indicator.unit is None
    page = _entry_links(client, lead)
    assert reverse("indicators:measurement_add", args=[indicator.uuid]) in page
    assert _enter(client, lead, indicator) == (200, 302)
    assert Measurement.objects.get(indicator=indicator).value == D(40)


def test_a_post_holder_and_a_delegate_enter_values_for_the_posts_indicator_in_another_service(
    client: Client,
    council: Organisation,
    service: Unit,
    make_user: MakeUser,
    make_indicator: MakeIndicator,
) -> None:
    planning = Unit.objects.create(organisation=council, name="Planning", kind="service")
    post = Post.objects.create(organisation=council, title="Head of Planning")
    holder, holder_person = make_user("Lead officer", council, unit=service)
    PostHolding.objects.create(post=post, person=holder_person, start_date=dt.date(2008, 1, 1))
    deputy, deputy_person = make_user("Lead officer", council, unit=service)
    Delegation.objects.create(
        delegator=holder_person, delegate=deputy_person, start_date=dt.date(2008, 1, 1)
    )
    indicator = make_indicator(council, owner_post=post, unit=planning)
    assert _enter(client, holder, indicator) == (200, 302)
    assert _enter(client, deputy, indicator)[0] == 200


def test_others_in_the_organisation_still_need_the_indicators_scope_or_ownership(
    client: Client,
    council: Organisation,
    service: Unit,
    make_user: MakeUser,
    make_indicator: MakeIndicator,
) -> None:
    owner = Person.objects.create(organisation=council, name="Olive Owner")
    lead, _ = make_user("Lead officer", council, unit=service)
    indicator = make_indicator(council, owner=owner)
    assert _enter(client, lead, indicator) == (403, 403)
    assert not Measurement.objects.exists()


def test_my_indicators_offers_entry_only_where_it_will_work(
    client: Client,
    council: Organisation,
    make_user: MakeUser,
    make_indicator: MakeIndicator,
) -> None:
    viewer, person = make_user("Viewer", council)  # an owner who may not update anything
    indicator = make_indicator(council, owner=person)
    page = _entry_links(client, viewer)
    assert str(indicator.definition) in page
    assert reverse("indicators:measurement_add", args=[indicator.uuid]) not in page
    assert "Enter a value" not in page
    assert _enter(client, viewer, indicator) == (403, 403)


def test_a_partner_councils_officer_enters_values_for_their_indicator_in_a_partnerships_plan(
    client: Client,
    council: Organisation,
    other_council: Organisation,
    service: Unit,
    make_user: MakeUser,
    make_indicator: MakeIndicator,
    make_plan: Callable[..., Plan],
) -> None:
    partnership = accounts.organisation_get_or_create(name="Uttlesford Safety Partnership")
    partnership.kind = Organisation.Kind.PARTNERSHIP
    partnership.save()
    PartnershipMember.objects.create(partnership=partnership, member=council)
    plan = make_plan(partnership)
    lead, person = make_user("Lead officer", council, unit=service)
    indicator = make_indicator(partnership, owner=person, plan=plan)

    assert reverse("indicators:measurement_add", args=[indicator.uuid]) in _entry_links(
        client, lead
    )
    assert _enter(client, lead, indicator) == (200, 302)
    assert Measurement.objects.get(indicator=indicator).value == D(40)
    # Ownership is still needed, and membership of the partnership.
    colleague, _ = make_user("Lead officer", council, unit=service)
    outsider, stranger = make_user("Lead officer", other_council)
    theirs = make_indicator(partnership, owner=stranger, plan=plan)
    assert _enter(client, colleague, indicator) == (403, 403)
    assert _enter(client, outsider, theirs)[1] == 403
    assert not Measurement.objects.filter(indicator=theirs).exists()
