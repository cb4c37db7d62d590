"""Values and targets through the API: a period's value is replaced only when asked, and
fields that make no sense for the indicator are refused with the reason, not dropped."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.models import Indicator, Measurement, Target

from .conftest import MakeToken

JSON = "application/json"


def _indicator(council: Organisation, officer: User, **fields: Any) -> Indicator:
    definition = services.definition_create(
        organisation=council, code="LX1", title="Calls answered", by=officer, **fields
    )
    return services.indicator_create(organisation=council, definition=definition, by=officer)


@pytest.fixture
def calls(council: Organisation, officer: User) -> Indicator:
    return _indicator(council, officer)


def _record(client: Client, indicator: Indicator, headers: dict[str, str], **body: Any) -> Any:
    url = f"/api/indicators/{indicator.uuid}/measurements/"
    return client.post(url, {"period": "2009/10", **body}, content_type=JSON, headers=headers)


def test_a_value_already_entered_is_replaced_only_when_the_body_says_replace(
    client: Client, council: Organisation, officer: User, calls: Indicator, make_token: MakeToken
) -> None:
    headers = make_token(officer, council)
    assert _record(client, calls, headers, value="80").status_code == 201
    response = _record(client, calls, headers, value="95")
    assert response.status_code == 400
    assert "already entered" in response.json()["errors"]["replace"][0]
    assert Measurement.objects.get().value == 80
    response = _record(client, calls, headers, value="95", replace=True)
    assert response.status_code == 201, response.json()
    assert Measurement.objects.get().value == 95


def test_a_sample_size_or_numerator_that_does_not_apply_is_refused_with_the_reason(
    client: Client, council: Organisation, officer: User, calls: Indicator, make_token: MakeToken
) -> None:
    headers = make_token(officer, council)
    response = _record(client, calls, headers, value="80", sample_size=3)
    assert response.status_code == 400
    assert "Sample size does not apply" in str(response.json()["errors"])
    response = _record(client, calls, headers, value="80", numerator="4", denominator="5")
    assert response.status_code == 400
    assert "not a ratio" in str(response.json()["errors"])
    assert not Measurement.objects.exists()


def test_a_negative_sample_size_is_refused_by_the_schema(
    client: Client, council: Organisation, officer: User, make_token: MakeToken
) -> None:
    survey = _indicator(council, officer, data_type="percentage")
    headers = make_token(officer, council)
    response = _record(client, survey, headers, value="80", sample_size=-3)
    assert response.status_code == 400
    assert "sample_size" in response.json()["errors"]
    assert not Measurement.objects.exists()
    assert _record(client, survey, headers, value="80", sample_size=300).status_code == 201
    assert Measurement.objects.get().sample_size == 300


def test_a_negative_tolerance_is_refused(
    client: Client, council: Organisation, officer: User, calls: Indicator, make_token: MakeToken
) -> None:
    headers = make_token(officer, council)
    url = f"/api/indicators/{calls.uuid}/targets/"
    body = {"period": "2009/10", "value": "80", "tolerance": "-3"}
    response = client.put(url, body, content_type=JSON, headers=headers)
    assert response.status_code == 400
    assert "tolerance" in response.json()["errors"]
    assert not Target.objects.exists()
