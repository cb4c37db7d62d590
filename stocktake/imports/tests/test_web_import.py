"""Upload → review (roles, skips, as-at) → confirm, through the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.imports.models import ImportRecord
from stocktake.imports.tests.conftest import seed
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]


def _upload(client: Client, council: Organisation, prefix: str, name: str | None = None) -> str:
    path = seed(prefix)
    response = client.post(
        reverse("imports:start"),
        {
            "file": SimpleUploadedFile(name or path.name, path.read_bytes()),
            "organisation": str(council.uuid),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def _items(record: ImportRecord) -> list[str]:
    return [str(i) for i in range(len(record.preview["items"]))]


def test_an_officer_uploads_reviews_and_creates_a_plan(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "004")
    page = client.get(review).content.decode()
    assert "Recommendation Reference" in page
    assert "Deputy Director of Finance" in page
    record = ImportRecord.objects.get()
    response = client.post(
        review,
        {
            "step": "confirm",
            "title": "Access to Services Action Plan",
            "kind": "inspection_action_plan",
            "all": _items(record),
            "keep": ["0", "2"],
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.title == "Access to Services Action Plan"
    assert [a.ref for a in plan.actions.order_by("position")] == ["R1", "R3"]
    record.refresh_from_db()
    assert (record.status, record.plan) == ("imported", plan)
    assert client.get(review).status_code == 302


def test_a_paper_without_a_date_asks_for_one_and_saves_nothing_until_given(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "000")
    assert 'data-testid="needs-as-at"' in client.get(review).content.decode()
    record = ImportRecord.objects.get()
    data: dict[str, Any] = {
        "step": "confirm",
        "title": "Inspection plan",
        "kind": "inspection_action_plan",
    }
    data |= {"all": _items(record), "keep": _items(record)}
    refused = client.post(review, data)
    assert refused.status_code == 200
    assert "as-at date" in refused.content.decode()
    assert not Plan.objects.exists()
    assert client.post(review, data | {"as_at": "2008-09-30"}).status_code == 302
    assert Plan.objects.get().actions.count() == 39


def test_changing_a_column_role_reads_the_paper_again(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "004")
    record = ImportRecord.objects.get()
    assert record.preview["items"][0]["updates"]
    table = record.preview["tables"][0]
    roles = {f"role-0-{c}": table["roles"][h] for c, h in enumerate(table["header"])}
    roles["role-0-5"] = "ignore"  # "Comments"
    client.post(review, {"step": "roles", **roles})
    record.refresh_from_db()
    assert record.preview["tables"][0]["roles"]["Comments"] == "ignore"
    assert record.preview["items"][0]["updates"] == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"%PDF-1.4 this is not really a PDF", "pdf"),
        ("plan.exe", b"MZ\x90\x00", "must be one of"),
        ("empty.txt", b"   ", "empty"),
        ("notes.txt", b"Just a note with no table at all.", "no recognisable table"),
    ],
)
def test_a_paper_that_cannot_be_read_gets_a_clear_message_and_saves_nothing(
    client: Client, council: Organisation, officer: User, name: str, content: bytes, message: str
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("imports:start"),
        {"file": SimpleUploadedFile(name, content), "organisation": str(council.uuid)},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message.lower() in page.lower()
    assert not ImportRecord.objects.exists()


def test_a_newer_version_updates_the_chosen_plan(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    first = _upload(client, council, "004")
    record = ImportRecord.objects.get()
    base: dict[str, Any] = {"step": "confirm", "title": "Plan", "kind": "inspection_action_plan"}
    client.post(first, base | {"all": _items(record), "keep": _items(record)})
    plan = Plan.objects.get()
    second = _upload(client, council, "004")
    record = ImportRecord.objects.filter(status="previewed").get()
    response = client.post(
        second, base | {"all": _items(record), "keep": _items(record), "into": str(plan.uuid)}
    )
    assert response.status_code == 302
    assert Plan.objects.count() == 1
    assert plan.actions.count() == 3


def test_only_editors_of_the_organisation_may_import(
    client: Client,
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    assert client.get(reverse("imports:start")).status_code == 302
    lead, _ = make_user("Lead officer", council)
    client.force_login(lead)
    assert client.get(reverse("imports:start")).status_code == 403
    assert client.get(reverse("imports:list")).status_code == 403
    client.force_login(officer)
    review = _upload(client, council, "004")
    stranger, _ = make_user("Performance officer", other_council)
    client.force_login(stranger)
    assert client.get(review).status_code == 403
    forged = client.post(
        reverse("imports:start"),
        {
            "file": SimpleUploadedFile("a.txt", seed("004").read_bytes()),
            "organisation": str(council.uuid),
        },
    )
    assert forged.status_code == 200
    assert ImportRecord.objects.count() == 1
