"""Status and arrows for values written in bulk, worked out before they are written.

Each batch's indicators are evaluated as whole series: the batch's new values together with
any already stored (an earlier batch, an earlier import, values typed in), through the same
`evaluate` as a single entry, so an imported value reads exactly like a typed one. Stored
values whose colour or arrow changes because of a new neighbour are written back too.
Three reads per batch, however long the series.
"""

from __future__ import annotations

from collections import defaultdict

from .dataset_write import NewValue, store_status
from .evaluation import Row, evaluate
from .models import Indicator, IndicatorDefinition, Measurement, Target

Span = tuple[int, object, object]  # indicator, period start, period end
# What evaluate reads; the rest (notes, old explanations) is not loaded.
_READ = [
    "id", "organisation_id", "indicator_id", "definition_id", "period_label", "period_start",
    "period_end", "period_kind", "value", "status", "direction", "direction_year", "explanation",
]  # fmt: skip


def _stored(row: Row) -> tuple[str, str, str, object]:
    return row.status, row.direction, row.direction_year, row.explanation


def evaluate_batch(
    new: dict[Span, NewValue], versions: dict[int, IndicatorDefinition]
) -> list[NewValue]:
    """Set status on the new rows in memory; store changes to stored neighbours at once."""
    ids = {key[0] for key in new}
    organisations = {row.organisation_id for row in new.values()}
    series: dict[int, dict[tuple[object, object], Row]] = defaultdict(dict)
    stored = Measurement.objects.filter(organisation_id__in=organisations, indicator_id__in=ids)
    before: dict[int, tuple[str, str, str, object]] = {}
    for found in stored.only(*_READ):
        series[found.indicator_id][(found.period_start, found.period_end)] = found
        before[found.pk] = _stored(found)
    for (indicator_id, start, end), value in new.items():
        old = series[indicator_id].get((start, end))
        if old is not None:
            value.pk = old.pk  # the upsert replaces it; evaluate once, as the new value
            del before[old.pk]
        series[indicator_id][(start, end)] = value
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(organisation_id__in=organisations, indicator_id__in=ids):
        targets[target.indicator_id].append(target)
    for indicator in Indicator.objects.filter(pk__in=ids).select_related("definition"):
        known = versions | {indicator.definition_id: indicator.definition}
        rows = list(series[indicator.pk].values())
        evaluate(indicator, rows, targets[indicator.pk], known)
    changed = [
        row
        for rows in series.values()
        for row in rows.values()
        if isinstance(row, Measurement) and row.pk in before and before[row.pk] != _stored(row)
    ]
    store_status(changed)
    return list(new.values())
