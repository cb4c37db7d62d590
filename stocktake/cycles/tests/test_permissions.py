"""Each role against each officer page: allowed, forbidden (403, or sign-in) and not found."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stocktake.cycles import services
from stocktake.cycles.models import CycleRequest, ReportingCycle, UpdateLink
from stocktake.testing import World

# role → status for: list, create, dashboard, open (POST), revoke (POST), close (POST).
EXPECTED = {
    "anonymous": [302, 302, 302, 302, 302, 302],
    "no membership": [403, 403, 403, 403, 403, 403],
    "Viewer": [403, 403, 403, 403, 403, 403],
    "Councillor": [403, 403, 403, 403, 403, 403],
    "Lead officer (owner)": [403, 403, 403, 403, 403, 403],
    "Lead officer (not owner)": [403, 403, 403, 403, 403, 403],
    "Performance officer": [200, 200, 200, 302, 302, 302],
    "Administrator": [200, 200, 200, 302, 302, 302],
    "Performance officer (other council)": [200, 200, 403, 403, 403, 403],
    "superuser": [200, 200, 200, 302, 302, 302],
}


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items())
def test_officer_pages_by_role(
    world: World, officer: User, client: Client, role: str, expected: list[int]
) -> None:
    plan, _action, users = world
    cycle = services.cycle_create(
        organisation=plan.organisation,
        name="Q3",
        opens_on=timezone.localdate(),
        deadline=timezone.localdate() + dt.timedelta(days=20),
        by=officer,
    )
    user = users[role]
    if user is not None:
        client.force_login(user)
    detail = reverse("cycles:cycle_detail", args=[cycle.uuid])
    statuses = [
        client.get(reverse("cycles:cycle_list")).status_code,
        client.get(reverse("cycles:cycle_create")).status_code,
        client.get(detail).status_code,
        client.post(reverse("cycles:cycle_open", args=[cycle.uuid])).status_code,
    ]
    if not CycleRequest.objects.exists():
        services.cycle_open(cycle=cycle, by=officer, now=timezone.now())
    found = CycleRequest.objects.get()
    revoke = reverse("cycles:link_revoke", args=[cycle.uuid, found.uuid])
    statuses.append(client.post(revoke).status_code)
    statuses.append(client.post(reverse("cycles:cycle_close", args=[cycle.uuid])).status_code)
    assert statuses == expected
    allowed = expected[-1] == 302 and role != "anonymous"
    assert UpdateLink.objects.filter(revoked_at__isnull=False).exists() == allowed
    cycle.refresh_from_db()
    assert (cycle.status == ReportingCycle.Status.CLOSED) == allowed


def test_unknown_cycles_are_not_found(officer: User, client: Client) -> None:
    client.force_login(officer)
    assert client.get(reverse("cycles:cycle_detail", args=["not-a-uuid"])).status_code == 404
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.get(reverse("cycles:cycle_detail", args=[missing])).status_code == 404
