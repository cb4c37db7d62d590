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
import textwrap
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

_LINE = "#1d70b8"
_TARGET = "#505a5f"
RAG_COLOURS = {
    "Red": "#d4351c",
    "Amber": "#f47738",
    "Green": "#00703c",
    "Complete": "#1d70b8",
    "No RAG": "#b1b4b6",  # GOV.UK mid grey: counted, not yet rated
}
RAG_LABELS = {word: word for word in RAG_COLOURS} | {"No RAG": "Not rated"}
_WRAP = 32  # characters a plan's name runs to before it wraps onto another line
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


def rag_bars_alt(rows: list[tuple[str, dict[str, int]]], what: str = "plan") -> str:
    """The bars in words, segment by segment as drawn, under the legend's names."""
    parts = []
    for name, counts in rows:
        shown = [(RAG_LABELS[w], counts.get(w, 0)) for w in RAG_COLOURS if counts.get(w, 0)]
        total = sum(n for _, n in shown)
        detail = ", ".join(f"{n} {label.lower()}" for label, n in shown) or "no actions"
        parts.append(f"{name}: {total} action{'s' if total != 1 else ''} ({detail})")
    return f"Actions by RAG rating for each {what}: " + "; ".join(parts) + "."


def rag_bars(rows: list[tuple[str, dict[str, int]]]) -> Figure:
    """Stacked horizontal bars: one per plan or service, a segment for each RAG rating and a grey
    one for actions not yet rated, so each bar is as long as its count of actions."""
    names = [textwrap.fill(name, _WRAP) or "(untitled)" for name, _ in rows]
    lines = sum(name.count("\n") + 1 for name in names)
    figure = Figure(figsize=(7.0, 1.0 + 0.22 * lines + 0.18 * len(rows)), dpi=110)
    figure.set_layout_engine("constrained")
    axes = figure.add_subplot()
    places = list(range(len(rows)))
    left = [0] * len(rows)
    for word, colour in RAG_COLOURS.items():
        counts = [counts.get(word, 0) for _, counts in rows]
        axes.barh(places, counts, left=left, color=colour, label=RAG_LABELS[word])
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(places, names)
    axes.invert_yaxis()
    # Counts are whole actions from nought; an empty plan still gets a readable scale.
    axes.set_xlim(0, max([*left, 1]) * 1.02)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("Actions")
    # Above the bars, never on them.
    axes.legend(
        frameon=False, ncols=len(RAG_COLOURS), loc="lower left", bbox_to_anchor=(0, 1), fontsize=7
    )
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
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
