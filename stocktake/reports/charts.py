"""Charts drawn from report data (not the database), so a snapshot can be redrawn as it was.

matplotlib's object API only: pyplot keeps global state that is not safe across requests.
SVG for pages and PDF, PNG for Word.
"""

from __future__ import annotations

import hashlib
import html
import io
import math
from typing import Any

from django.core.cache import cache
from matplotlib import rc_context
from matplotlib.figure import Figure

_LINE = "#1d70b8"
_TARGET = "#505a5f"
RAG_COLOURS = {"Red": "#d4351c", "Amber": "#f47738", "Green": "#00703c", "Complete": "#1d70b8"}
_RC: dict[Any, Any] = {"svg.fonttype": "none", "font.size": 8}
CHART_SECONDS = 24 * 60 * 60


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


def rag_bars_svg(rows: list[tuple[str, dict[str, int]]], alt: str) -> str:
    """`svg(rag_bars(rows), alt)`, kept in Django's cache under a digest of what is drawn.

    Drawing costs several times the health card's queries; the same counts under the same
    names give the same picture, so a changed count or name is a new key, never a stale one.
    """
    drawn = (alt, [(name, sorted(counts.items())) for name, counts in rows])
    key = "rag-bars-svg:" + hashlib.sha256(repr(drawn).encode()).hexdigest()
    found: str | None = cache.get(key)
    if found is None:
        found = svg(rag_bars(rows), alt)
        cache.set(key, found, timeout=CHART_SECONDS)
    return found


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


def trend_svg(indicator: dict[str, Any]) -> str:
    return svg(_trend(indicator), trend_alt(indicator))


def trend_png(indicator: dict[str, Any]) -> bytes:
    return png(_trend(indicator))
