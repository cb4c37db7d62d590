"""Ratings over re-assessments as SVG (pages, PDF) or PNG (Word), via matplotlib's object API.

No pyplot: it keeps global state that is not safe across requests.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure

_SELF = "#1d70b8"
_EXTERNAL = "#d4351c"
_TARGET = "#505a5f"


def _figure(
    *,
    dates: Sequence[dt.date],
    series: Mapping[str, Sequence[int | None]],
    ticks: Mapping[int, str],
    target: int | None,
    title: str,
) -> Figure:
    figure = Figure(figsize=(7.0, 2.8), dpi=96)
    axes = figure.add_subplot()
    positions = list(range(len(dates)))
    colours = iter((_SELF, _EXTERNAL))
    for name, values in series.items():
        points = [float("nan") if v is None else float(v) for v in values]
        if any(v is not None for v in values):
            axes.plot(positions, points, marker="o", label=name, color=next(colours))
    if target is not None:
        axes.axhline(target, color=_TARGET, linestyle="--", linewidth=1, label="Target")
    axes.set_xticks(positions, [f"{d:%b %Y}" for d in dates], fontsize=7)
    values = sorted(ticks)
    if values:
        axes.set_yticks(values, [f"{v} {ticks[v]}"[:22] for v in values], fontsize=7)
        axes.set_ylim(values[0] - 0.3, values[-1] + 0.3)
    axes.set_title(title, fontsize=9, loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(fontsize=7, frameon=False, loc="best")
    figure.tight_layout()
    return figure


def ratings_svg(
    *,
    dates: Sequence[dt.date],
    series: Mapping[str, Sequence[int | None]],
    ticks: Mapping[int, str],
    target: int | None,
    title: str,
) -> str:
    """One line per series (self, external) of ratings by assessment date."""
    figure = _figure(dates=dates, series=series, ticks=ticks, target=target, title=title)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    # The page embeds the drawing inline, so the XML prologue has to go.
    return svg[svg.index("<svg") :]


def ratings_png(
    *,
    dates: Sequence[dt.date],
    series: Mapping[str, Sequence[int | None]],
    ticks: Mapping[int, str],
    target: int | None,
    title: str,
) -> bytes:
    figure = _figure(dates=dates, series=series, ticks=ticks, target=target, title=title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


def result_chart_args(
    level_names: Sequence[str], history: Sequence[tuple[dt.date, int]]
) -> dict[str, Any]:
    """The level reached at each assessment; a framework without levels shows met / not met."""
    names = list(level_names) or ["Met"]
    return {
        "dates": [d for d, _ in history],
        "series": {"Result": [n for _, n in history]},
        "ticks": dict(enumerate(["None", *names])),
        "target": None,
        "title": "Result at each assessment",
    }
