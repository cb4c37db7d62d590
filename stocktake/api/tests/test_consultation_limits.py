"""The consultation writes refuse impossible numbers and dates with 400 JSON, never a 500."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from stocktake.accounts.models import Organisation
from stocktake.consultations import services
from stocktake.consultations.models import ResponseCount
from stocktake.consultations.models_kb import Entry

from .conftest import MakeToken

JSON = "application/json"


def test_a_huge_response_count_is_a_400_naming_the_count(
    client: Client, council: Organisation, officer: User, make_token: MakeToken
) -> None:
    consultation = services.consultation_plan(organisation=council, title="Bins", by=officer)
    headers = make_token(officer, council)
    url = f"/api/consultations/{consultation.uuid}/responses/"
    for count in (10**20, 2**40, -3):
        body = {"kind": "channel", "label": "Online", "count": count}
        response = client.put(url, body, content_type=JSON, headers=headers)
        assert response.status_code == 400, response.content
        assert "count" in response.json()["errors"]
    assert not ResponseCount.objects.exists()
    body = {"kind": "channel", "label": "Online", "count": 412}
    assert client.put(url, body, content_type=JSON, headers=headers).status_code == 200


def test_a_negative_budget_and_a_far_review_date_are_refused(
    client: Client, council: Organisation, officer: User, make_token: MakeToken
) -> None:
    consultation = services.consultation_plan(organisation=council, title="Bins", by=officer)
    headers = make_token(officer, council)
    response = client.patch(
        f"/api/consultations/{consultation.uuid}/",
        {"budget": -5},
        content_type=JSON,
        headers=headers,
    )
    assert response.status_code == 400
    assert "budget" in response.json()["errors"]
    body = {"question": "Bins?", "answer": "Fortnightly.", "review_on": "9999-12-31"}
    response = client.post(
        f"/api/organisations/{council.uuid}/knowledge-base/",
        body,
        content_type=JSON,
        headers=headers,
    )
    assert response.status_code == 400
    assert "review_on" in response.json()["errors"]
    assert not Entry.objects.exists()
