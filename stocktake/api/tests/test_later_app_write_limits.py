"""The writes of complaints, frameworks and service plans refuse unknown fields, over-long text
and out-of-range numbers with 400 JSON naming the field, and change nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from stocktake.accounts.models import Person
from stocktake.complaints import services as complaints
from stocktake.complaints.models import Complaint, Extension
from stocktake.frameworks.models import (
    Assessor,
    CriterionEvidence,
    CriterionRating,
    FrameworkAssessment,
)
from stocktake.serviceplans.models import SectionContent, ServicePlan
from stocktake.testing import MakeUser, World

from .conftest import MakeToken
from .test_later_apps import _as, later  # noqa: F401  (the shared records)

Later = tuple[World, Person]
JSON = "application/json"


def _refused(response: Any, field: str) -> None:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "The request was not valid"
    assert field in body["errors"], body


@pytest.fixture
def officer_headers(later: Later, make_token: MakeToken) -> dict[str, str]:  # noqa: F811
    (plan, _, users), _ = later
    return _as(make_token, users, "Performance officer", plan)


def test_a_complaint_with_an_unknown_or_over_long_field_is_refused_and_not_recorded(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
) -> None:
    (plan, _, _), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/complaints/"
    body = {"received_on": "2009-06-01", "channel": "email", "summary": "Missed bin"}
    before = Complaint.objects.count()
    for sent, field in (
        ({"urgency": "high"}, "urgency"),
        ({"service_name": "x" * 201}, "service_name"),
        ({"complainant_name": "x" * 201}, "complainant_name"),
        ({"area_code": "E" * 500}, "area_code"),
    ):
        response = client.post(url, body | sent, content_type=JSON, headers=officer_headers)
        _refused(response, field)
    assert Complaint.objects.count() == before
    made = client.post(url, body, content_type=JSON, headers=officer_headers)
    assert made.status_code == 201, made.json()


def test_a_complaint_step_refuses_unknown_fields_and_numbers_out_of_range(
    client: Client,
    later: Later,  # noqa: F811
    officer: User,
    officer_headers: dict[str, str],
) -> None:
    (plan, _, _), handler = later
    answered = Complaint.objects.get()
    complaint = complaints.complaint_receive(
        organisation=plan.organisation,
        received_on=dt.date(2009, 6, 1),
        channel="email",
        summary="Missed bin",
        by=officer,
    )
    complaints.complaint_accept(complaint=complaint, on=dt.date(2009, 6, 2), by=officer)
    complaints.complaint_acknowledge(
        complaint=complaint, on=dt.date(2009, 6, 3), handler=handler, by=officer
    )
    url = f"/api/complaints/{complaint.uuid}/steps/extend/"
    body = {"days": 1, "reason": "Waiting", "agreed_on": "2009-06-04"}
    for sent, field in (
        ({"dayz": 2}, "dayz"),
        ({"days": 10**20}, "days"),
        ({"days": -(2**40)}, "days"),
    ):
        response = client.post(url, body | sent, content_type=JSON, headers=officer_headers)
        _refused(response, field)
    assert not Extension.objects.filter(complaint_stage__complaint=complaint).exists()
    done = client.post(url, body, content_type=JSON, headers=officer_headers)
    assert done.status_code == 200, done.json()
    url = f"/api/complaints/{answered.uuid}/steps/"
    steps: tuple[tuple[str, dict[str, Any], str], ...] = (
        ("satisfaction", {"satisfaction": 10**20}, "satisfaction"),
        ("refer", {"referred_on": "2009-08-01", "ombudsman": "x" * 201}, "ombudsman"),
    )
    for step, sent, field in steps:
        response = client.post(f"{url}{step}/", sent, content_type=JSON, headers=officer_headers)
        _refused(response, field)
    answered.refresh_from_db()
    assert answered.satisfaction is None


def test_an_assessment_refuses_unknown_fields_and_an_over_long_title(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
) -> None:
    (plan, _, _), _ = later
    rating = CriterionRating.objects.select_related("assessment__framework").first()
    assert rating is not None
    body = {
        "organisation": str(plan.organisation.uuid),
        "framework": str(rating.assessment.framework.uuid),
        "title": "Equality 2010",
        "as_at": "2010-03-01",
    }
    before = FrameworkAssessment.objects.count()
    for sent, field in (({"status": "agreed"}, "status"), ({"title": "x" * 301}, "title")):
        response = client.post(
            "/api/framework-assessments/", body | sent, content_type=JSON, headers=officer_headers
        )
        _refused(response, field)
    assert FrameworkAssessment.objects.count() == before


def test_a_rating_and_an_assessor_refuse_unknown_fields_and_impossible_numbers(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
    make_user: MakeUser,
) -> None:
    (plan, _, _), _ = later
    rating = CriterionRating.objects.select_related("assessment", "criterion").first()
    assert rating is not None
    assessment = rating.assessment
    url = f"/api/framework-assessments/{assessment.uuid}/ratings/{rating.criterion.uuid}/"
    for sent, field in (
        ({"rating": 10**20}, "rating"),
        ({"rating": -(10**20)}, "rating"),
        ({"rating": None, "external_rating": 3}, "external_rating"),
    ):
        response = client.put(url, sent, content_type=JSON, headers=officer_headers)
        _refused(response, field)
    was = (rating.rating, rating.external_rating)
    rating.refresh_from_db()
    assert (rating.rating, rating.external_rating) == was
    _, person = make_user("Lead officer", plan.organisation)
    url = f"/api/framework-assessments/{assessment.uuid}/assessors/"
    body = {"person": str(person.uuid), "role": "lead"}
    _refused(client.post(url, body, content_type=JSON, headers=officer_headers), "role")
    assert not Assessor.objects.filter(assessment=assessment, user=person.user).exists()


def test_evidence_refuses_unknown_form_fields_and_over_long_text(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    rating = CriterionRating.objects.select_related("assessment", "criterion").first()
    assert rating is not None
    url = (
        f"/api/framework-assessments/{rating.assessment.uuid}"
        f"/ratings/{rating.criterion.uuid}/evidence/"
    )
    before = CriterionEvidence.objects.count()
    for sent, field in (
        ({"title": "A note", "note": "Seen", "kind": "file"}, "kind"),
        ({"title": "x" * 301, "note": "Seen"}, "title"),
        ({"title": "A link", "url": "https://example.org/" + "x" * 300}, "url"),
        ({"title": "A file", "file": "not a file part"}, "file"),
    ):
        _refused(client.post(url, sent, headers=officer_headers), field)
    assert CriterionEvidence.objects.count() == before
    made = client.post(url, {"title": "A note", "note": "Seen"}, headers=officer_headers)
    assert made.status_code == 201, made.json()


def test_a_service_plan_refuses_unknown_fields_and_a_year_out_of_range(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
) -> None:
    (plan, _, _), _ = later
    assert plan.unit is not None
    before = ServicePlan.objects.count()
    body = {"unit": str(plan.unit.uuid), "year": 2010}
    for sent, field in (({"title": "Ours"}, "title"), ({"year": 10**20}, "year")):
        response = client.post(
            "/api/service-plans/", body | sent, content_type=JSON, headers=officer_headers
        )
        _refused(response, field)
    assert ServicePlan.objects.count() == before


def test_a_plan_step_refuses_an_over_long_approver_and_unknown_fields(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
) -> None:
    found = ServicePlan.objects.get()  # submitted
    url = f"/api/service-plans/{found.uuid}/workflow/approve/"
    for sent, field in (
        ({"approved_by": "x" * 201}, "approved_by"),
        ({"approved_by": "Cllr Jones", "approver": "Cllr Smith"}, "approver"),
    ):
        _refused(client.post(url, sent, content_type=JSON, headers=officer_headers), field)
    found.refresh_from_db()
    assert (found.status, found.approved_by) == ("submitted", "")
    done = client.post(url, {"approved_by": "x" * 200}, content_type=JSON, headers=officer_headers)
    assert done.status_code == 200, done.json()


def test_a_section_refuses_keys_it_does_not_take_rather_than_ignoring_them(
    client: Client,
    later: Later,  # noqa: F811
    officer_headers: dict[str, str],
) -> None:
    found = ServicePlan.objects.get()
    client.post(
        f"/api/service-plans/{found.uuid}/workflow/return/",
        {"comment": "Add the budget"},
        content_type=JSON,
        headers=officer_headers,
    )
    content = SectionContent.objects.filter(service_plan=found).first()
    assert content is not None
    url = f"/api/service-plans/{found.uuid}/sections/{content.uuid}/"
    body = {"version": content.updated_at.isoformat(), "text": "Weekly", "txt": "Fortnightly"}
    _refused(client.put(url, body, content_type=JSON, headers=officer_headers), "txt")
    was = content.content
    content.refresh_from_db()
    assert content.content == was
