"""The partnership register's query count does not grow with its number of partnerships."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation, PartnershipMember, Post, PostHolding
from stocktake.risks import services
from stocktake.risks import services_partnerships as partnerships
from stocktake.testing import MakeUser


def _fill(organisation: Organisation, n: int, officer: User, make_user: MakeUser) -> None:
    _, person = make_user("Lead officer", organisation)
    post = Post.objects.create(organisation=organisation, title="Partnerships Manager")
    PostHolding.objects.create(post=post, person=person)
    for i in range(n):
        body = Organisation.objects.create(
            name=f"{organisation.name} board {i}", kind="partnership"
        )
        PartnershipMember.objects.create(partnership=body, member=organisation)
        partnership = partnerships.partnership_create(
            organisation=organisation,
            name=f"Partnership {i}",
            body=body,
            partner_names="Parish councils\nVoluntary sector",
            lead_person=person if i % 2 else None,
            lead_post=None if i % 2 else post,
            governance="formal" if i % 3 else "informal",
            review_due_on=dt.date(2008, 1, 1),
            by=officer,
        )
        for _ in range(2):
            services.risk_create(
                organisation=organisation,
                partnership=partnership,
                title=f"Risk of partnership {i}",
                owner_person=person,
                residual_likelihood=1 + i % 3,
                residual_impact=1,
                as_at=dt.date(2008, 4, 1),
                by=officer,
            )


def test_the_partnership_register_issues_the_same_queries_for_3_and_30_partnerships(
    client: Client,
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    _fill(council, 3, officer, make_user)
    other_officer = make_user("Performance officer", other_council)[0]
    _fill(other_council, 30, other_officer, make_user)
    for params in ({}, {"review_overdue": "on", "governance": "formal"}):
        counts = []
        for user, organisation in ((officer, council), (other_officer, other_council)):
            client.force_login(user)
            url = reverse("risks:partnerships", args=[organisation.uuid])
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, params)
            assert response.status_code == 200
            assert response.content.decode().count('data-testid="partnerships"') == 1
            counts.append(len(queries))
        assert counts[0] == counts[1], params
