"""The movein command: a profile, a dry run that saves nothing, then the import."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Measurement

from .conftest import MakeIndicators


def test_the_command_dry_runs_then_imports_with_a_shipped_profile(
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    make_indicators(council, 2)
    path = long_csv(2)
    out = StringIO()
    args = [str(path), "--organisation", council.name, "--profile", "pentana-indicators"]
    call_command("movein", *args, "--dry-run", stdout=out, stderr=StringIO())
    assert "16 rows: would create 16 indicator values" in out.getvalue()
    assert not Measurement.objects.exists()
    call_command("movein", *args, stdout=out, stderr=StringIO())
    assert Measurement.objects.count() == 16
    assert "periods Q1 2007/08 to Q4 2008/09" in out.getvalue()


def test_the_command_refuses_an_unknown_profile(
    council: Organisation, long_csv: Callable[[int], Path]
) -> None:
    with pytest.raises(CommandError, match="no profile called nope"):
        call_command(
            "movein", str(long_csv(1)), "--organisation", council.name, "--profile", "nope"
        )
