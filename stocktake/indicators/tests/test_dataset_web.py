"""The web import (upload, preview, confirm) for each role, and the collection pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.indicators import services
from stocktake.indicators.models import DatasetImport, Measurement
from stocktake.testing import World

from .conftest import MakeIndicator

CSV = b"Code,Organisation,Period,Value\nNI 192,Uttlesford District Council,2015/16,40\n"

# role -> (upload page, preview page of a dataset uploaded for the council)
EXPECTED = {
    "anonymous": (302, 302),
    "no membership": (403, 403),
    "Viewer": (403, 403),
    "Councillor": (403, 403),
    "Lead officer (owner)": (403, 403),
    "Performance officer": (200, 200),
    "Administrator": (200, 200),
    "Performance officer (other council)": (200, 403),
    "superuser": (200, 200),
}


@pytest.fixture(autouse=True)
def _media(settings: pytest.FixtureRequest, tmp_path: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


def _upload(
    client: Client, council: Organisation, content: bytes = CSV, name: str = "d.csv"
) -> Any:
    return client.post(
        reverse("indicators:dataset_upload"),
        {"file": SimpleUploadedFile(name, content), "organisation": str(council.uuid)},
    )


@pytest.mark.parametrize("role", list(EXPECTED))
def test_only_editors_of_the_organisation_may_import_datasets(
    client: Client, world: World, officer: User, role: str
) -> None:
    plan = world[0]
    editor = Client()
    editor.force_login(officer)
    response = _upload(editor, plan.organisation)
    record = DatasetImport.objects.get()
    assert response.status_code == 302
    user = world[2][role]
    if user is not None:
        client.force_login(user)
    got = (
        client.get(reverse("indicators:dataset_upload")).status_code,
        client.get(reverse("indicators:dataset_preview", args=[record.uuid])).status_code,
    )
    assert got == EXPECTED[role]


def test_upload_previews_then_confirm_imports(
    client: Client, officer: User, council: Organisation
) -> None:
    client.force_login(officer)
    response = _upload(client, council)
    record = DatasetImport.objects.get()
    assert response["Location"] == reverse("indicators:dataset_preview", args=[record.uuid])
    assert not Measurement.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "2015/16" in page
    response = client.post(reverse("indicators:dataset_preview", args=[record.uuid]))
    assert response.status_code == 302
    assert Measurement.objects.get().value == D(40)
    record.refresh_from_db()
    assert record.state == DatasetImport.State.IMPORTED


def test_bad_rows_are_shown_on_the_upload_page_and_nothing_is_kept(
    client: Client, officer: User, council: Organisation
) -> None:
    client.force_login(officer)
    bad = CSV + b"NI 192,Uttlesford District Council,2016/17,lots\n"
    page = _upload(client, council, bad).content.decode()
    assert "line 3: “lots” is not a number" in page
    assert not DatasetImport.objects.exists()


def test_a_file_of_the_wrong_kind_is_refused(
    client: Client, officer: User, council: Organisation
) -> None:
    client.force_login(officer)
    page = _upload(client, council, b"%PDF", "paper.pdf").content.decode()
    assert "The dataset must be one of" in page


def test_collection_lists_who_has_not_entered_the_latest_due_period(
    client: Client,
    make_indicator: MakeIndicator,
    world: World,
    service: Unit,
    officer: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services, "today", lambda: dt.date(2009, 10, 15))
    plan, _, users = world
    owner = users["Lead officer (owner)"]
    assert owner is not None
    late = make_indicator(plan.organisation, owner=owner.person, unit=service)
    done = make_indicator(plan.organisation, owner=owner.person, unit=service)
    services.measurement_record(indicator=done, period="Q2 2009/10", value=D(40), by=officer)
    client.force_login(officer)
    page = client.get(reverse("indicators:collection")).content.decode()
    assert str(late.definition) in page
    assert str(done.definition) not in page
    assert owner.person.name in page
    client.force_login(owner)
    mine = client.get(reverse("indicators:my_indicators")).content.decode()
    assert "Not entered for the latest due period (1)" in mine
    assert client.get(reverse("indicators:collection")).status_code == 403
