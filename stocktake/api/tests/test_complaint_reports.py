"""The complaints due lists and annual figures in the API: the same people and the same data
as their pages, personal details only for those who handle a complaint, and aggregate figures
only in the annual report."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stocktake.accounts.models import Person
from stocktake.complaints import services
from stocktake.complaints.models import Complaint
from stocktake.testing import World

from .conftest import MakeToken
from .test_later_apps import _as, later  # noqa: F401  (the shared records)

Later = tuple[World, Person]


@pytest.fixture
def overdue(later: Later, officer: User) -> Complaint:  # noqa: F811
    (plan, _, _), _ = later
    return services.complaint_receive(
        organisation=plan.organisation,
        received_on=services.today() - dt.timedelta(days=40),
        channel="email",
        summary="Still no reply",
        complainant_name="B Resident",
        by=officer,
    )


def test_the_due_lists_are_for_staff_with_details_for_handlers_only(
    client: Client,
    later: Later,  # noqa: F811
    overdue: Complaint,
    make_token: MakeToken,
) -> None:
    (plan, _, users), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/complaints/due/"
    expected = {
        "anonymous": (404, None),
        "Viewer": (404, None),
        "Councillor": (404, None),
        "Lead officer (not owner)": (200, None),
        "Performance officer": (200, "B Resident"),
        "Performance officer (other council)": (404, None),
    }
    for role, (status, name) in expected.items():
        response = client.get(url, headers=_as(make_token, users, role, plan))
        assert response.status_code == status, role
        if status == 200:
            body = response.json()
            assert [c["uuid"] for c in body["overdue"]] == [str(overdue.uuid)], role
            row = body["overdue"][0]
            assert (row["complainant_name"], row["personal"]) == (name, name is not None), role
            assert row["summary"] == ("Still no reply" if name else None), role
            assert row["owed"] == "Acknowledgement"
            assert body["due_soon"] == []
            assert body["soon_until"] >= body["today"]


def test_the_due_lists_take_a_fixed_number_of_queries(
    client: Client,
    later: Later,  # noqa: F811
    overdue: Complaint,
    officer: User,
    make_token: MakeToken,
) -> None:
    (plan, _, users), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/complaints/due/"
    headers = _as(make_token, users, "Performance officer", plan)
    client.get(url, headers=headers)  # the token's first use is recorded once
    with CaptureQueriesContext(connection) as one:
        assert client.get(url, headers=headers).status_code == 200
    for _ in range(3):
        services.complaint_receive(
            organisation=plan.organisation,
            received_on=services.today() - dt.timedelta(days=30),
            channel="letter",
            summary="Another",
            by=officer,
        )
    with CaptureQueriesContext(connection) as four:
        response = client.get(url, headers=headers)
    assert len(response.json()["overdue"]) == 4
    assert len(four) == len(one)


def test_the_annual_figures_are_for_report_readers_and_aggregate_only(
    client: Client,
    later: Later,  # noqa: F811
    make_token: MakeToken,
) -> None:
    (plan, _, users), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/complaints/annual/"
    expected = {
        "anonymous": 404,
        "Viewer": 404,
        "Councillor": 200,  # aggregate, as the report page
        "Lead officer (not owner)": 200,
        "Performance officer": 200,
        "Performance officer (other council)": 404,
    }
    for role, status in expected.items():
        headers = _as(make_token, users, role, plan)
        response = client.get(url, {"year": 2009}, headers=headers)
        assert response.status_code == status, role
        if status == 200:
            body = response.json()
            assert (body["label"], body["received"], body["acknowledged"]) == ("2009/10", 1, 1)
            assert body["stages"][0]["extended"] == 1
            assert body["ombudsman"]["referred"] == 1
            assert body["learning"][0]["what_changed"] == "Crews check the list"
            words = json.dumps(body)
            assert "A Resident" not in words, role
            assert "Bin not collected" not in words, role
    officer = _as(make_token, users, "Performance officer", plan)
    assert client.get(url, {"year": 2010}, headers=officer).json()["received"] == 0
    assert client.get(url, headers=officer).status_code == 200  # this year by default


def test_a_year_out_of_range_is_a_clear_400(
    client: Client,
    later: Later,  # noqa: F811
    make_token: MakeToken,
) -> None:
    (plan, _, users), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/complaints/annual/"
    officer = _as(make_token, users, "Performance officer", plan)
    for year in ("1066", "next"):
        response = client.get(url, {"year": year}, headers=officer)
        assert response.status_code == 400, year
        assert "year" in response.json()["errors"]


def test_the_due_lists_and_annual_figures_are_in_the_schema(client: Client) -> None:
    paths = client.get("/api/schema/").json()["paths"]
    assert "/api/organisations/{organisation_uuid}/complaints/due/" in paths
    assert "/api/organisations/{organisation_uuid}/complaints/annual/" in paths
