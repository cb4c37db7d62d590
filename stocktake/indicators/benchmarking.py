"""Peer benchmarking: a council's rank, quartile and the comparison group's median per period.

One query fetches every peer value for the indicator's periods, however many organisations
report it; ranks are worked out here. Rank 1 is the best: the highest value when higher is
better, the lowest when lower is better. Ties share a rank ("1, 2, 2, 4"). Within-a-band and
data-only indicators have no best, so they get the median and quartile range but no rank.
Peers compare like with like: the same definition version and exactly the same period.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from .models import ComparisonGroup, Indicator, IndicatorDefinition, Measurement
from .status import Polarity, Style

Span = tuple[object, object, int]  # period start, period end, definition version


@dataclass(frozen=True)
class Benchmark:
    period: str
    rank: int | None
    of: int
    quartile: int | None
    median: Decimal
    lower_quartile: float
    upper_quartile: float
    group: str

    def sentence(self, style: Style) -> str:
        median = f"median {style.show(self.median)}"
        if self.rank is None:
            return f"{median} of {self.of} organisations ({self.group}, {self.period})"
        return (
            f"Ranked {ordinal(self.rank)} of {self.of}; {ordinal(self.quartile or 0)} quartile; "
            f"{median} ({self.group}, {self.period})"
        )


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_of(value: Decimal, values: Sequence[Decimal], polarity: str) -> int | None:
    """1 for the best; None where the indicator has no better direction."""
    if polarity == Polarity.HIGHER:
        return 1 + sum(1 for v in values if v > value)
    if polarity == Polarity.LOWER:
        return 1 + sum(1 for v in values if v < value)
    return None


def quartile_of(rank: int, count: int) -> int:
    """1 is the best quarter of the group."""
    return min(4, (rank - 1) * 4 // count + 1)


def groups_for(indicator: Indicator) -> list[ComparisonGroup]:
    """Groups shared by everyone and those the indicator's council made."""
    shared = Q(organisation__isnull=True) | Q(organisation_id=indicator.organisation_id)
    return list(ComparisonGroup.objects.filter(shared))


def peer_values(
    indicator: Indicator,
    rows: Sequence[Measurement],
    group: ComparisonGroup | None = None,
) -> dict[Span, list[Decimal]]:
    """Every comparable value, by period and definition version: one query."""
    ends = {row.period_end for row in rows}
    versions = {row.definition_id for row in rows}
    found = Measurement.objects.filter(
        definition_id__in=versions, period_end__in=ends, value__isnull=False
    )
    if group is not None:
        members = ComparisonGroup.members.through.objects.filter(comparisongroup_id=group.pk)
        found = found.filter(
            Q(organisation_id__in=members.values("organisation_id"))
            | Q(organisation_id=indicator.organisation_id)
        )
    values: dict[Span, list[Decimal]] = defaultdict(list)
    for start, end, version, value in found.values_list(
        "period_start", "period_end", "definition_id", "value"
    ):
        if value is not None:
            values[(start, end, version)].append(value)
    return values


def _benchmark(
    row: Measurement, values: list[Decimal], polarity: str, group: str
) -> Benchmark | None:
    if row.value is None or len(values) < 2:
        return None
    rank = rank_of(row.value, values, polarity)
    quarters = statistics.quantiles([float(v) for v in values], n=4, method="inclusive")
    return Benchmark(
        period=row.period_label,
        rank=rank,
        of=len(values),
        quartile=quartile_of(rank, len(values)) if rank is not None else None,
        median=Decimal(statistics.median(values)),
        lower_quartile=quarters[0],
        upper_quartile=quarters[2],
        group=group,
    )


def benchmarks(
    indicator: Indicator,
    rows: Sequence[Measurement],
    definition: IndicatorDefinition,
    group: ComparisonGroup | None = None,
) -> dict[int, Benchmark]:
    """Each of the council's values (by measurement id) against its peers that period."""
    if not rows:
        return {}
    values = peer_values(indicator, rows, group)
    name = group.name if group is not None else "all organisations with data"
    found = {}
    for row in rows:
        key = (row.period_start, row.period_end, row.definition_id)
        result = _benchmark(row, values.get(key, []), definition.polarity, name)
        if result is not None:
            found[row.pk] = result
    return found
