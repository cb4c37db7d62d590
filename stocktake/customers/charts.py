"""Dashboard charts as inline SVG, drawn with matplotlib's object API (no pyplot: it keeps
global state that is not safe across requests). They read the Dashboard, i.e. the tallies.
Each carries role="img" and an aria-label giving the figures it shows, month by month, so a
screen reader user gets what a sighted reader does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from stocktake.reports import charts

from .selectors import Dashboard

COLOURS = ["#1d70b8", "#00703c", "#d4351c", "#f47738", "#4c2c92", "#5694ca", "#85994b"]


def _svg(figure: Figure, alt: str) -> str:
    for axes in figure.axes:
        if axes.get_legend_handles_labels()[0]:
            figure.tight_layout()
    return charts.svg(figure, alt)


def _month(month: dt.date) -> str:
    return f"{month:%B %Y}"


def _percent(value: Decimal | float | None) -> str:
    return "none assessed" if value is None else f"{value:.1f}%"


def volumes_alt(board: Dashboard) -> str:
    parts = []
    for m in board.months:
        month = board.by_month[m]
        counts = [
            f"{name} {month.by_channel[code]}"
            for code, name in board.channels
            if month.by_channel.get(code)
        ]
        parts.append(
            f"{_month(m)}: {month.contacts} ({', '.join(counts)})" if counts else f"{_month(m)}: 0"
        )
    return "Bar chart of contacts by channel each month. " + "; ".join(parts) + "."


def channel_shift_alt(board: Dashboard) -> str:
    parts = []
    for m in board.months:
        month = board.by_month[m]
        shares = [
            f"{name} {_percent(month.by_channel[code] * 100 / month.contacts)}"
            for code, name in board.channels
            if month.by_channel.get(code)
        ]
        parts.append(f"{_month(m)}: {', '.join(shares) if shares else 'no contacts'}")
    return "Line chart of each channel's share of contacts. " + "; ".join(parts) + "."


def rates_alt(board: Dashboard) -> str:
    parts = [
        f"{_month(m)}: avoidable {_percent(board.by_month[m].avoidable_percent)}, resolved at "
        f"first contact {_percent(board.by_month[m].first_contact_percent)}"
        for m in board.months
    ]
    return (
        "Line chart of avoidable contact (NI 14) and first-contact resolution. "
        + "; ".join(parts)
        + "."
    )


def _axes(title: str) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(7.5, 3), dpi=96)
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=9, loc="left")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=7)
    return figure, axes


def _labels(board: Dashboard, axes: Axes) -> list[int]:
    """Month positions, labelled on the axis (numbers, so matplotlib need not guess)."""
    positions = list(range(len(board.months)))
    axes.set_xticks(positions, [m.strftime("%b %y") for m in board.months], fontsize=7)
    return positions


def volumes_svg(board: Dashboard) -> str:
    figure, axes = _axes("Contacts by channel each month")
    labels = _labels(board, axes)
    bottom = [0] * len(labels)
    for colour, (code, name) in zip(COLOURS, board.channels, strict=False):
        values = [board.by_month[m].by_channel.get(code, 0) for m in board.months]
        if any(values):
            axes.bar(labels, values, bottom=bottom, label=name, color=colour)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    return _svg(figure, volumes_alt(board))


def channel_shift_svg(board: Dashboard) -> str:
    """Each channel's share of the month's contacts: the shift from desk and phone to web."""
    figure, axes = _axes("Share of contacts by channel (%)")
    labels = _labels(board, axes)
    for colour, (code, name) in zip(COLOURS, board.channels, strict=False):
        shares = []
        for m in board.months:
            month = board.by_month[m]
            part = month.by_channel.get(code, 0)
            shares.append(part * 100 / month.contacts if month.contacts else float("nan"))
        if any(board.by_month[m].by_channel.get(code) for m in board.months):
            axes.plot(labels, shares, marker="o", label=name, color=colour)
    return _svg(figure, channel_shift_alt(board))


def _number(value: Decimal | None) -> float:
    return float(value) if value is not None else float("nan")


def rates_svg(board: Dashboard) -> str:
    figure, axes = _axes("Avoidable contact and first-contact resolution (%)")
    labels = _labels(board, axes)
    avoidable = [_number(board.by_month[m].avoidable_percent) for m in board.months]
    first = [_number(board.by_month[m].first_contact_percent) for m in board.months]
    axes.plot(labels, avoidable, marker="o", color=COLOURS[2], label="Avoidable (NI 14)")
    axes.plot(labels, first, marker="s", color=COLOURS[1], label="Resolved at first contact")
    axes.set_ylim(0, 100)
    return _svg(figure, rates_alt(board))
