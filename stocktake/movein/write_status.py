"""The old system's statuses set beside ours, and the gaps in each imported series.

Status and arrows themselves are worked out by the indicators app as values are written
(`evaluate_batch`); this reads what it worked out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from stocktake.core.periods import Period
from stocktake.indicators.dataset_write import NewValue
from stocktake.indicators.models import Indicator
from stocktake.indicators.periods import shifted

from . import vocabulary
from .report import Report

Key = tuple[int, object, object]
_STEP = {"month": 1, "quarter": 3, "financial_year": 12, "year": 12}
_SHOWN = 12  # missing periods named per indicator


def reconcile(
    report: Report,
    ids: Iterable[int],
    new: dict[Key, NewValue],
    stored: set[Key],
    source: dict[Key, str],
    words: dict[str, str],
) -> None:
    codes = dict(Indicator.objects.filter(pk__in=list(ids)).values_list("pk", "definition__code"))
    by_indicator: dict[int, list[NewValue]] = defaultdict(list)
    for key, row in new.items():
        by_indicator[key[0]].append(row)
        said = source.get(key)
        if said:
            _compare(report, codes.get(key[0], "") or "", row, said, words)
    held: dict[int, set[tuple[object, object]]] = defaultdict(set)
    for indicator_id, start, end in stored:
        held[indicator_id].add((start, end))
    for indicator_id, rows in by_indicator.items():
        _gaps(report, codes.get(indicator_id, "") or "", rows, held[indicator_id])


def _compare(report: Report, code: str, row: NewValue, said: str, words: dict[str, str]) -> None:
    theirs = vocabulary.indicator_status(vocabulary.token(said, words))
    if not theirs:
        report.warn(f"status “{said}” is not mapped to a Stocktake status")
        return
    report.compared += 1
    if theirs != row.status:
        explained = row.explanation if isinstance(row.explanation, dict) else {}
        why = explained.get("status", {}).get("sentence", "")
        report.difference(code, row.period_label, f"{said} ({theirs})", row.status, why)


def _gaps(
    report: Report, code: str, rows: list[NewValue], held: set[tuple[object, object]]
) -> None:
    """Periods of the series' own kind between its first and last value that have none."""
    kinds: dict[str, list[NewValue]] = defaultdict(list)
    for row in rows:
        kinds[row.period_kind].append(row)
    kind, same = max(kinds.items(), key=lambda item: len(item[1]))
    if kind not in _STEP or len(same) < 2:
        return
    have: set[tuple[object, object]] = held | {(r.period_start, r.period_end) for r in same}
    first = min(same, key=lambda r: r.period_start)
    last = max(r.period_start for r in same)
    period = shifted(
        Period(first.period_label, first.period_start, first.period_end, kind), _STEP[kind]
    )
    missing = []
    while period is not None and period.start < last:
        if (period.start, period.end) not in have:
            missing.append(period.label)
        period = shifted(period, _STEP[kind])
    if missing:
        more = " …" if len(missing) > _SHOWN else ""
        report.gap(f"{code}: no value for {', '.join(missing[:_SHOWN])}{more}")
