"""The health card's chart is kept under its figures, so a change shows on the next request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Plan
from stocktake.reports import charts
from stocktake.reports.charts import rag_bars_svg, trend_png, trend_svg


def test_the_same_figures_give_the_kept_drawing_and_other_figures_a_new_one() -> None:
    cache.clear()
    first = rag_bars_svg([("Plan A", {"Green": 2, "Red": 1})], "Plan A: 2 green, 1 red")
    again = rag_bars_svg([("Plan A", {"Red": 1, "Green": 2})], "Plan A: 2 green, 1 red")
    renamed = rag_bars_svg([("Plan B", {"Green": 2, "Red": 1})], "Plan B: 2 green, 1 red")
    recounted = rag_bars_svg([("Plan A", {"Green": 3})], "Plan A: 3 green")
    assert again == first
    assert renamed != first
    assert "Plan B" in renamed
    assert recounted != first


def test_an_update_added_changes_the_dashboard_chart_on_the_next_request(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=2, status="published")
    client.force_login(officer)
    url = reverse("reports:dashboard", args=[council.uuid])
    before = client.get(url).content.decode()
    services.action_update_add(
        action=plan.actions.order_by("position").first(),  # type: ignore[arg-type]
        as_at=dt.date(2008, 3, 1),
        position="Behind",
        progress_status="in_progress",
        rag="red",
        by=officer,
    )
    after = client.get(url).content.decode()
    assert "1 red" not in before
    assert "1 red" in after


def test_a_trend_is_drawn_once_for_the_same_figures_and_anew_when_one_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache.clear()
    drawings: list[str] = []
    draw = charts._trend

    def counted(pi: dict[str, Any]) -> Any:
        drawings.append(pi["code"])
        return draw(pi)

    monkeypatch.setattr(charts, "_trend", counted)
    indicator: dict[str, Any] = {
        "code": "PI 1",
        "title": "Calls answered",
        "trend": {"labels": ["Q1", "Q2"], "values": [80.0, 85.0], "targets": [90, 90], "unit": "%"},
    }
    first = trend_svg(indicator)
    assert trend_svg(indicator) == first
    changed = {**indicator, "trend": {**indicator["trend"], "values": [80.0, 95.0]}}
    assert trend_svg(changed) != first
    assert "Q2 95" in trend_svg(changed)
    assert trend_png(indicator) == trend_png(indicator)
    assert trend_png(changed) != trend_png(indicator)
    assert len(drawings) == 4  # the first and the changed figures, once each as SVG and PNG
