"""The register pages' query counts do not grow with its number of risks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation, Post, PostHolding
from stocktake.plans.models import Plan
from stocktake.risks import services
from stocktake.testing import MakeUser


def _fill(
    organisation: Organisation, plan: Plan, n: int, officer: User, make_user: MakeUser
) -> None:
    _, person = make_user("Lead officer", organisation)
    post = Post.objects.create(organisation=organisation, title="Head of Service")
    PostHolding.objects.create(post=post, person=person)
    actions = list(plan.actions.all())
    for i in range(n):
        risk = services.risk_create(
            organisation=organisation,
            plan=plan,
            title=f"Risk {i} leading to trouble resulting in cost",
            inherent_likelihood=3,
            inherent_impact=3,
            residual_likelihood=1 + i % 3,
            residual_impact=2,
            mitigation="Plan",
            actions=actions[i % 3 : i % 3 + 2],
            as_at=dt.date(2008, 1, 1),
            owner_person=person if i % 2 else None,
            owner_post=None if i % 2 else post,
            by=officer,
        )
        services.risk_review_add(
            risk=risk, as_at=dt.date(2009, 1, 1), likelihood=2, impact=2, by=officer
        )


def _count(client: Client, url: str, params: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_the_register_issues_the_same_queries_for_5_and_60_risks(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    small = make_plan(council, actions=4, title="Small")
    _fill(council, small, 5, officer, make_user)
    other_officer = make_user("Performance officer", other_council)[0]
    large = make_plan(other_council, actions=4, title="Large")
    _fill(other_council, large, 60, other_officer, make_user)
    pages = [
        ("risks:register", {}),
        ("risks:register", {"sort": "score", "over_appetite": "on", "review_overdue": "on"}),
        ("risks:risks_behind", {}),
    ]
    for name, params in pages:
        counts = []
        for user, organisation in ((officer, council), (other_officer, other_council)):
            client.force_login(user)
            counts.append(_count(client, reverse(name, args=[organisation.uuid]), params))
        assert counts[0] == counts[1], (name, params)
