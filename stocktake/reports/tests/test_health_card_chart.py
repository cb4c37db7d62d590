"""The health card's chart counts every action, reads plainly and agrees with its text."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.core.cache import cache
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan
from stocktake.reports import charts, dashboard, services

LONG = "Customer Access Strategy and Equality Improvement Action Plan 2008 to 2011"


def test_an_unrated_plan_gets_a_grey_not_rated_bar_on_a_sane_axis() -> None:
    figure = charts.rag_bars([(LONG, {"No RAG": 39})])
    FigureCanvasAgg(figure)
    figure.draw_without_rendering()
    axes = figure.axes[0]
    low, high = axes.get_xlim()
    assert low == 0
    assert 39 <= high < 45
    legend = axes.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()][-1] == "Not rated"
    assert sum(bar.get_width() for bar in axes.patches if isinstance(bar, Rectangle)) == 39
    # The whole name is there, wrapped, not cut at 40 characters.
    label = axes.get_yticklabels()[0].get_text()
    assert label.replace("\n", " ") == LONG
    # The legend sits above the bars, not over them.
    assert legend.get_window_extent().y0 >= axes.get_window_extent().y1 - 1


def test_the_chart_text_says_what_the_picture_shows() -> None:
    alt = charts.rag_bars_alt([("Plan A", {"Red": 1, "No RAG": 35, "Green": 3})])
    assert alt == (
        "Actions by RAG rating for each plan: Plan A: 39 actions (1 red, 3 green, 35 not rated)."
    )
    assert "no rag" not in alt.lower()


def test_the_health_card_counts_not_yet_rated_actions_in_its_chart(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    cache.clear()
    make_plan(council, actions=3, title=LONG)
    card = dashboard.health_card(officer, council, today=services.today())
    assert "3 actions (3 not rated)" in card.chart
    assert "Not rated" in card.chart
    assert "no rag" not in card.chart.lower()
