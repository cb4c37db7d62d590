"""Bad rows are reported by line and stop the import; an interrupted import leaves nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Indicator, Measurement, Target
from stocktake.movein import write_values
from stocktake.movein.engine import MoveInRejected, movein_run
from stocktake.movein.models import Kind

from .conftest import MakeIndicators, write_csv, write_xlsx

MAPPING: dict[str, Any] = {
    "kind": Kind.INDICATORS,
    "columns": {"code": "PI Code", "period": "Period", "value": "Value", "target": "Target"},
}


def test_bad_rows_are_reported_with_their_line_numbers_and_nothing_is_saved(
    council: Organisation, officer: User, make_indicators: MakeIndicators, tmp_path: Path
) -> None:
    make_indicators(council, 1)
    rows = [
        ["PI Code", "Period", "Value", "Target"],
        ["PI 001", "Q1 2008/09", "5", "6"],
        ["PI 001", "sometime", "5", ""],
        ["PI 001", "Q3 2008/09", "five", ""],
        ["", "Q4 2008/09", "5", ""],
    ]
    with pytest.raises(MoveInRejected) as raised:
        movein_run(
            path=write_csv(tmp_path / "x.csv", rows),
            organisation=council,
            mapping=MAPPING,
            by=officer,
        )
    assert raised.value.report.errors == [
        "line 3: “sometime” is not a period such as Q1 2008/09, Jun-08 or 2008/09",
        "line 4: “five” is not a number",
        "line 5: no indicator code",
    ]
    assert not Measurement.objects.exists()
    assert not Target.objects.exists()


def test_bad_cells_of_a_workbook_are_named_by_sheet_row_and_column(
    council: Organisation, officer: User, make_indicators: MakeIndicators, tmp_path: Path
) -> None:
    make_indicators(council, 1)
    path = write_xlsx(
        tmp_path / "w.xlsx", {"2008-09": [["Code", "Q1", "Q2"], ["PI 001", 5, "n/k"]]}
    )
    mapping = {"kind": Kind.INDICATORS, "columns": {"code": "Code"}}
    with pytest.raises(MoveInRejected) as raised:
        movein_run(path=path, organisation=council, mapping=mapping, by=officer)
    assert raised.value.report.errors == ["sheet 2008-09, row 2, column Q2: “n/k” is not a number"]


def test_unknown_codes_are_listed_and_block_the_import_unless_created_or_skipped(
    council: Organisation, officer: User, tmp_path: Path
) -> None:
    rows = [
        ["PI Code", "Period", "Value"],
        ["NEW 1", "Q1 2008/09", "5"],
        ["NEW 1", "Q2 2008/09", "6"],
    ]
    path = write_csv(tmp_path / "new.csv", rows)
    with pytest.raises(MoveInRejected) as raised:
        movein_run(path=path, organisation=council, mapping=MAPPING, by=officer)
    assert raised.value.report.unmatched == ["line 2: no indicator with code NEW 1"]
    assert raised.value.report.unmatched_count == 2
    skipped = movein_run(
        path=path, organisation=council, mapping=MAPPING | {"unmatched": "skip"}, by=officer
    )
    assert skipped["skipped"] == 2
    assert not Indicator.objects.exists()
    made = movein_run(
        path=path, organisation=council, mapping=MAPPING | {"unmatched": "create"}, by=officer
    )
    assert made["created"] == {"indicator definitions": 1, "indicators": 1, "indicator values": 2}
    assert Indicator.objects.get().flags == ["imported"]


def test_an_import_interrupted_part_way_leaves_nothing_behind(
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_indicators(council, 30)
    calls = []
    real = write_values.upsert_measurements  # type: ignore[attr-defined]

    def fail_second_batch(rows: list[Any]) -> None:
        calls.append(len(rows))
        if len(calls) == 2:
            raise RuntimeError("the power went off")
        real(rows)

    monkeypatch.setattr(write_values, "BATCH", 100)
    monkeypatch.setattr(write_values, "upsert_measurements", fail_second_batch)
    mapping = MAPPING | {"unmatched": "create"}
    with pytest.raises(RuntimeError):
        movein_run(path=long_csv(30), organisation=council, mapping=mapping, by=officer)
    assert calls[0] >= 100  # the first batch had been written before the failure
    assert not Measurement.objects.exists()
