"""What the reviewer chooses on the review page is what happens, and refusals say why."""

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

pytestmark = pytest.mark.django_db

_EXTRA = (
    "\nR4\tA brand new recommendation that should be left out\t\t"
    "Head of Benefits, Revenues and Customer Services\tYes\tNothing yet\tJune 2009"
)


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]


def _upload(client: Client, council: Organisation, name: str, content: bytes) -> str:
    response = client.post(
        reverse("imports:start"),
        {"file": SimpleUploadedFile(name, content), "organisation": str(council.uuid)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def _latest() -> ImportRecord:
    return ImportRecord.objects.filter(status="previewed").get()


def _every(record: ImportRecord) -> list[str]:
    return [str(i) for i in range(len(record.preview["items"]))]


_BASE: dict[str, Any] = {"step": "confirm", "title": "Plan", "kind": "inspection_action_plan"}


def test_an_unticked_item_is_not_added_when_importing_into_an_existing_plan(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    paper = seed("004").read_bytes()
    first = _upload(client, council, "004.txt", paper)
    record = _latest()
    client.post(first, _BASE | {"all": _every(record), "keep": _every(record)})
    plan = Plan.objects.get()
    second = _upload(client, council, "004_plus.txt", paper + _EXTRA.encode())
    record = _latest()
    refs = [i.get("ref") for i in record.preview["items"]]
    assert "R4" in refs
    keep = [str(n) for n, ref in enumerate(refs) if ref != "R4"]
    response = client.post(
        second, _BASE | {"all": _every(record), "keep": keep, "into": str(plan.uuid)}
    )
    assert response.status_code == 302
    assert sorted(plan.actions.values_list("ref", flat=True)) == ["R1", "R2", "R3"]
    record.refresh_from_db()
    assert len(record.summary["skipped"]) == 1
    assert record.summary["not_in_paper"] == []


def test_the_web_page_asks_for_the_date_in_the_form_not_on_the_command_line(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "000.txt", seed("000").read_bytes())
    page = client.get(review).content.decode()
    assert "no as-at date found" in page
    assert "--as-at" not in page
    assert "Date the current positions describe\u2019 below" in page
    record = _latest()
    refused = client.post(review, _BASE | {"all": _every(record), "keep": _every(record)})
    assert "--as-at" not in refused.content.decode()
    assert "enter that date below" in refused.content.decode()


def test_a_broken_pdf_is_refused_without_naming_the_programs_exception(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("imports:start"),
        {
            "file": SimpleUploadedFile("broken.pdf", b"%PDF-1.4\n1 0 obj << /Broken"),
            "organisation": str(council.uuid),
        },
    )
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "could not be read" in page
    assert "Exception" not in page
    assert "(Pdf" not in page


def test_review_form_errors_name_the_field_and_change_nothing(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "004.txt", seed("004").read_bytes())
    record = _latest()
    data = _BASE | {"title": "", "kind": "bogus", "into": "not-a-plan"}
    page = client.post(review, data | {"all": _every(record)}).content.decode()
    assert "This field is required" not in page
    assert "Select a valid choice" not in page
    assert "Enter the plan title" in page
    assert "Kind of plan: choose one of the kinds in the list" in page
    assert "Import into: choose a plan in the list" in page
    assert not Plan.objects.exists()


def test_items_the_paper_does_not_have_are_refused_by_row(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "004.txt", seed("004").read_bytes())
    record = _latest()
    page = client.post(
        review, _BASE | {"all": _every(record), "keep": ["0", "bogus", "99"]}
    ).content.decode()
    assert "govuk-error-summary" in page
    assert "Items, Keep: row \u2018bogus\u2019 is not one of the 3 items" in page
    assert "row \u201899\u2019" in page
    assert not Plan.objects.exists()


def test_a_column_role_the_page_does_not_offer_is_refused_by_table_and_column(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review = _upload(client, council, "004.txt", seed("004").read_bytes())
    before = _latest().preview
    header = before["tables"][0]["header"][5]
    response = client.post(review, {"step": "roles", "role-0-5": "bogus"}, follow=True)
    assert f"Table 1, column \u2018{header}\u2019: choose what the column holds" in (
        response.content.decode()
    )
    assert _latest().preview == before
