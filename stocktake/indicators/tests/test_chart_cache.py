"""A trend chart is drawn once for the same figures and again when any figure changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from stocktake.accounts.models import Organisation
from stocktake.indicators import charts, selectors, services

from .conftest import MakeIndicator


def _draw_for(indicator: Any) -> str:
    page = selectors.indicator_page(indicator)
    return charts.trend_svg(
        measurements=page.measurements,
        targets=page.targets,
        style=indicator.definition.style,
        breaks=page.breaks,
        title=str(indicator.definition),
    )


def test_the_same_figures_reuse_the_drawing_and_new_ones_redraw(
    council: Organisation,
    officer: User,
    make_indicator: MakeIndicator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache.clear()
    indicator = make_indicator(council)
    services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=Decimal(33), by=officer
    )
    drawn: list[int] = []
    real = charts._draw

    def counting(*args: Any) -> str:
        drawn.append(1)
        return real(*args)

    monkeypatch.setattr(charts, "_draw", counting)
    first = _draw_for(indicator)
    assert _draw_for(indicator) == first
    assert len(drawn) == 1
    services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=Decimal(36), by=officer
    )
    assert _draw_for(indicator) != first
    assert len(drawn) == 2
