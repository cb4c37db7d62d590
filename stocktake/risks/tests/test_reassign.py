"""Bulk reassignment of risk owners, assessment leads and partnership leads when someone leaves."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Person, Post, PostHolding
from stocktake.plans import services_ownership as ownership
from stocktake.risks import services, services_equality
from stocktake.risks.models import EqualityAssessment, Risk
from stocktake.risks.services_owners import risk_owners_reassign
from stocktake.testing import MakeUser

from .conftest import PartnershipWorld


def _leaver(w: PartnershipWorld, officer: User) -> Person:
    person = w.partnership.lead_person
    assert person is not None
    services_equality.assessment_create(
        organisation=w.partnership.organisation,
        title="Travellers Policy",
        lead_person=person,
        by=officer,
    )
    ownership.person_leave(person=person, left_on=dt.date(2009, 3, 31), by=officer)
    return person


def test_it_moves_a_leavers_risks_assessments_and_partnerships_and_records_who_moved_them(
    partnership_world: PartnershipWorld, officer: User, make_user: MakeUser
) -> None:
    w = partnership_world
    leaver = _leaver(w, officer)
    _, successor = make_user("Lead officer", w.partnership.organisation, name="Helen Walton")
    moved = risk_owners_reassign(from_person=leaver, to_person=successor, by=officer)
    assert moved == 3
    risk = Risk.objects.get(pk=w.risk.pk)
    assert risk.owner_person == successor
    assert risk.history.latest().history_user == officer
    assert risk.history.earliest().owner_person_id == leaver.pk
    assert EqualityAssessment.objects.get(title="Travellers Policy").lead_person == successor
    w.partnership.refresh_from_db()
    assert w.partnership.lead_person == successor
    assert w.partnership.history.latest().history_user == officer


def test_it_moves_a_vacant_posts_items_to_another_post_and_clears_the_flag(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    council = partnership_world.partnership.organisation
    old = Post.objects.create(organisation=council, title="Partnerships Officer")
    new = Post.objects.create(organisation=council, title="Partnerships Manager")
    risk = services.risk_create(
        organisation=council, title="Grant not renewed", owner_post=old, checked=False, by=officer
    )
    assert risk_owners_reassign(from_post=old, to_post=new, by=officer) == 1
    risk.refresh_from_db()
    assert (risk.owner_post, risk.owner_person) == (new, None)
    assert "unassigned" not in risk.flags


@pytest.mark.parametrize(
    "case", ["nothing from", "two to", "same owner", "other council", "to a leaver"]
)
def test_it_refuses_moves_that_make_no_sense(
    partnership_world: PartnershipWorld,
    officer: User,
    other_council: Organisation,
    make_user: MakeUser,
    case: str,
) -> None:
    lead = partnership_world.partnership.lead_person
    assert lead is not None
    council = partnership_world.partnership.organisation
    post = Post.objects.create(organisation=council, title="Head of Service")
    stranger = make_user("Lead officer", other_council)[1]
    gone = make_user("Lead officer", council)[1]
    gone.left_on = dt.date(2009, 1, 1)
    gone.save()
    kwargs = {
        "nothing from": {"to_person": stranger},
        "two to": {"from_person": lead, "to_person": gone, "to_post": post},
        "same owner": {"from_person": lead, "to_person": lead},
        "other council": {"from_person": lead, "to_person": stranger},
        "to a leaver": {"from_person": lead, "to_person": gone},
    }[case]
    with pytest.raises(ValidationError):
        risk_owners_reassign(by=officer, **kwargs)  # type: ignore[arg-type]
    assert Risk.objects.get(pk=partnership_world.risk.pk).owner_person == lead


def test_the_owners_page_lists_leavers_and_vacant_posts_and_moves_their_items(
    client: Client, partnership_world: PartnershipWorld, officer: User, make_user: MakeUser
) -> None:
    w = partnership_world
    council = w.partnership.organisation
    leaver = _leaver(w, officer)
    post = Post.objects.create(organisation=council, title="Community Safety Officer")
    PostHolding.objects.create(post=post, person=leaver, end_date=dt.date(2009, 3, 31))
    services.risk_create(
        organisation=council, title="CDRP loses funding", owner_post=post, checked=False, by=officer
    )
    _, successor = make_user("Lead officer", council, name="Helen Walton")
    client.force_login(officer)
    url = reverse("risks:owners", args=[council.uuid])
    page = client.get(url).content.decode()
    assert "Community Safety Officer" in page
    assert leaver.name in page
    response = client.post(
        url, {"source": f"person:{leaver.uuid}", "to": f"person:{successor.uuid}"}
    )
    assert response.status_code == 302
    assert Risk.objects.get(pk=w.risk.pk).owner_person == successor
    response = client.post(url, {"source": f"post:{post.uuid}", "to": "post:not-a-uuid"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    page = client.get(url).content.decode()
    assert leaver.name not in page
