"""A dataset writes only what its importer may write: their own council's values and peers'."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.dataset_import import DatasetRejected, dataset_import
from stocktake.indicators.models import DatasetImport, Indicator, Measurement

HEADER = "organisation,code,title,period,value\n"
A_ROW = "Uttlesford District Council,NI 14,Avoidable contact,Q1 2009/10,0.25\n"
B_ROW = "Charnwood Borough Council,NI 14,Avoidable contact,Q1 2009/10,9.99\n"
PEER_ROW = "Braintree District Council,NI 14,Avoidable contact,Q1 2009/10,0.30\n"
NEW_PEER_ROW = "Harlow District Council,NI 14,Avoidable contact,Q1 2009/10,0.35\n"


@pytest.fixture(autouse=True)
def _media(settings: pytest.FixtureRequest, tmp_path: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


@pytest.fixture
def theirs(other_council: Organisation, make_user: Any) -> Measurement:
    """Council B's own NI 14 value, entered by B's own officer."""
    their_officer, _ = make_user("Performance officer", other_council)
    definition = services.definition_create(
        organisation=other_council, code="NI 14", title="Avoidable contact", by=their_officer
    )
    indicator = services.indicator_create(
        organisation=other_council, definition=definition, by=their_officer
    )
    return services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D("0.4"), by=their_officer
    )


def _upload(client: Client, council: Organisation, text: str) -> Any:
    return client.post(
        reverse("indicators:dataset_upload"),
        {
            "file": SimpleUploadedFile("ni14.csv", text.encode()),
            "organisation": str(council.uuid),
        },
    )


def test_an_officer_cannot_import_values_for_another_council(
    client: Client, officer: User, council: Organisation, theirs: Measurement
) -> None:
    indicators = Indicator.objects.count()
    client.force_login(officer)
    response = _upload(client, council, HEADER + A_ROW + B_ROW + B_ROW.replace("Q1", "Q2"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Charnwood Borough Council, lines 3 and 4: you may not import values" in page
    assert not DatasetImport.objects.exists()
    theirs.refresh_from_db()
    assert theirs.value == D("0.4")
    assert Indicator.objects.count() == indicators
    assert not Measurement.objects.filter(organisation=council).exists()


def test_a_previewed_file_is_checked_again_when_confirmed(
    client: Client, officer: User, council: Organisation, theirs: Measurement
) -> None:
    # A file uploaded by someone else, or before the officer's rights changed.
    record = DatasetImport(organisation=council, source="ni14.csv", by=officer)
    record.file.save("ni14.csv", ContentFile((HEADER + B_ROW).encode()), save=True)
    indicators = Indicator.objects.count()
    client.force_login(officer)
    response = client.post(reverse("indicators:dataset_preview", args=[record.uuid]))
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert shown == [
        "ni14.csv: 1 rows could not be imported: you may not import values for Charnwood"
        " Borough Council; nothing was saved. Charnwood Borough Council, line 2: you may not"
        " import values for this organisation; only your own council's values and benchmarking"
        " peers' figures can be imported"
    ]
    theirs.refresh_from_db()
    assert theirs.value == D("0.4")
    assert Indicator.objects.count() == indicators
    record.refresh_from_db()
    assert record.state != DatasetImport.State.IMPORTED


def test_benchmarking_peers_figures_import_beside_the_councils_own_and_the_preview_names_them(
    client: Client, officer: User, council: Organisation, theirs: Measurement
) -> None:
    peer = accounts.organisation_get_or_create(
        name="Braintree District Council", kind=Organisation.Kind.PEER
    )
    client.force_login(officer)
    response = _upload(client, council, HEADER + A_ROW + PEER_ROW + NEW_PEER_ROW)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Uttlesford District Council" in page
    assert "2 benchmarking peers" in page
    assert "Braintree District Council" in page
    assert "Harlow District Council" in page
    client.post(response["Location"])
    assert Measurement.objects.get(organisation=council).value == D("0.25")
    assert Measurement.objects.get(organisation=peer).value == D("0.30")
    harlow = Organisation.objects.get(name="Harlow District Council")
    assert harlow.kind == Organisation.Kind.PEER
    theirs.refresh_from_db()
    assert theirs.value == D("0.4")
    assert not Indicator.objects.filter(organisation=theirs.organisation).exclude(
        pk=theirs.indicator_id
    )


def test_the_importer_refuses_every_organisation_it_may_not_write_and_saves_nothing(
    tmp_path: Path, council: Organisation, other_council: Organisation
) -> None:
    path = tmp_path / "ni14.csv"
    path.write_text(HEADER + A_ROW + B_ROW + PEER_ROW, encoding="utf-8")
    with pytest.raises(DatasetRejected) as refused:
        dataset_import(path=path, by=None, may_write={council.pk})
    assert refused.value.summary.errors == [
        "Charnwood Borough Council, line 3: you may not import values for this organisation;"
        " only your own council's values and benchmarking peers' figures can be imported"
    ]
    assert str(refused.value) == (
        "1 rows could not be imported: you may not import values for Charnwood Borough Council"
    )
    assert not Measurement.objects.exists()
    assert not Organisation.objects.filter(name="Braintree District Council").exists()


def test_the_command_line_may_import_for_any_organisation(
    tmp_path: Path, council: Organisation, other_council: Organisation
) -> None:
    path = tmp_path / "ni14.csv"
    path.write_text(HEADER + A_ROW + B_ROW, encoding="utf-8")
    summary = dataset_import(path=path, by=None)
    assert summary["organisations"] == 2
    assert summary["own_organisations"] == [
        "Charnwood Borough Council",
        "Uttlesford District Council",
    ]
    assert summary["peer_organisations"] == []
