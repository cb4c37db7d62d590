"""Feed stored rows to the pure status rules and put the results back on the measurements.

An indicator's whole series is re-evaluated on every write: a late value for last quarter
changes this quarter's arrow, and a new target changes colours. A series is tens of rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from stocktake.core.periods import Period

from . import periods, profiles
from .models import Indicator, IndicatorDefinition, Target
from .status import (
    Comparison,
    DirectionResult,
    StatusResult,
    TargetSpec,
    compute_direction,
    compute_status,
    direction_not_applicable,
)

_SURVEY = {"biennial", "survey"}


class Row(Protocol):
    """What evaluation reads and sets: a Row, or a bulk import's lighter new value."""

    pk: Any
    definition_id: int
    period_label: str
    period_start: dt.date
    period_end: dt.date
    period_kind: str
    value: Decimal | None
    status: str
    direction: str
    direction_year: str
    explanation: Any


def period_of(row: Row | Target) -> Period:
    kind = getattr(row, "period_kind", "")
    return Period(row.period_label, row.period_start, row.period_end, kind)


def target_spec(target: Target) -> TargetSpec:
    return TargetSpec(
        value=target.value,
        name=target.get_name_display(),
        period=target.period_label,
        upper=target.upper_value,
        text=target.text,
        tolerance=target.tolerance,
        tolerance_kind=target.tolerance_kind,
    )


def primary_target_for(targets: Sequence[Target], row: Row) -> Target | None:
    """The primary target whose period holds the value's period, the closest fit first."""
    fitting = [
        t
        for t in targets
        if t.is_primary and t.period_start <= row.period_start and t.period_end >= row.period_end
    ]
    return min(fitting, key=lambda t: t.period_end - t.period_start, default=None)


def status_of(
    row: Row,
    definition: IndicatorDefinition,
    targets: Sequence[Target],
    rows: Sequence[Row] = (),
) -> StatusResult:
    target = primary_target_for(targets, row)
    if target is not None and profiles.applies(row, definition, target):
        return profiles.profile_status(row, rows, definition, target)
    longer = target is not None and (
        target.period_end - target.period_start > row.period_end - row.period_start
    )
    return compute_status(
        value=row.value,
        polarity=definition.polarity,
        target=target_spec(target) if target else None,
        style=definition.style,
        period=row.period_label,
        combine=definition.combine,
        target_is_longer=longer,
    )


@dataclass
class _Series:
    indicator: Indicator
    targets: Sequence[Target]
    by_span: dict[tuple[dt.date, dt.date], Row]

    def compare(
        self,
        row: Row,
        definition: IndicatorDefinition,
        earlier: Row | None,
        label: str,
        basis: str,
    ) -> DirectionResult:
        target = primary_target_for(self.targets, row)
        comparison = None
        if earlier is not None or label:
            comparison = Comparison(
                value=earlier.value if earlier else None,
                label=earlier.period_label if earlier else label,
                basis=basis,
                same_definition=earlier is None or earlier.definition_id == row.definition_id,
                sample_size=getattr(earlier, "sample_size", None),
            )
        return compute_direction(
            value=row.value,
            earlier=comparison,
            polarity=definition.polarity,
            style=definition.style,
            no_change_band=self.indicator.no_change_band,
            target=target_spec(target) if target else None,
            period=row.period_label,
            sample_size=getattr(row, "sample_size", None),
        )

    def against(
        self, row: Row, definition: IndicatorDefinition, period: Period | None, basis: str
    ) -> DirectionResult:
        if period is None:
            return direction_not_applicable(f"there is no {basis} for {row.period_label}")
        earlier = self.by_span.get((period.start, period.end))
        return self.compare(row, definition, earlier, period.label, basis)


def evaluate(
    indicator: Indicator,
    rows: Sequence[Row],
    targets: Sequence[Target],
    definitions: dict[int, IndicatorDefinition],
) -> None:
    """Set status, directions and explanation on each row, in memory."""
    series = _Series(indicator, targets, {(r.period_start, r.period_end): r for r in rows})
    ordered = sorted(rows, key=lambda r: (r.period_end, r.period_start))
    for index, row in enumerate(ordered):
        definition = definitions.get(row.definition_id, indicator.definition)
        status = status_of(row, definition, targets, ordered)
        if definition.frequency in _SURVEY:
            last = next(
                (r for r in reversed(ordered[:index]) if r.period_end < row.period_start), None
            )
            direction = series.compare(row, definition, last, "", "last available value")
            yearly = direction_not_applicable(
                "survey and biennial indicators are compared with the last available value"
            )
        else:
            previous = periods.previous(period_of(row))
            direction = series.against(row, definition, previous, "previous period")
            year_ago = periods.year_before(period_of(row))
            yearly = series.against(row, definition, year_ago, "same period last year")
        row.status = status.status.value
        row.direction = direction.direction.value
        row.direction_year = yearly.direction.value
        calculation = _calculation(row)
        said = status.explanation.as_json()
        if calculation and row.value is None:
            said |= {"rule": "not_calculated", "sentence": calculation["sentence"]}
        row.explanation = {
            "status": said,
            "direction": direction.explanation.as_json(),
            "direction_year": yearly.explanation.as_json(),
        } | ({"calculation": calculation} if calculation else {})


def _calculation(row: Row) -> dict[str, Any] | None:
    """How a calculated value was worked out, kept from when it was calculated."""
    stored = row.explanation if isinstance(row.explanation, dict) else {}
    found = stored.get("calculation")
    return found if isinstance(found, dict) else None
