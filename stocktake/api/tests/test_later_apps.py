"""The routers of the apps added after the API: the same gatekeepers as their pages, the public
sees only what is published, personal details of complaints only for their handlers, and
another council's records are not found."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from stocktake.accounts.models import Person
from stocktake.complaints.models import Complaint
from stocktake.consultations import services as consultations
from stocktake.consultations.models import Consultation
from stocktake.customers import services as customers
from stocktake.exchange.tests.generated import add_every_later_app
from stocktake.frameworks.models import CriterionRating
from stocktake.serviceplans.models import SectionContent, ServicePlan
from stocktake.testing import World

from .conftest import MakeToken

Users = dict[str, User | None]


@pytest.fixture
def later(world: World, officer: User) -> tuple[World, Person]:
    plan, action, users = world
    handler = Person.objects.get(user=users["Lead officer (owner)"])
    add_every_later_app(plan.organisation, officer, plan, action, handler)
    return world, handler


def _as(make_token: MakeToken, users: Users, role: str, plan: Any) -> dict[str, str]:
    user = users[role]
    if user is None:
        return {}
    organisation = plan.organisation
    if "other council" in role:
        organisation = user.memberships.get().organisation
    return make_token(user, organisation)


def test_complaints_are_for_staff_and_their_details_for_handlers_only(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    complaint = Complaint.objects.get()
    register = f"/api/organisations/{plan.organisation.uuid}/complaints/"
    shown = f"/api/complaints/{complaint.uuid}/"
    expected = {
        "anonymous": (404, 404, None),
        "Viewer": (404, 404, None),
        "Councillor": (404, 404, None),
        "Lead officer (not owner)": (200, 200, None),
        "Lead officer (owner)": (200, 200, "A Resident"),  # handles its stage
        "Performance officer": (200, 200, "A Resident"),
        "Performance officer (other council)": (404, 404, None),
    }
    for role, (listed, detail, name) in expected.items():
        headers = _as(make_token, users, role, plan)
        response = client.get(register, headers=headers)
        assert response.status_code == listed, role
        if listed == 200:
            assert response.json()["items"][0]["complainant_name"] == name, role
        response = client.get(shown, headers=headers)
        assert response.status_code == detail, role
        if detail == 200:
            body = response.json()
            assert (body["complainant_name"], body["personal"]) == (name, name is not None), role
            assert body["summary"] == ("Bin not collected" if name else None), role
            equality = (body["area_code"], body["age_band"], body["disabled"])
            assert equality == (("E00000001", "65_over", True) if name else (None, None, None))


def test_only_those_who_manage_complaints_record_one_through_the_form(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/complaints/"
    body = {"received_on": "2009-06-01", "channel": "email", "summary": "Missed bin"}
    lead = _as(make_token, users, "Lead officer (not owner)", plan)
    assert client.post(url, body, content_type="application/json", headers=lead).status_code == 403
    officer = _as(make_token, users, "Performance officer", plan)
    bad = client.post(
        url, body | {"received_on": "not a date"}, content_type="application/json", headers=officer
    )
    assert bad.status_code == 400
    made = client.post(url, body, content_type="application/json", headers=officer)
    assert made.status_code == 201, made.json()
    assert made.json()["summary"] == "Missed bin"
    monitored = client.post(
        url, body | {"area_code": "e00000002", "age_band": "under_25", "disabled": False},
        content_type="application/json", headers=officer,
    )  # fmt: skip
    assert monitored.status_code == 201, monitored.json()
    assert (monitored.json()["area_code"], monitored.json()["disabled"]) == ("E00000002", False)
    assert Complaint.objects.count() == 3


def test_the_public_sees_published_consultations_without_who_ran_them(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    published = Consultation.objects.get()
    Consultation.objects.filter(pk=published.pk).update(
        status=Consultation.Status.OUTCOME_PUBLISHED, lead_officer=Person.objects.first()
    )
    officer = users["Performance officer"]
    assert officer is not None
    planned = consultations.consultation_plan(
        organisation=plan.organisation, title="Parking charges", by=officer
    )
    listed = client.get("/api/consultations/").json()["items"]
    assert [c["uuid"] for c in listed] == [str(published.uuid)]
    assert listed[0]["lead_officer"] is None
    assert client.get(f"/api/consultations/{planned.uuid}/").status_code == 404
    shown = client.get(f"/api/consultations/{published.uuid}/").json()
    assert shown["feedback"][0]["we_did"] == "Opened on Saturdays"
    councillor = _as(make_token, users, "Councillor", plan)
    assert client.get("/api/consultations/", headers=councillor).json()["count"] == 2
    outsider = _as(make_token, users, "Performance officer (other council)", plan)
    assert client.get(f"/api/consultations/{planned.uuid}/", headers=outsider).status_code == 404
    assert client.get("/api/knowledge-base/").json()["count"] == 0
    assert client.get("/api/knowledge-base/", headers=councillor).json()["count"] == 1


def test_consultations_change_through_the_planners_rules(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    found = Consultation.objects.get()
    url = f"/api/consultations/{found.uuid}/"
    lead = _as(make_token, users, "Lead officer (not owner)", plan)
    refused = client.patch(url, {"title": "Mine"}, content_type="application/json", headers=lead)
    assert refused.status_code == 403
    officer = _as(make_token, users, "Performance officer", plan)
    moved = client.patch(
        url, {"status": "analysing"}, content_type="application/json", headers=officer
    )
    assert moved.status_code == 200, moved.json()
    assert moved.json()["status"] == "analysing"
    back = client.patch(
        url, {"status": "planned"}, content_type="application/json", headers=officer
    )
    assert back.status_code == 400  # one step back at most
    assert "status" in back.json()["errors"]
    made = client.post(
        f"/api/organisations/{plan.organisation.uuid}/consultations/",
        {"title": "Opening hours", "opens_on": "2009-05-01", "closes_on": "2009-04-01"},
        content_type="application/json",
        headers=officer,
    )
    assert made.status_code == 400  # the planner's rule: it closes after it opens
    made = client.post(
        f"/api/organisations/{plan.organisation.uuid}/consultations/",
        {"title": "Opening hours", "checked_similar": True},
        content_type="application/json",
        headers=officer,
    )
    assert made.status_code == 201, made.json()


def test_the_public_sees_published_access_points_and_standards_but_no_contact_figures(
    client: Client, later: tuple[World, Person], make_token: MakeToken, officer: User
) -> None:
    (plan, _, users), _ = later
    hidden = customers.access_point_create(
        organisation=plan.organisation, code="back", name="Back office", kind="phone", by=officer
    )
    customers.standard_create(organisation=plan.organisation, title="Unpublished", by=officer)
    points = client.get("/api/access-points/").json()["items"]
    assert [p["name"] for p in points] == ["Saffron Walden office"]
    assert points[0]["sessions"] == [{"weekday": 0, "opens": "09:00", "closes": "17:00"}]
    assert client.get(f"/api/access-points/{hidden.uuid}/").status_code == 404
    assert client.get("/api/service-standards/").json()["count"] == 1
    months = f"/api/organisations/{plan.organisation.uuid}/contact-months/"
    assert client.get(months).status_code == 404
    councillor = _as(make_token, users, "Councillor", plan)
    assert client.get(f"/api/access-points/{hidden.uuid}/", headers=councillor).status_code == 200
    assert client.get("/api/service-standards/", headers=councillor).json()["count"] == 2
    figures = client.get(months, {"since": "2009-05-01"}, headers=councillor).json()
    assert [(m["month"], m["contacts"]) for m in figures["items"]] == [("2009-05-01", 2)]
    outsider = _as(make_token, users, "Performance officer (other council)", plan)
    assert client.get(months, headers=outsider).status_code == 404


def test_the_public_sees_published_service_plans_only_and_writers_save_sections(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    found = ServicePlan.objects.get()
    assert client.get("/api/service-plans/").json()["count"] == 0
    assert client.get(f"/api/service-plans/{found.uuid}/").status_code == 404
    officer = _as(make_token, users, "Performance officer", plan)
    shown = client.get(f"/api/service-plans/{found.uuid}/", headers=officer).json()
    assert shown["sections"][0]["content"]["text"] == "We collect bins"
    versions = client.get(f"/api/service-plans/{found.uuid}/versions/", headers=officer).json()
    assert versions["items"][0]["label"] == "Submitted for approval"
    content = SectionContent.objects.filter(service_plan=found).first()
    assert content is not None
    url = f"/api/service-plans/{found.uuid}/sections/{content.uuid}/"
    submitted = client.put(
        url, {"text": "Changed"}, content_type="application/json", headers=officer
    )
    assert submitted.status_code == 400  # a submitted plan is not edited
    ServicePlan.objects.filter(pk=found.pk).update(status="published")
    assert client.get("/api/service-plans/").json()["count"] == 1


def test_framework_assessments_follow_their_gatekeeper(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    rating = CriterionRating.objects.select_related("assessment", "criterion").first()
    assert rating is not None
    shown = f"/api/framework-assessments/{rating.assessment.uuid}/"
    assert client.get("/api/frameworks/").json()["count"] == 0
    assert client.get(shown).status_code == 404
    officer = _as(make_token, users, "Performance officer", plan)
    assert client.get(shown, headers=officer).json()["ratings"]
    url = f"{shown}ratings/{rating.criterion.uuid}/"
    body = {"rating": 99, "commentary": "Off the scale"}
    assert (
        client.put(url, body, content_type="application/json", headers=officer).status_code == 400
    )
    body = {"rating": 1, "commentary": "All of it"}
    saved = client.put(url, body, content_type="application/json", headers=officer)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["rating"] == 1
    councillor = _as(make_token, users, "Councillor", plan)
    assert client.get(shown, headers=councillor).status_code == 404  # a draft
    assert (
        client.put(url, body, content_type="application/json", headers=councillor).status_code
        == 404
    )
    outsider = _as(make_token, users, "Performance officer (other council)", plan)
    assert client.get(shown, headers=outsider).status_code == 404


def test_mapping_profiles_are_for_those_who_move_history_in(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    url = f"/api/organisations/{plan.organisation.uuid}/mapping-profiles/"
    officer = _as(make_token, users, "Performance officer", plan)
    listed = client.get(url, headers=officer).json()["items"]
    assert [p["name"] for p in listed] == ["CorVu values"]
    detail = f"/api/mapping-profiles/{listed[0]['uuid']}/"
    for role in ("anonymous", "Lead officer (owner)", "Performance officer (other council)"):
        headers = _as(make_token, users, role, plan)
        assert client.get(url, headers=headers).status_code == 404, role
        assert client.get(detail, headers=headers).status_code == 404, role


def test_complaint_steps_use_the_step_pages_forms_for_those_who_handle_it(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    complaint = Complaint.objects.get()
    case = complaint.ombudsman_cases.get()
    url = f"/api/complaints/{complaint.uuid}/steps/ombudsman-decision/"
    body = {"case": str(case.uuid), "decision": "not_upheld", "decided_on": "2009-08-01"}
    lead = _as(make_token, users, "Lead officer (not owner)", plan)
    assert client.post(url, body, content_type="application/json", headers=lead).status_code == 403
    officer = _as(make_token, users, "Performance officer", plan)
    unknown = url.replace("ombudsman-decision", "shred")
    assert (
        client.post(unknown, body, content_type="application/json", headers=officer).status_code
        == 404
    )
    partial = {k: v for k, v in body.items() if k != "decided_on"}
    refused = client.post(url, partial, content_type="application/json", headers=officer)
    assert refused.status_code == 400
    assert "decided_on" in refused.json()["errors"]
    done = client.post(url, body, content_type="application/json", headers=officer)
    assert done.status_code == 200, done.json()
    case.refresh_from_db()
    assert case.decision == "not_upheld"


def test_service_plans_are_started_through_the_new_plan_form(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    assert plan.unit is not None
    body = {"unit": str(plan.unit.uuid), "year": 2010}
    viewer = _as(make_token, users, "Viewer", plan)
    assert (
        client.post(
            "/api/service-plans/", body, content_type="application/json", headers=viewer
        ).status_code
        == 403
    )
    officer = _as(make_token, users, "Performance officer", plan)
    made = client.post(
        "/api/service-plans/", body, content_type="application/json", headers=officer
    )
    assert made.status_code == 201, made.json()
    assert made.json()["status"] == "draft"
    again = client.post(
        "/api/service-plans/", body, content_type="application/json", headers=officer
    )
    assert again.status_code == 400  # one plan a service a year
    found = Consultation.objects.get()
    counted = client.put(
        f"/api/consultations/{found.uuid}/responses/",
        {"kind": "channel", "label": "Online", "count": 150},
        content_type="application/json",
        headers=officer,
    )
    assert counted.status_code == 200, counted.json()
    assert found.response_counts.get(label="Online").count == 150


def test_assessments_are_started_through_the_new_assessment_form(
    client: Client, later: tuple[World, Person], make_token: MakeToken
) -> None:
    (plan, _, users), _ = later
    rating = CriterionRating.objects.select_related("assessment__framework").first()
    assert rating is not None
    body = {
        "organisation": str(plan.organisation.uuid),
        "framework": str(rating.assessment.framework.uuid),
        "title": "Equality 2010",
        "as_at": "2010-03-01",
    }
    url = "/api/framework-assessments/"
    lead = _as(make_token, users, "Lead officer (owner)", plan)
    assert client.post(url, body, content_type="application/json", headers=lead).status_code == 403
    outsider = _as(make_token, users, "Performance officer (other council)", plan)
    refused = client.post(url, body, content_type="application/json", headers=outsider)
    assert refused.status_code == 400
    assert "organisation" in refused.json()["errors"]
    officer = _as(make_token, users, "Performance officer", plan)
    made = client.post(url, body, content_type="application/json", headers=officer)
    assert made.status_code == 201, made.json()
    assert len(made.json()["ratings"]) == len(rating.assessment.framework.criteria.all())
