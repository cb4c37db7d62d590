"""The web journey: upload, map (saving a profile), dry run, confirm, reconciliation; and reuse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Measurement
from stocktake.movein.models import MappingProfile, MoveIn

from .conftest import MakeIndicators, Worker, write_csv


def _upload(client: Client, path: Path, council: Organisation, **more: str) -> Any:
    with path.open("rb") as handle:
        data = {
            "file": SimpleUploadedFile(path.name, handle.read()),
            "organisation": str(council.uuid),
            "kind": "indicators",
            "profile": "",
        } | more
        return client.post(reverse("movein:movein_upload"), data)


def _mapping_post(page: Any, **changes: str) -> dict[str, str]:
    """What the mapping form shows, as a browser would send it back unchanged."""
    form = page.context["form"]
    data = {name: str(form[name].value() or "") for name in form.fields}
    return data | changes


def test_a_move_in_goes_from_upload_to_reconciliation(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    worker: Worker,
) -> None:
    make_indicators(council, 3)
    client.force_login(officer)
    uploaded = _upload(client, long_csv(3), council)
    movein = MoveIn.objects.get()
    assert uploaded["Location"] == reverse("movein:movein_map", args=[movein.uuid])
    page = client.get(uploaded["Location"])
    assert page.status_code == 200
    form = page.context["form"]
    assert form["column_code"].value() == "PI Code"  # suggested from the headings
    assert form.words == ["OK"]
    with worker():
        mapped = client.post(uploaded["Location"], _mapping_post(page, save_as="Pentana values"))
    assert mapped["Location"] == reverse("movein:movein_preview", args=[movein.uuid])
    preview = client.get(mapped["Location"])
    assert b"What the import would do" in preview.content
    assert not Measurement.objects.exists()
    with worker():
        done = client.post(mapped["Location"])
    assert done["Location"] == reverse("movein:movein_report", args=[movein.uuid])
    report = client.get(done["Location"])
    assert b"Reconciliation" in report.content
    assert Measurement.objects.count() == 24
    assert MappingProfile.objects.get().name == "Pentana values"


def test_a_saved_profile_is_reused_for_the_next_export(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    tmp_path: Path,
    worker: Worker,
) -> None:
    make_indicators(council, 1)
    client.force_login(officer)
    first = write_csv(
        tmp_path / "a.csv",
        [["Ref No", "When", "Result", "Light"], ["PI 001", "Jun-08", "5", "Fine"]],
    )
    page = client.get(_upload(client, first, council).url)
    data = _mapping_post(
        page,
        column_code="Ref No",
        column_period="When",
        column_value="Result",
        column_status="Light",
        date_periods="quarter",
    )
    again = client.post(page.request["PATH_INFO"], data)
    assert (
        again["Location"] == page.request["PATH_INFO"]
    )  # the chosen status column's words, to map
    page = client.get(again["Location"])
    assert page.context["form"].words == ["Fine"]
    client.post(
        again["Location"], _mapping_post(page, word_0="rag:green", save_as="Our spreadsheet")
    )
    profile = MappingProfile.objects.get(name="Our spreadsheet")
    assert profile.mapping["columns"]["code"] == "Ref No"
    assert profile.mapping["statuses"] == {"fine": "rag:green"}

    second = write_csv(
        tmp_path / "b.csv",
        [["Ref No", "When", "Result", "Light"], ["PI 001", "Sep-08", "6", "Fine"]],
    )
    reused = _upload(client, second, council, profile=str(profile.uuid))
    page = client.get(reused["Location"])
    assert page.context["form"]["column_period"].value() == "When"
    assert b"Our spreadsheet" in page.content
    with worker():
        client.post(reused["Location"], _mapping_post(page))
    movein = MoveIn.objects.get(source="b.csv")
    assert movein.report["created"] == {"indicator values": 1}
    assert movein.report["periods"] == ["Q2 2008/09"]


def test_the_preview_lists_bad_rows_by_line_and_offers_no_import(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    tmp_path: Path,
    worker: Worker,
) -> None:
    make_indicators(council, 1)
    client.force_login(officer)
    path = write_csv(
        tmp_path / "bad.csv", [["Code", "Period", "Value"], ["PI 001", "Q1 2008/09", "x"]]
    )
    page = client.get(_upload(client, path, council)["Location"])
    with worker():
        checked = client.post(page.request["PATH_INFO"], _mapping_post(page))
    preview = client.get(checked["Location"])
    assert "line 2: “x” is not a number" in preview.content.decode()
    assert b"Import the history" not in preview.content
    movein = MoveIn.objects.get()
    refused = client.post(reverse("movein:movein_preview", args=[movein.uuid]))
    assert refused.status_code == 302
    assert not Measurement.objects.exists()
