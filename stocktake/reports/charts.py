"""Charts drawn from report data (not the database), so a snapshot can be redrawn as it was.

matplotlib's object API only: pyplot keeps global state that is not safe across requests.
SVG for pages and PDF, PNG for Word.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import math
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from matplotlib import rc_context
from matplotlib.figure import Figure

_LINE = "#1d70b8"
_TARGET = "#505a5f"
RAG_COLOURS = {"Red": "#d4351c", "Amber": "#f47738", "Green": "#00703c", "Complete": "#1d70b8"}
_RC: dict[Any, Any] = {"svg.fonttype": "none", "font.size": 8}
CHART_SECONDS = 24 * 60 * 60
T = TypeVar("T")


def trend_alt(indicator: dict[str, Any]) -> str:
    trend = indicator["trend"]
    points = [
        f"{label} {value:g}"
        for label, value in zip(trend["labels"], trend["values"], strict=True)
        if value is not None
    ]
    name = f"{indicator['code']} {indicator['title']}".strip()
    if not points:
        return f"Trend chart for {name}: no values recorded."
    return f"Trend chart for {name}: " + "; ".join(points) + "."


def _trend(indicator: dict[str, Any]) -> Figure:
    trend = indicator["trend"]
    figure = Figure(figsize=(6.0, 2.2), dpi=110)
    axes = figure.add_subplot()
    xs = list(range(len(trend["labels"])))
    nan = math.nan
    values = [nan if v is None else v for v in trend["values"]]
    targets = [nan if v is None else v for v in trend["targets"]]
    if xs:
        axes.plot(xs, values, color=_LINE, marker="o", label="Value")
        if any(not math.isnan(t) for t in targets):
            axes.step(xs, targets, where="mid", color=_TARGET, linestyle="--", label="Target")
        axes.legend(frameon=False, loc="best")
    axes.set_xticks(xs, trend["labels"], rotation=30, ha="right")
    axes.set_ylabel(trend["unit"] or "")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    return figure


def rag_bars(rows: list[tuple[str, dict[str, int]]]) -> Figure:
    """Stacked horizontal bars: one per plan or service, segments by RAG."""
    figure = Figure(figsize=(7.0, 0.5 + 0.4 * max(len(rows), 1)), dpi=110)
    axes = figure.add_subplot()
    names = [name[:40] for name, _ in rows]
    left = [0] * len(rows)
    for word, colour in RAG_COLOURS.items():
        counts = [counts.get(word, 0) for _, counts in rows]
        axes.barh(names, counts, left=left, color=colour, label=word)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("Actions")
    axes.legend(frameon=False, ncols=4, loc="lower right", fontsize=7)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    return figure


def _kept(kind: str, drawn: object, draw: Callable[[], T]) -> T:
    """``draw()``, kept in Django's cache under a digest of what is drawn.

    Drawing costs far more than the data behind it; the same figures under the same names give
    the same picture, so a changed figure or name is a new key, never a stale one.
    """
    key = f"{kind}:" + hashlib.sha256(repr(drawn).encode()).hexdigest()
    found: T | None = cache.get(key)
    if found is None:
        found = draw()
        cache.set(key, found, timeout=CHART_SECONDS)
    return found


def rag_bars_svg(rows: list[tuple[str, dict[str, int]]], alt: str) -> str:
    """`svg(rag_bars(rows), alt)`, kept under what is drawn."""
    drawn = (alt, [(name, sorted(counts.items())) for name, counts in rows])
    return _kept("rag-bars-svg", drawn, lambda: svg(rag_bars(rows), alt))


def svg(figure: Figure, alt: str) -> str:
    buffer = io.StringIO()
    # Each drawing needs its own ids (clip paths) when several share a page; the salt keeps
    # them stable for the same chart, so a redrawn snapshot is byte-for-byte the same.
    with rc_context(_RC | {"svg.hashsalt": alt}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    drawing = text[text.index("<svg") :]
    label = html.escape(alt, quote=True)
    attributes = f'role="img" aria-label="{label}" style="max-width:100%;height:auto"'
    return drawing.replace("<svg ", f"<svg {attributes} ", 1)


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


def _trend_drawn(indicator: dict[str, Any]) -> tuple[object, ...]:
    trend = indicator["trend"]
    return (
        trend_alt(indicator), trend["labels"], trend["values"], trend["targets"], trend["unit"],
    )  # fmt: skip


def trend_svg(indicator: dict[str, Any]) -> str:
    """The indicator's trend for pages and the PDF, kept under what is drawn."""
    alt = trend_alt(indicator)
    return _kept("trend-svg", _trend_drawn(indicator), lambda: svg(_trend(indicator), alt))


def trend_png(indicator: dict[str, Any]) -> bytes:
    """The indicator's trend for Word, kept under what is drawn."""
    return _kept("trend-png", _trend_drawn(indicator), lambda: png(_trend(indicator)))


def as_image_source(drawing: str) -> str:
    """An SVG drawing as a data: address for an <img>. A PDF lays an image out as one box,
    where the same drawing inline costs a styled box per line, tick and label."""
    return "data:image/svg+xml;base64," + base64.b64encode(drawing.encode()).decode("ascii")
