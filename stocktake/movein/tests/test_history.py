"""Two years of quarterly history for 50 indicators: trend and arrows from the first period on."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Measurement
from stocktake.movein.engine import movein_run
from stocktake.movein.models import Kind

from .conftest import QUARTERS, MakeIndicators

MAPPING = {
    "kind": Kind.INDICATORS,
    "columns": {"code": "PI Code", "period": "Period", "value": "Value", "status": "Status"},
    "statuses": {"ok": "rag:green", "alert": "rag:red"},
}


def test_fifty_indicators_get_arrows_from_the_second_quarter_and_yearly_ones_a_year_on(
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    made = make_indicators(council, 50, target="52")
    report = movein_run(path=long_csv(50), organisation=council, mapping=MAPPING, by=officer)
    assert report["created"] == {"indicator values": 400}
    assert report["periods"] == QUARTERS
    rows = Measurement.objects.filter(indicator=made[0]).order_by("period_start")
    assert [r.direction for r in rows][:2] == ["not_comparable", "improving"]
    assert all(r.direction == "improving" for r in rows[1:])
    assert [r.direction_year for r in rows][3:5] == ["not_comparable", "improving"]
    assert all(r.status in {"green", "amber", "red"} for r in rows)
    assert Measurement.objects.filter(organisation=council, direction="improving").count() == 350


def test_the_indicator_page_shows_the_imported_trend_and_directions(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    made = make_indicators(council, 50, target="52")
    movein_run(path=long_csv(50), organisation=council, mapping=MAPPING, by=officer)
    client.force_login(officer)
    page = client.get(reverse("indicators:indicator_detail", args=[made[49].uuid]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    for label in QUARTERS:
        assert label in html
    assert html.count("mproving") >= 7  # every period after the first has its arrow


def test_source_statuses_that_differ_from_ours_are_set_side_by_side_with_the_reason(
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    make_indicators(council, 2, target="60")
    report = movein_run(path=long_csv(2), organisation=council, mapping=MAPPING, by=officer)
    assert report["compared"] == 16
    assert report["difference_count"] > 0
    first = report["differences"][0]
    assert first["source"] == "OK (green)"
    assert first["ours"] in {"red", "amber"}
    assert "60" in first["why"]


def test_gaps_in_a_series_are_reported(
    council: Organisation, officer: User, make_indicators: MakeIndicators, tmp_path: Path
) -> None:
    from .conftest import write_csv

    make_indicators(council, 1)
    rows = [
        ["PI Code", "Period", "Value"],
        ["PI 001", "Q1 2008/09", "5"],
        ["PI 001", "Q4 2008/09", "6"],
    ]
    report = movein_run(
        path=write_csv(tmp_path / "gaps.csv", rows),
        organisation=council,
        mapping=MAPPING,
        by=officer,
    )
    assert report["gaps"] == ["PI 001: no value for Q2 2008/09, Q3 2008/09"]


def test_values_that_fail_the_data_type_are_imported_and_listed(
    council: Organisation, officer: User, make_indicators: MakeIndicators, tmp_path: Path
) -> None:
    from .conftest import write_csv

    make_indicators(council, 1)
    rows = [["PI Code", "Period", "Value"], ["PI 001", "Q1 2008/09", "140"]]
    report = movein_run(
        path=write_csv(tmp_path / "bad.csv", rows),
        organisation=council,
        mapping=MAPPING,
        by=officer,
    )
    assert report["bad_values"] == [
        "line 2: PI 001 Q1 2008/09: 140 is not a percentage between 0 and 100"
    ]
    assert Measurement.objects.get().value == 140


def test_targets_in_the_export_are_kept_per_period_and_colour_the_values(
    council: Organisation, officer: User, make_indicators: MakeIndicators, tmp_path: Path
) -> None:
    from stocktake.indicators.models import Target

    from .conftest import write_csv

    make_indicators(council, 1)
    rows = [
        ["PI Code", "Period", "Value", "Target"],
        ["PI 001", "Q1 2008/09", "40", "50"],
        ["PI 001", "Q2 2008/09", "60", "50"],
    ]
    mapping = MAPPING | {
        "columns": {"code": "PI Code", "period": "Period", "value": "Value", "target": "Target"}
    }
    report = movein_run(
        path=write_csv(tmp_path / "t.csv", rows), organisation=council, mapping=mapping, by=officer
    )
    assert report["created"] == {"targets": 2, "indicator values": 2}
    assert list(Target.objects.values_list("period_label", "value", "is_primary")) == [
        ("Q1 2008/09", Decimal(50), True),
        ("Q2 2008/09", Decimal(50), True),
    ]
    statuses = list(Measurement.objects.order_by("period_start").values_list("status", flat=True))
    assert statuses == ["red", "green"]


def test_an_imported_target_stands_beside_a_periods_other_primary_target(
    council: Organisation, officer: User, make_indicators: MakeIndicators, tmp_path: Path
) -> None:
    from stocktake.indicators import services as indicators
    from stocktake.indicators.models import Target

    from .conftest import write_csv

    indicator = make_indicators(council, 1)[0]
    indicators.target_set(
        indicator=indicator, period="Q1 2008/09", value=Decimal(55), name="laa", by=officer
    )
    rows = [["PI Code", "Period", "Value", "Target"], ["PI 001", "Q1 2008/09", "40", "50"]]
    mapping = MAPPING | {
        "columns": {"code": "PI Code", "period": "Period", "value": "Value", "target": "Target"}
    }
    movein_run(
        path=write_csv(tmp_path / "t.csv", rows), organisation=council, mapping=mapping, by=officer
    )
    kept = Target.objects.filter(indicator=indicator, period_label="Q1 2008/09")
    assert sorted(kept.values_list("name", "value", "is_primary")) == [
        ("laa", Decimal(55), True),
        ("local", Decimal(50), False),
    ]
