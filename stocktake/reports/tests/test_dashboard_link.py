"""The navigation offers the health card only to those who may read it, and it opens theirs."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Membership, Role
from stocktake.testing import World

# Lead officers read their service and Viewers read published plans: neither may read the
# council's health card, so neither is offered a link that would refuse them.
OFFERED = {
    "Viewer": False,
    "Lead officer (owner)": False,
    "Councillor": True,
    "Performance officer": True,
    "Administrator": True,
    "superuser": True,
}


@pytest.mark.parametrize("role", list(OFFERED))
def test_the_dashboard_link_is_offered_only_to_those_the_health_card_admits(
    client: Client, world: World, role: str
) -> None:
    _plan, _action, users = world
    client.force_login(users[role])  # type: ignore[arg-type]
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert ('href="/dashboard/"' in page) is OFFERED[role]
    opened = client.get(reverse("reports:my_dashboard"), follow=True)
    assert opened.status_code == (200 if OFFERED[role] else 403)


def test_the_dashboard_opens_a_council_the_user_reads_whole_when_their_first_is_a_service_only(
    client: Client, world: World
) -> None:
    plan, _action, users = world
    lead = users["Lead officer (owner)"]
    assert lead is not None
    # Named after the lead's own council, so it is not their first by name.
    elsewhere = accounts.organisation_get_or_create(name="Wyre Forest District Council")
    Membership.objects.create(
        user=lead, organisation=elsewhere, role=Role.objects.get(name="Performance officer")
    )
    client.force_login(lead)
    response = client.get(reverse("reports:my_dashboard"))
    assert response["Location"] == reverse("reports:dashboard", args=[elsewhere.uuid])
    assert plan.organisation != elsewhere
