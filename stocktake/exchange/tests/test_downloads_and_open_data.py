"""Only administrators download an organisation; open data shows published content only."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from stocktake.accounts.models import Organisation
from stocktake.indicators import services as indicators
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser, World, publish


def test_only_the_organisations_administrators_may_download_it(
    client: Client, world: World
) -> None:
    plan, _, users = world
    url = f"/organisations/{plan.organisation.uuid}/export.json"
    expected = {
        "anonymous": 302,
        "Performance officer": 403,
        "Performance officer (other council)": 403,
        "Administrator": 200,
    }
    for role, status in expected.items():
        client.logout()
        user = users[role]
        if user is not None:
            client.force_login(user)
        assert client.get(url).status_code == status, role
    streamed = client.get(url)
    data = json.loads(b"".join(streamed.streaming_content))  # type: ignore[attr-defined]
    assert data["organisation"] == str(plan.organisation.uuid)
    assert str(plan.uuid) in {r["uuid"] for r in data["tables"]["plans.plan"]}
    zipped = client.get(url.replace(".json", ".zip"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content)))  # type: ignore[attr-defined]
    assert "plans.action.csv" in archive.namelist()


def test_the_commands_write_and_refuse_to_reload_into_a_database_that_has_it(
    world: World, tmp_path: Path
) -> None:
    plan, _, _ = world
    out, zipped = tmp_path / "out.json", tmp_path / "out.zip"
    call_command("export_organisation", "uttlesford-district-council", str(out), csv=str(zipped))
    assert json.loads(out.read_text())["tables"]["plans.action"]
    assert zipfile.is_zipfile(zipped)
    with pytest.raises(CommandError, match="already in this database"):
        call_command("import_organisation", str(out))
    assert Plan.objects.filter(uuid=plan.uuid).count() == 1


def test_open_data_lists_only_published_plans_without_internal_notes(
    client: Client, world: World, officer: User
) -> None:
    plan, action, _ = world
    action.internal_note = "DELETE? Can't remember what this was"
    action.save()
    assert client.get("/open/plans.json").json() == {"plans": []}
    assert client.get(f"/open/plans/{plan.uuid}.json").status_code == 404
    publish(plan, officer)
    assert [p["uuid"] for p in client.get("/open/plans.json").json()["plans"]] == [str(plan.uuid)]
    shown = client.get(f"/open/plans/{plan.uuid}.json")
    assert shown.json()["actions"][0]["text"] == "Conduct ward profiling"
    assert "DELETE?" not in shown.content.decode()
    table = client.get(f"/open/plans/{plan.uuid}.csv").content.decode()
    assert table.splitlines()[0].startswith("uuid,plan,section,ref,text")
    assert "DELETE?" not in table


def test_open_data_shows_public_indicators_and_their_values_only(
    client: Client, council: Organisation, officer: User, make_user: MakeUser
) -> None:
    made = indicators.definition_create
    shown = indicators.indicator_create(
        organisation=council,
        definition=made(organisation=council, code="NI 14", title="Avoidable contact", by=officer),
        is_public=True,
        by=officer,
    )
    hidden = indicators.indicator_create(
        organisation=council,
        definition=made(organisation=council, code="SX18", title="Internal", by=officer),
        by=officer,
    )
    indicators.measurement_record(indicator=shown, period="2008/09", value=Decimal(31), by=officer)
    listed = client.get("/open/indicators.json").json()["indicators"]
    assert [i["code"] for i in listed] == ["NI 14"]
    values = client.get(f"/open/indicators/{shown.uuid}.json").json()["values"]
    assert values[0]["value"] == "31.000000"
    assert client.get(f"/open/indicators/{hidden.uuid}.csv").status_code == 404
    assert "NI 14" in client.get("/open/indicators.csv").content.decode()


def test_a_damaged_or_clashing_file_is_refused_and_changes_nothing(
    world: World, tmp_path: Path
) -> None:
    from stocktake.exchange.decode import organisation_import
    from stocktake.exchange.services import ImportFailed, organisation_export

    plan, _, _ = world
    data = organisation_export(organisation=plan.organisation)
    del data["tables"]["plans.plan"][0]["title"]
    data["tables"]["plans.plan"][0]["uuid"] = "7a1c9a53-0d5e-4a43-9b5c-1f0e7d1c2b3a"
    data["tables"]["accounts.organisation"][0]["uuid"] = "5d6f8e2a-1b3c-4d5e-8f70-a1b2c3d4e5f6"
    data["organisation"] = "5d6f8e2a-1b3c-4d5e-8f70-a1b2c3d4e5f6"
    before = Plan.objects.count()
    with pytest.raises(ImportFailed):
        organisation_import(data=data)
    assert Plan.objects.count() == before
