"""The assessment, criterion and pack pages issue a fixed number of queries whatever their size."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.frameworks import services_evidence
from stocktake.plans import services as plans

from .conftest import AssessWorld, rate_all


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(world: AssessWorld, officer: User, refs: list[str]) -> None:
    for ref in refs:
        rating = world.rating(ref)
        services_evidence.evidence_add(rating=rating, title="Note", note="Seen", by=None)
        services_evidence.evidence_add(rating=rating, title="Action", action=world.action, by=None)
        action = plans.action_create(plan=world.plan, text=f"Close gap {ref}", by=officer)
        services_evidence.gap_action_link(rating=rating, action=action, by=None)


def test_pages_do_not_issue_more_queries_as_evidence_and_actions_grow(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    rate_all(assess_world.assessment, {"1.1": 1}, default=2)
    client.force_login(officer)
    uuid = assess_world.assessment.uuid
    criterion = assess_world.rating("1.1").criterion.uuid
    urls = [
        reverse("frameworks:assessment_detail", args=[uuid]),
        reverse("frameworks:pack", args=[uuid]),
        reverse("frameworks:criterion_detail", args=[uuid, criterion]),
    ]
    _grow(assess_world, officer, ["1.1"])
    before = [_count(client, url) for url in urls]
    _grow(assess_world, officer, ["1.1", "1.2", "2.1", "3.3", "5.4"])
    after = [_count(client, url) for url in urls]
    assert after == before
