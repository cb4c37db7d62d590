"""Each role against each risk and equality page: allowed, 403, sign-in for anonymous, 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Post, PostHolding
from stocktake.risks import services, services_equality
from stocktake.testing import MakeUser

from .conftest import RiskWorld

PAGES = [
    "register",
    "behind",
    "risk",
    "edit",
    "review",
    "add risk",
    "programme",
    "add assessment",
    "edit assessment",
]

# The risk and assessment sit in Customer Services and belong to "Lead officer (owner)".
EXPECTED = {
    "anonymous": [302, 302, 302, 302, 302, 302, 200, 302, 302],
    "no membership": [403, 403, 403, 403, 403, 403, 200, 403, 403],
    "Viewer": [403, 403, 403, 403, 403, 403, 200, 403, 403],
    "Councillor": [200, 200, 200, 403, 403, 403, 200, 403, 403],
    "Lead officer (owner)": [200, 200, 200, 200, 200, 403, 200, 403, 200],
    "Lead officer (not owner)": [200, 200, 200, 403, 403, 403, 200, 403, 403],
    "Lead officer (other unit)": [200, 200, 403, 403, 403, 403, 200, 403, 403],
    "Performance officer": [200, 200, 200, 200, 200, 200, 200, 200, 200],
    "Administrator": [200, 200, 200, 200, 200, 200, 200, 200, 200],
    "Performance officer (other council)": [403, 403, 403, 403, 403, 403, 200, 403, 403],
    "superuser": [200, 200, 200, 200, 200, 200, 200, 200, 200],
}


def _urls(w: RiskWorld) -> list[str]:
    org = w.plan.organisation.uuid
    return [
        reverse("risks:register", args=[org]),
        reverse("risks:risks_behind", args=[org]),
        reverse("risks:risk_detail", args=[w.risk.uuid]),
        reverse("risks:risk_edit", args=[w.risk.uuid]),
        reverse("risks:risk_review", args=[w.risk.uuid]),
        reverse("risks:risk_create", args=[org]),
        reverse("risks:programme", args=[org]),
        reverse("risks:assessment_create", args=[org]),
        reverse("risks:assessment_edit", args=[w.assessment.uuid]),
    ]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_and_changes_only_what_it_may(
    client: Client, risk_world: RiskWorld, role: str
) -> None:
    user = risk_world.users[role]
    if user is not None:
        client.force_login(user)
    got = [client.get(url).status_code for url in _urls(risk_world)]
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, EXPECTED[role], strict=True))


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, risk_world: RiskWorld) -> None:
    url = reverse("risks:risk_detail", args=[risk_world.risk.uuid])
    response = client.get(url)
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "name",
    [
        "risks:register",
        "risks:risks_behind",
        "risks:risk_create",
        "risks:programme",
        "risks:assessment_create",
        "risks:risk_detail",
        "risks:risk_edit",
        "risks:risk_review",
        "risks:assessment_edit",
    ],
)
@pytest.mark.parametrize("key", ["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10", "not-a-uuid"])
def test_unknown_items_are_not_found(client: Client, officer: User, name: str, key: str) -> None:
    client.force_login(officer)
    assert client.get(reverse(name, args=[key])).status_code == 404


def test_a_lead_officer_cannot_re_score_someone_elses_risk(
    client: Client, risk_world: RiskWorld
) -> None:
    user = risk_world.users["Lead officer (not owner)"]
    assert user is not None
    client.force_login(user)
    response = client.post(
        reverse("risks:risk_review", args=[risk_world.risk.uuid]),
        {"as_at": "2009-01-01", "likelihood": "1", "impact": "1"},
    )
    assert response.status_code == 403
    assert risk_world.risk.reviews.count() == 1


def test_a_lead_officer_re_scores_their_own_risk(client: Client, risk_world: RiskWorld) -> None:
    user = risk_world.users["Lead officer (owner)"]
    assert user is not None
    client.force_login(user)
    response = client.post(
        reverse("risks:risk_review", args=[risk_world.risk.uuid]),
        {"as_at": "2009-01-01", "likelihood": "1", "impact": "1", "mitigation": "Profiling"},
    )
    assert response.status_code == 302
    review = risk_world.risk.reviews.latest("as_at")
    assert (review.score, review.entered_by, review.reviewer) == (1, user, user.person)


def test_the_holder_of_the_owning_post_may_edit_the_risk(
    client: Client, risk_world: RiskWorld, make_user: MakeUser, officer: User
) -> None:
    council = risk_world.plan.organisation
    post = Post.objects.create(organisation=council, title="Head of Customer Services")
    holder, person = make_user("Lead officer", council, unit=risk_world.plan.unit)
    PostHolding.objects.create(post=post, person=person, start_date=dt.date(2008, 1, 1))
    services.risk_edit(risk=risk_world.risk, owner_person=None, owner_post=post, by=officer)
    client.force_login(holder)
    assert client.get(reverse("risks:risk_edit", args=[risk_world.risk.uuid])).status_code == 200


def test_the_public_sees_only_published_assessments(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    council = risk_world.plan.organisation
    lead = risk_world.assessment.lead_person
    strands = services_equality.characteristics_available(council.pk, dt.date(2009, 4, 1))
    services_equality.assessment_create(
        organisation=council,
        title="Reception service",
        status="published",
        findings="No adverse impact found",
        lead_person=lead,
        characteristics=list(strands),
        by=officer,
    )
    page = client.get(reverse("risks:programme", args=[council.uuid])).content.decode()
    assert "Reception service" in page
    assert "Travellers Policy" not in page
    client.force_login(officer)
    page = client.get(reverse("risks:programme", args=[council.uuid])).content.decode()
    assert "Travellers Policy" in page


def test_the_index_takes_a_reader_to_their_register(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    response = client.get(reverse("risks:index"))
    assert response["Location"] == reverse(
        "risks:register", args=[risk_world.plan.organisation.uuid]
    )
    client.logout()
    assert client.get(reverse("risks:index")).status_code == 302


def test_the_register_lists_only_risks_the_reader_may_see(
    client: Client, risk_world: RiskWorld
) -> None:
    user = risk_world.users["Lead officer (other unit)"]
    assert user is not None
    client.force_login(user)
    url = reverse("risks:register", args=[risk_world.plan.organisation.uuid])
    page = client.get(url).content.decode()
    assert "Failure to profile wards" not in page
