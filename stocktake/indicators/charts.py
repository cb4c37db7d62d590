"""Server-rendered trend charts: SVG from matplotlib's object API, so reports can reuse them.

No pyplot: it keeps global state that is not safe across requests.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from typing import Any

from django.core.cache import cache
from matplotlib.figure import Figure

from .evaluation import primary_target_for
from .models import Measurement, Target
from .status import Style, TargetSpec, tolerance_amount

_LINE = "#1d70b8"
_TARGET = "#505a5f"
_BAND = "#f3f2f1"
_BREAK = "#d4351c"
_PEERS = "#85994b"
CHART_SECONDS = 24 * 60 * 60


def trend_svg(
    *,
    measurements: Sequence[Measurement],
    targets: Sequence[Target],
    style: Style,
    breaks: Sequence[Measurement],
    title: str,
    peers: Sequence[tuple[float, float, float] | None] = (),
) -> str:
    """Values, the primary target with its tolerance band, a marker at each series break, and
    the peers' middle half (lower to upper quartile) with their median where there are peers.

    Drawing costs far more than the page's queries, so a drawing is kept (in Django's cache)
    under a digest of everything drawn: the same figures give the same picture.
    """
    labels = [m.period_label for m in measurements]
    values = [float(m.value) if m.value is not None else float("nan") for m in measurements]
    target_values: list[float] = []
    lows: list[float] = []
    highs: list[float] = []
    for row in measurements:
        target = primary_target_for(targets, row)
        if target is None or target.value is None:
            target_values.append(float("nan"))
            lows.append(float("nan"))
            highs.append(float("nan"))
            continue
        amount = float(tolerance_amount(_spec(target), target.value))
        target_values.append(float(target.value))
        lows.append(float(target.value) - amount)
        highs.append(float(target.value) + amount)
    drawn = (
        labels, values, target_values, lows, highs, [b.period_label for b in breaks],
        title, list(peers), style.data_type, style.unit,
    )  # fmt: skip
    key = "trend-svg:" + hashlib.sha256(repr(drawn).encode()).hexdigest()
    svg: str | None = cache.get(key)
    if svg is None:
        svg = _draw(labels, values, (target_values, lows, highs), breaks, title, peers, style)
        cache.set(key, svg, timeout=CHART_SECONDS)
    return svg


def _draw(
    labels: list[str],
    values: list[float],
    band: tuple[list[float], list[float], list[float]],
    breaks: Sequence[Measurement],
    title: str,
    peers: Sequence[tuple[float, float, float] | None],
    style: Style,
) -> str:
    target_values, lows, highs = band
    figure = Figure(figsize=(7.5, 3.2), dpi=96)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))
    if positions:
        axes.fill_between(positions, lows, highs, color=_BAND, label="Tolerance", step="mid")
        axes.step(
            positions, target_values, where="mid", color=_TARGET, linestyle="--", label="Target"
        )
        _peers(axes, positions, peers)
        axes.plot(positions, values, color=_LINE, marker="o", label="Value")
    for row in breaks:
        x = labels.index(row.period_label) - 0.5
        axes.axvline(x, color=_BREAK, linestyle=":", linewidth=1.5)
        axes.annotate(
            "New definition",
            (x, 1),
            xycoords=("data", "axes fraction"),
            fontsize=7,
            color=_BREAK,
            ha="left",
            va="top",
        )
    axes.set_xticks(positions, labels, rotation=30, ha="right", fontsize=7)
    axes.set_ylabel("%" if style.data_type == "percentage" else style.unit, fontsize=8)
    axes.tick_params(axis="y", labelsize=7)
    axes.set_title(title, fontsize=9, loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if positions:
        axes.legend(fontsize=7, frameon=False, loc="best")
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    # The page embeds the drawing inline, so the XML prologue has to go.
    return svg[svg.index("<svg") :]


def _peers(
    axes: Any, positions: list[int], peers: Sequence[tuple[float, float, float] | None]
) -> None:
    if not any(peers):
        return
    nan = (float("nan"),) * 3
    low, middle, high = zip(*[p or nan for p in peers], strict=True)
    axes.fill_between(positions, low, high, color=_PEERS, alpha=0.35, label="Peers' middle half")
    axes.plot(positions, middle, color=_PEERS, linestyle="-.", label="Peer median")


def _spec(target: Target) -> TargetSpec:
    return TargetSpec(
        value=target.value, tolerance=target.tolerance, tolerance_kind=target.tolerance_kind
    )
