"""Assessors and evidence for framework assessments in the API: the pages' forms, services and
gatekeeper; a file the page would refuse is a 400 and nothing is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from stocktake.accounts.models import Person
from stocktake.frameworks import services as frameworks
from stocktake.frameworks.models import Assessor, CriterionEvidence, CriterionRating
from stocktake.testing import MakeUser, World

from .conftest import MakeToken
from .test_later_apps import _as, later  # noqa: F401  (the shared records)

Later = tuple[World, Person]
PDF = b"%PDF-1.4\n% a small pdf\n"


@pytest.fixture
def rating(later: Later, settings: Any, tmp_path: Path) -> CriterionRating:  # noqa: F811
    settings.MEDIA_ROOT = str(tmp_path)
    found = CriterionRating.objects.select_related("assessment", "criterion").first()
    assert found is not None
    return found


@pytest.fixture
def reader(later: Later, make_user: MakeUser) -> tuple[User, Person]:  # noqa: F811
    """A lead officer across the council: reads the draft, assesses nothing until named."""
    (plan, _, _), _ = later
    return make_user("Lead officer", plan.organisation)


def test_those_who_manage_an_assessment_name_its_assessors(
    client: Client,
    later: Later,  # noqa: F811
    rating: CriterionRating,
    reader: tuple[User, Person],
    make_token: MakeToken,
) -> None:
    (plan, _, users), _ = later
    url = f"/api/framework-assessments/{rating.assessment.uuid}/assessors/"
    body = {"person": str(reader[1].uuid)}

    def post(headers: dict[str, str], sent: dict[str, str]) -> Any:
        return client.post(url, sent, content_type="application/json", headers=headers)

    for role in ("anonymous", "Viewer", "Councillor", "Performance officer (other council)"):
        refused = post(_as(make_token, users, role, plan), body)
        assert refused.status_code == (401 if role == "anonymous" else 404), role
    assert post(make_token(reader[0], plan.organisation), body).status_code == 403
    officer = _as(make_token, users, "Performance officer", plan)
    outsider = users["Performance officer (other council)"]
    assert outsider is not None
    for person in (Person.objects.get(user=outsider), Person.objects.create(
        organisation=plan.organisation, name="No login")):  # fmt: skip
        bad = post(officer, {"person": str(person.uuid)})
        assert bad.status_code == 400, person
        assert "person" in bad.json()["errors"]
    assert not Assessor.objects.filter(user=reader[0]).exists()
    made = post(officer, body)
    assert made.status_code == 201, made.json()
    assert made.json()["person"] == str(reader[1].uuid)
    assert Assessor.objects.filter(assessment=rating.assessment, user=reader[0]).exists()


def test_assessors_add_evidence_files_checked_as_the_page_checks_them(
    client: Client,
    later: Later,  # noqa: F811
    rating: CriterionRating,
    reader: tuple[User, Person],
    make_token: MakeToken,
    settings: Any,
) -> None:
    (plan, action, users), _ = later
    url = (
        f"/api/framework-assessments/{rating.assessment.uuid}/ratings/"
        f"{rating.criterion.uuid}/evidence/"
    )
    before = CriterionEvidence.objects.count()

    def post(headers: dict[str, str], **sent: Any) -> Any:
        return client.post(url, sent, headers=headers)

    for role in ("anonymous", "Viewer", "Councillor", "Performance officer (other council)"):
        headers = _as(make_token, users, role, plan)
        refused = post(headers, title="Policy", note="Theirs")
        assert refused.status_code == (401 if role == "anonymous" else 404), role
    mine = make_token(reader[0], plan.organisation)
    assert post(mine, title="Policy", note="Not yet").status_code == 403
    officer = _as(make_token, users, "Performance officer", plan)
    for name, content, field in (
        ("profile.exe", b"MZ", "file"),
        ("profile.pdf", b"not a pdf", "file"),
        ("profile.txt", b"", "file"),  # empty
    ):
        bad = post(officer, title="Profile", file=SimpleUploadedFile(name, content))
        assert bad.status_code == 400, name
        assert field in bad.json()["errors"], bad.json()
    settings.EVIDENCE_MAX_BYTES = 10
    big = post(officer, title="Profile", file=SimpleUploadedFile("big.pdf", PDF))
    assert big.status_code == 400
    assert "file" in big.json()["errors"]
    settings.EVIDENCE_MAX_BYTES = 1_000_000
    assert post(officer, title="Nothing").status_code == 400
    assert post(officer, title="Unknown", action=str(rating.uuid)).status_code == 400
    assert CriterionEvidence.objects.count() == before

    made = post(officer, title="Profile", file=SimpleUploadedFile("profile.pdf", PDF))
    assert made.status_code == 201, made.json()
    shown = made.json()
    assert (shown["kind"], shown["content_type"], shown["size"]) == (
        "file",
        "application/pdf",
        len(PDF),
    )
    assert shown["file_name"].endswith(f"{shown['uuid']}.pdf")
    linked = post(officer, title="Ward profiling", action=str(action.uuid))
    assert linked.status_code == 201, linked.json()
    assert linked.json()["action"] == str(action.uuid)

    named = client.post(
        f"/api/framework-assessments/{rating.assessment.uuid}/assessors/",
        {"person": str(reader[1].uuid)},
        content_type="application/json",
        headers=officer,
    )
    assert named.status_code == 201
    assert post(mine, title="Minutes", url="https://example.org/minutes").status_code == 201
    assert CriterionEvidence.objects.count() == before + 3


def test_assessors_and_evidence_are_in_the_schema(client: Client) -> None:
    paths = client.get("/api/schema/").json()["paths"]
    assessment = "/api/framework-assessments/{framework_assessment_uuid}/"
    assert "post" in paths[f"{assessment}assessors/"]
    evidence = paths[f"{assessment}ratings/{{criterion_uuid}}/evidence/"]["post"]
    assert "multipart/form-data" in evidence["requestBody"]["content"]


def test_an_assessments_detail_names_its_assessors_as_its_page_does(
    client: Client,
    later: Later,  # noqa: F811
    rating: CriterionRating,
    reader: tuple[User, Person],
    make_token: MakeToken,
) -> None:
    (plan, _, users), _ = later
    officer = users["Performance officer"]
    assert officer is not None
    user, person = reader
    person.job_title = "Equalities lead"
    person.save()
    frameworks.assessor_add(assessment=rating.assessment, user=user, by=officer)
    url = f"/api/framework-assessments/{rating.assessment.uuid}/"
    for role in ("anonymous", "Viewer", "Councillor", "Performance officer (other council)"):
        refused = client.get(url, headers=_as(make_token, users, role, plan))
        assert refused.status_code == 404, role  # a draft, or another council's
    named = [
        {"person": str(Person.objects.get(user=officer).uuid), "role": None},
        {"person": str(person.uuid), "role": "Equalities lead"},
    ]
    for headers in (
        _as(make_token, users, "Performance officer", plan),
        make_token(user, plan.organisation),  # an assessor
    ):
        shown = client.get(url, headers=headers)
        assert shown.status_code == 200, shown.json()
        assessors = shown.json()["assessors"]
        assert [{k: a[k] for k in ("person", "role")} for a in assessors] == named
        assert assessors[1]["name"] == user.get_full_name()
    headers = _as(make_token, users, "Performance officer", plan)
    assert client.get(f"/api/framework-assessments/{uuid4()}/", headers=headers).status_code == 404
    bad = client.get("/api/framework-assessments/not-a-uuid/", headers=headers)
    assert bad.status_code in (400, 422)
