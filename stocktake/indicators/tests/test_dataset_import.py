"""Dataset import: formats, shapes, many organisations, bad rows, dry runs and the command."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from openpyxl import Workbook

from stocktake.accounts.models import Organisation
from stocktake.indicators.dataset_import import DatasetRejected, DatasetUnreadable, dataset_import
from stocktake.indicators.models import Indicator, IndicatorDefinition, Measurement

pytestmark = pytest.mark.django_db

LONG = (
    "Code,Title,Organisation,GSS code,Period,Value,Polarity,Note\n"
    "NI 192,Household waste recycled,Uttlesford District Council,E07000077,2015/16,40.1%,higher,\n"
    "NI 192,Household waste recycled,Uttlesford District Council,E07000077,2016/17,42.5%,higher,"
    '"Up because of\nthe new green bins"\n'
    "NI 192,Household waste recycled,Braintree District Council,E07000067,2015/16,45%,higher,\n"
    "NI 192,Household waste recycled,Braintree District Council,E07000067,2016/17,39.9%,higher,\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding, newline="")
    return path


def test_a_long_csv_for_many_organisations_imports_values_with_their_status(
    tmp_path: Path, council: Organisation
) -> None:
    summary = dataset_import(path=write(tmp_path, "waste.csv", LONG), by=None)
    assert summary["indicators"] == 1
    assert summary["measurements"] == 4
    assert summary["organisations"] == 2
    assert summary["periods"] == ["2015/16", "2016/17"]
    definition = IndicatorDefinition.objects.get(code="NI 192")
    assert definition.organisation is None
    assert definition.data_type == "percentage"
    assert definition.frequency == "annual"
    peer = Organisation.objects.get(name="Braintree District Council")
    assert peer.kind == Organisation.Kind.PEER
    assert peer.gss_code == "E07000067"
    ours = Measurement.objects.get(organisation=council, period_label="2016/17")
    assert ours.value == D("42.5")
    assert ours.note == "Up because of\nthe new green bins"
    assert ours.status == "data_only"
    assert ours.direction == "improving"
    assert "40.1%" in ours.explanation["direction"]["sentence"]
    theirs = Measurement.objects.get(organisation=peer, period_label="2016/17")
    assert theirs.direction == "worsening"


def test_a_utf8_bom_and_a_tab_separated_file_read_the_same(tmp_path: Path) -> None:
    text = "\ufeff" + LONG.replace(",", "\t").replace("\t\n", "\n")
    summary = dataset_import(path=write(tmp_path, "waste.tsv", text), by=None)
    assert summary["measurements"] == 4
    assert IndicatorDefinition.objects.filter(code="NI 192").exists()


def test_organisations_are_matched_by_gss_code_or_name(
    tmp_path: Path, council: Organisation
) -> None:
    council.gss_code = "E07000077"
    council.save()
    text = (
        "Code,Organisation,Period,Value\n"
        "BV 8,E07000077,2015/16,90\n"
        "BV 8,uttlesford district council,2016/17,91\n"
    )
    dataset_import(path=write(tmp_path, "bv8.csv", text), by=None)
    assert Organisation.objects.count() == 1
    assert Measurement.objects.filter(organisation=council).count() == 2


def test_a_wide_file_puts_periods_across(tmp_path: Path, council: Organisation) -> None:
    text = (
        "Measure,Authority,2015/16,2016/17,2017/18\n"
        "NI 14,Uttlesford District Council,30,28,\n"
        "NI 14,Braintree District Council,25,..,27\n"
    )
    summary = dataset_import(path=write(tmp_path, "wide.csv", text), by=None)
    assert summary["shape"] == "wide"
    assert summary["measurements"] == 4
    assert summary["periods"] == ["2015/16", "2016/17", "2017/18"]
    assert "2 blank or suppressed values skipped" in summary["warnings"]


def test_one_organisation_given_by_name_with_targets_and_notes(tmp_path: Path) -> None:
    text = (
        "Code,Title,Period,Value,Target,Polarity,Note\n"
        "SX18,Calls answered in 20 seconds,Q1 2009/10,70,80,higher,Staff shortages\n"
        "SX18,Calls answered in 20 seconds,Q2 2009/10,85,80,higher,\n"
    )
    summary = dataset_import(
        path=write(tmp_path, "sx18.csv", text), by=None, organisation="South Cambridgeshire"
    )
    assert summary["organisations"] == 1
    definition = IndicatorDefinition.objects.get(code="SX18")
    assert definition.organisation is not None
    assert definition.organisation.name == "South Cambridgeshire"
    rows = list(Measurement.objects.order_by("period_start"))
    assert [r.status for r in rows] == ["red", "green"]
    assert rows[1].direction == "improving"


def test_a_definitions_only_file_creates_definitions(tmp_path: Path) -> None:
    text = (
        "Code,Title,Polarity,Type,Frequency\nNI 14,Avoidable contact,lower,percentage,quarterly\n"
    )
    summary = dataset_import(path=write(tmp_path, "defs.csv", text), by=None)
    assert summary["shape"] == "definitions"
    assert summary["indicators"] == 1
    assert summary["measurements"] == 0
    made = IndicatorDefinition.objects.get(code="NI 14")
    assert (made.polarity, made.data_type, made.frequency) == ("lower", "percentage", "quarterly")


def test_excel_files_are_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Code", "Organisation", "2015/16", "2016/17"])
    sheet.append(["NI 191", "Uttlesford District Council", 512.5, 498])
    path = tmp_path / "waste.xlsx"
    book.save(path)
    summary = dataset_import(path=path, by=None)
    assert summary["format"] == "xlsx"
    assert summary["measurements"] == 2
    assert Measurement.objects.get(period_label="2015/16").value == D("512.5")


def test_json_records_are_read(tmp_path: Path) -> None:
    data = {
        "indicators": [{"code": "NI 4", "title": "People who feel they can influence decisions"}],
        "measurements": [
            {"code": "NI 4", "organisation": "Uttlesford District Council", "period": "2008/09",
             "value": 29.4},
        ],
    }  # fmt: skip
    summary = dataset_import(path=write(tmp_path, "ni4.json", json.dumps(data)), by=None)
    assert summary["format"] == "json"
    assert (summary["indicators"], summary["measurements"]) == (1, 1)


def test_bad_rows_are_reported_by_line_and_nothing_is_saved(tmp_path: Path) -> None:
    text = (
        "Code,Organisation,Period,Value,Note\n"
        'NI 14,Uttlesford District Council,2015/16,30,"a note\nover two lines"\n'
        "NI 14,Uttlesford District Council,soon,30,\n"
        "NI 14,Braintree District Council,2015/16,thirty,\n"
    )
    with pytest.raises(DatasetRejected) as caught:
        dataset_import(path=write(tmp_path, "bad.csv", text), by=None)
    errors = caught.value.summary.errors
    assert errors[0] == "line 4: “soon” is not a period such as 2015/16, Q1 2009/10 or June 2009"
    assert errors[1] == "line 5: “thirty” is not a number"
    assert not Measurement.objects.exists()
    assert not IndicatorDefinition.objects.exists()
    assert not Organisation.objects.filter(name="Braintree District Council").exists()


def test_a_dry_run_changes_nothing_but_counts_everything(tmp_path: Path) -> None:
    summary = dataset_import(path=write(tmp_path, "waste.csv", LONG), by=None, dry_run=True)
    assert (summary["measurements"], summary["organisations"]) == (4, 2)
    assert not Measurement.objects.exists()
    assert not Indicator.objects.exists()
    assert not Organisation.objects.exists()


def test_importing_again_replaces_values_rather_than_adding(tmp_path: Path) -> None:
    path = write(tmp_path, "waste.csv", LONG)
    dataset_import(path=path, by=None)
    dataset_import(path=path, by=None)
    assert Measurement.objects.count() == 4
    assert Indicator.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [("x.csv", b""), ("x.xlsx", b"not a zip"), ("x.json", b"{nope"), ("x.pdf", b"%PDF")],
)
def test_unreadable_files_are_refused(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DatasetUnreadable):
        dataset_import(path=path, by=None)


def test_the_command_prints_the_json_summary_on_a_dry_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("import_indicators", str(write(tmp_path, "w.csv", LONG)), "--dry-run", "--json")
    summary = json.loads(capsys.readouterr().out)
    assert {"source", "format", "indicators", "measurements", "organisations", "periods"} <= set(
        summary
    )
    assert summary["warnings"] == [
        "2 organisations not known before were added as benchmarking peers"
    ]
    assert not Measurement.objects.exists()


def test_the_command_exits_1_with_one_line_for_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        call_command("import_indicators", str(tmp_path / "missing.csv"), "--dry-run", "--json")
    assert caught.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1


def test_imported_values_are_judged_with_the_values_already_stored(
    tmp_path: Path, council: Organisation, officer: User
) -> None:
    from stocktake.indicators import services

    definition = services.definition_create(
        organisation=council, code="SX52", title="Complaints answered", by=officer
    )
    indicator = services.indicator_create(organisation=council, definition=definition, by=officer)
    services.measurement_record(indicator=indicator, period="Q1 2009/10", value=D(50), by=officer)
    services.measurement_record(indicator=indicator, period="Q2 2009/10", value=D(60), by=officer)
    text = "Code,Period,Value\nSX52,Q1 2009/10,70\n"
    dataset_import(path=write(tmp_path, "sx52.csv", text), by=None, organisation=council)
    later = Measurement.objects.get(period_label="Q2 2009/10")
    assert later.direction == "worsening"
    assert "70" in later.explanation["direction"]["sentence"]


def test_a_definitions_file_for_one_council_gives_it_its_indicators(
    tmp_path: Path, council: Organisation
) -> None:
    text = "Code,Title\nSX18,Calls answered in 20 seconds\nNI 14,Avoidable contact\n"
    dataset_import(path=write(tmp_path, "defs.csv", text), by=None, organisation=council)
    assert Indicator.objects.filter(organisation=council).count() == 2
    assert IndicatorDefinition.objects.filter(organisation=council).count() == 2
