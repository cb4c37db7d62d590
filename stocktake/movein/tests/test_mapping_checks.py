"""Nonsense refused early and by line: dates out of range, mappings without a needed column,
files that do not read as a table; what the pages say about it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.movein import jobs, services
from stocktake.movein.engine import MoveInRejected, movein_run
from stocktake.movein.fields import suggest_columns
from stocktake.movein.forms import UploadForm
from stocktake.movein.models import Kind, MoveIn, MoveInJob
from stocktake.movein.reading import read_sheets
from stocktake.movein.shipped import shipped_mapping
from stocktake.plans.models import Plan, ProgressUpdate

from .conftest import write_csv

HEADER = ["Code", "Action", "Status", "Note", "Note Date", "Note Author"]


def _upload(client: Client, name: str, content: bytes, council: Organisation, plan: Plan) -> Any:
    data = {
        "file": SimpleUploadedFile(name, content),
        "organisation": str(council.uuid),
        "kind": "updates",
        "plan": str(plan.uuid),
        "profile": "",
    }
    return client.post(reverse("movein:movein_upload"), data)


def _as_sent(page: Any, **changes: str) -> dict[str, str]:
    form = page.context["form"]
    return {name: str(form[name].value() or "") for name in form.fields} | changes


def test_a_failed_check_says_why_and_does_not_ask_to_map_the_columns_again(
    client: Client, council: Organisation, officer: User, make_plan: Callable[..., Plan]
) -> None:
    plan = make_plan(council, actions=1)
    client.force_login(officer)
    content = b"Code,Note,Note Date\n1.1,Fine,30/06/2008\n"
    movein = MoveIn.objects.get(
        uuid=_upload(client, "a.csv", content, council, plan)["Location"].split("/")[-3]
    )
    why = jobs._why(OperationalError("database is locked"))
    MoveInJob.objects.create(movein=movein, dry_run=True, status="failed", error=why)
    page = client.get(reverse("movein:movein_preview", args=[movein.uuid])).content.decode()
    assert "The check did not finish" in page
    assert "The database was busy with other work" in page
    assert "Map the columns first" not in page
    assert "Check the file again" in page


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("01/01/2031", "“01/01/2031” is in the future: history can only be dated up to today"),
        ("Q1 2040/41", "“Q1 2040/41” is in the future: history can only be dated up to today"),
        ("01/01/1985", "“01/01/1985” is before 1990: check the date"),
    ],
)
def test_a_date_in_the_future_or_before_1990_is_refused_with_its_line(
    council: Organisation,
    officer: User,
    make_plan: Callable[..., Plan],
    tmp_path: Path,
    written: str,
    why: str,
) -> None:
    plan = make_plan(council, actions=1)
    rows = [
        HEADER,
        ["1.1", "Action number 1", "In Progress", "Under way", "30/06/2008", "Jo"],
        ["1.1", "Action number 1", "In Progress", "Slip", written, "Jo"],
    ]
    with pytest.raises(MoveInRejected) as raised:
        movein_run(
            path=write_csv(tmp_path / "notes.csv", rows),
            organisation=council,
            mapping=shipped_mapping("pentana-actions") or {},
            plan=plan,
            by=officer,
        )
    assert raised.value.report.errors == [f"line 3: {why}"]
    assert str(raised.value) == "1 problem in the rows"
    assert not ProgressUpdate.objects.exists()


def test_a_mapping_without_a_date_column_is_refused_on_the_mapping_page(
    client: Client, council: Organisation, officer: User, make_plan: Callable[..., Plan]
) -> None:
    plan = make_plan(council, actions=1)
    client.force_login(officer)
    content = b"Code,Note,Note Date\n1.1,Fine,30/06/2008\n"
    mapped = _upload(client, "a.csv", content, council, plan)["Location"]
    page = client.get(mapped)
    assert "date_periods" not in page.context["form"].fields  # updates are dated, not periods
    assert "Where a period is written as a date" not in page.content.decode()
    before = MoveIn.objects.get().mapping
    refused = client.post(mapped, _as_sent(page, column_date=""))
    assert refused.status_code == 200
    assert "Choose the column that holds the as-at date" in refused.content.decode()
    assert 'class="govuk-error-summary' in refused.content.decode()
    assert not MoveInJob.objects.exists()
    assert MoveIn.objects.get().mapping == before


def test_headers_holding_a_fields_word_are_suggested() -> None:
    pentana = suggest_columns(Kind.UPDATES, HEADER)
    assert pentana["date"] == "Note Date"
    assert pentana["position"] == "Note"
    assert pentana["author"] == "Note Author"
    other = suggest_columns(Kind.UPDATES, ["Action Ref", "Update Text", "Last Update Date"])
    assert other == {"ref": "Action Ref", "date": "Last Update Date", "position": "Update Text"}
    reviews = suggest_columns(Kind.REVIEWS, ["Risk Ref", "Date of Review", "Likelihood"])
    assert reviews["date"] == "Date of Review"
    # a date beside periods across must not hide the wide layout of an indicator export
    assert "period" not in suggest_columns(Kind.INDICATORS, ["Code", "Last updated date", "Q1"])


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_commas_semicolons_and_tabs_all_separate_columns(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"Code{delimiter}Note Date\n1.1{delimiter}30/06/2008\n", encoding="utf-8")
    sheet = next(read_sheets(path))
    assert sheet.header == ["Code", "Note Date"]
    assert list(sheet.rows) == [(2, ["1.1", "30/06/2008"])]


def test_a_text_file_is_accepted_only_if_it_reads_as_a_table(
    client: Client, council: Organisation, officer: User, make_plan: Callable[..., Plan]
) -> None:
    plan = make_plan(council, actions=1)
    client.force_login(officer)
    prose = _upload(client, "notes.txt", b"Some notes about actions\nand more\n", council, plan)
    assert prose.status_code == 200
    assert "notes.txt reads as a single column" in prose.content.decode()
    assert not MoveIn.objects.exists()
    table = _upload(
        client, "notes.txt", b"Code\tNote\tNote Date\n1.1\tFine\t30/06/08\n", council, plan
    )
    assert table.status_code == 302
    assert MoveIn.objects.get().mapping["columns"]["date"] == "Note Date"


def test_the_plan_choice_names_each_plans_council(
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_plan: Callable[..., Plan],
) -> None:
    make_plan(council, actions=0)
    make_plan(other_council, actions=0)
    form = UploadForm(organisations=[council, other_council], profiles=[])
    labels = [label for value, label in form.fields["plan"].choices if value]  # type: ignore[attr-defined]
    assert len(labels) == 2
    assert any("Charnwood Borough Council" in label for label in labels)
    assert any("Uttlesford District Council" in label for label in labels)


def test_one_period_and_one_problem_are_singular(
    client: Client, council: Organisation, officer: User, make_plan: Callable[..., Plan]
) -> None:
    plan = make_plan(council, actions=1)
    movein = services.movein_upload(
        organisation=council,
        kind=Kind.UPDATES,
        upload=SimpleUploadedFile("a.csv", b"Code,Note,Note Date\n1.1,Fine,30/06/2008\n"),
        plan=plan,
        by=officer,
    )
    report = services.movein_check(movein=movein, mapping=movein.mapping, by=officer)
    assert report["periods"] == ["Q1 2008/09"]
    client.force_login(officer)
    MoveInJob.objects.create(movein=movein, dry_run=True, status="done")
    page = client.get(reverse("movein:movein_preview", args=[movein.uuid])).content.decode()
    assert "(1 period)" in page
    assert "Rows in the file" in page
    movein.report = report | {"error_count": 1, "errors": ["line 2: “x” is not a date"]}
    movein.save()
    page = client.get(reverse("movein:movein_preview", args=[movein.uuid])).content.decode()
    assert "1 problem in the rows, by line:" in page
