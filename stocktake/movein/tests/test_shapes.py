"""Three export shapes of our own making import to the same history, dated by their periods."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Measurement
from stocktake.movein.engine import movein_run
from stocktake.movein.fields import suggest_columns
from stocktake.movein.models import Kind
from stocktake.movein.reading import read_sheets

from .conftest import QUARTERS, MakeIndicators


def _mapping(path: Path) -> dict[str, object]:
    header = next(read_sheets(path)).header
    columns = suggest_columns(Kind.INDICATORS, header)
    # Quarterly data headed by each quarter's last month, as CorVu-style exports do.
    return {"kind": Kind.INDICATORS, "columns": columns, "date_periods": "quarter"}


@pytest.mark.parametrize("shape", ["long_csv", "wide_xlsx", "yearly_xlsx"])
def test_each_shape_imports_two_years_of_quarters(
    shape: str,
    request: pytest.FixtureRequest,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
) -> None:
    make_indicators(council, 3)
    path = request.getfixturevalue(shape)(3)
    report = movein_run(path=path, organisation=council, mapping=_mapping(path), by=officer)
    assert report["created"] == {"indicator values": 24}
    assert report["periods"] == QUARTERS
    labels = set(
        Measurement.objects.filter(organisation=council).values_list("period_label", flat=True)
    )
    assert labels == set(QUARTERS)


def test_a_dry_run_reports_what_would_be_created_and_saves_nothing(
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    make_indicators(council, 2)
    path = long_csv(2)
    report = movein_run(
        path=path, organisation=council, mapping=_mapping(path), by=officer, dry_run=True
    )
    assert report["created"] == {"indicator values": 16}
    assert report["dry_run"] is True
    assert not Measurement.objects.exists()


def test_importing_again_changes_nothing_and_says_so(
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    make_indicators(council, 1)
    path = long_csv(1)
    movein_run(path=path, organisation=council, mapping=_mapping(path), by=officer)
    again = movein_run(path=path, organisation=council, mapping=_mapping(path), by=officer)
    assert again["created"] == {}
    assert again["unchanged"] == {"indicator values": 8}
    assert Measurement.objects.count() == 8
