"""Rate limits answer 429 with a wait; lists issue the same queries whatever their length."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan

from .conftest import MakeToken


def test_too_many_requests_get_429_with_a_retry_after(
    client: Client, db: None, settings: Any
) -> None:
    settings.API_THROTTLE_RATES = {"anonymous": "2/min", "caller": "5/min"}
    assert client.get("/api/plans/").status_code == 200
    assert client.get("/api/plans/").status_code == 200
    refused = client.get("/api/plans/")
    assert refused.status_code == 429
    assert refused.json()["detail"]
    assert int(refused["Retry-After"]) > 0


def test_the_action_list_issues_the_same_queries_for_2_and_40_actions(
    client: Client,
    council: Organisation,
    officer: User,
    make_plan: Callable[..., Plan],
    make_token: MakeToken,
) -> None:
    headers = make_token(officer, council)
    client.get("/api/plans/", headers=headers)  # records the token's first use
    counts = []
    for size in (2, 40):
        plan = make_plan(council, actions=size, title=f"Plan of {size}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/actions/", {"plan": str(plan.uuid)}, headers=headers)
        assert response.json()["count"] == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
