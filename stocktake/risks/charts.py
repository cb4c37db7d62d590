"""Server-rendered SVG charts: the heat map and a risk's score history (matplotlib, no pyplot)."""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, DateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .models import Band, ScoringMatrix
from .selectors import HeatMap

# GOV.UK colours, lightened for cells so the counts stay readable.
CELL = {Band.GREEN: "#cce2d8", Band.AMBER: "#fff7bf", Band.RED: "#f4cdc6"}
LINE = "#1d70b8"
_SVG: dict[Any, Any] = {"svg.fonttype": "none", "svg.hashsalt": "stocktake", "font.size": 9}


def _svg(figure: Figure, title: str) -> str:
    buffer = io.StringIO()
    with rc_context(_SVG):
        figure.savefig(buffer, format="svg", metadata={"Title": title, "Date": None})
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    # Scale with the page, and let screen readers name it (level names may hold quotes).
    label = html.escape(title, quote=True)
    attributes = f'role="img" aria-label="{label}" style="max-width:100%;height:auto"'
    return svg.replace("<svg ", f"<svg {attributes} ", 1)


def _grid(
    axes: Axes, matrix: ScoringMatrix, counts: dict[tuple[int, int], int], title: str
) -> None:
    likelihoods, impacts = len(matrix.likelihood_levels), len(matrix.impact_levels)
    for li in range(1, likelihoods + 1):
        for im in range(1, impacts + 1):
            colour = CELL.get(Band(matrix.band(li * im)), "#f3f2f1")
            cell = Rectangle((im - 0.5, li - 0.5), 1, 1, facecolor=colour, edgecolor="#505a5f")
            axes.add_patch(cell)
            n = counts.get((li, im), 0)
            axes.text(
                im, li, str(n) if n else "", ha="center", va="center", fontsize=12, weight="bold"
            )
    axes.set_xlim(0.5, impacts + 0.5)
    axes.set_ylim(0.5, likelihoods + 0.5)
    axes.set_xticks(range(1, impacts + 1), matrix.impact_levels, rotation=30, ha="right")
    axes.set_yticks(range(1, likelihoods + 1), matrix.likelihood_levels)
    axes.set_xlabel("Impact")
    axes.set_ylabel("Likelihood")
    axes.set_title(title)
    axes.set_aspect("equal")


def _cells_text(matrix: ScoringMatrix, counts: dict[tuple[int, int], int]) -> str:
    """Each occupied cell in words, the fullest first (then the most severe)."""
    cells = sorted(((n, cell) for cell, n in counts.items() if n), reverse=True)
    if not cells:
        return "no risks scored"
    return "; ".join(
        f"{n} at likelihood {matrix.level_name('likelihood', li) or li}, "
        f"impact {matrix.level_name('impact', im) or im}"
        for n, (li, im) in cells
    )


def heat_map_alt(heat: HeatMap) -> str:
    """The heat map's figures for those who cannot see it: the same counts as the picture."""
    return (
        "Heat map of risk positions. "
        f"Inherent: {_cells_text(heat.matrix, heat.inherent)}. "
        f"Residual: {_cells_text(heat.matrix, heat.residual)}."
    )


def heat_map_svg(heat: HeatMap) -> str:
    """Two grids side by side: where risks sit before controls (inherent) and now (residual)."""
    figure = Figure(figsize=(8, 3.8), layout="constrained")
    left, right = figure.subplots(1, 2)
    _grid(left, heat.matrix, heat.inherent, "Inherent")
    _grid(right, heat.matrix, heat.residual, "Residual")
    return _svg(figure, heat_map_alt(heat))


def score_history_svg(
    matrix: ScoringMatrix, points: list[tuple[dt.date, int]], appetite: int | None
) -> str:
    """Residual score at each review, with the bands behind it and the appetite line."""
    figure = Figure(figsize=(7, 2.8), layout="constrained")
    axes = figure.subplots()
    top = matrix.max_score
    axes.axhspan(0, matrix.amber_from - 0.5, color=CELL[Band.GREEN], zorder=0)
    axes.axhspan(matrix.amber_from - 0.5, matrix.red_from - 0.5, color=CELL[Band.AMBER], zorder=0)
    axes.axhspan(matrix.red_from - 0.5, top + 0.5, color=CELL[Band.RED], zorder=0)
    dates = [when for when, _ in points]
    scores = [score for _, score in points]
    axes.plot(dates, scores, marker="o", color=LINE, drawstyle="steps-post", linewidth=2)  # type: ignore[arg-type]
    if appetite is not None:
        axes.axhline(appetite + 0.5, color="#0b0c0c", linestyle="--", linewidth=1)
        axes.annotate(
            "appetite",
            (0.99, appetite + 0.5),
            xycoords=("axes fraction", "data"),
            ha="right",
            va="bottom",
        )
    axes.set_ylim(0, top + 0.5)
    axes.set_ylabel("Residual score")
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=2, maxticks=6))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(DateFormatter("%b %Y"))  # type: ignore[no-untyped-call]
    if len(dates) == 1:
        axes.set_xlim(dates[0] - dt.timedelta(days=30), dates[0] + dt.timedelta(days=30))  # type: ignore[arg-type]
    return _svg(figure, "Residual score at each review")
