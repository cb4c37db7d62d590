"""NI 14, avoidable contact, both ways the national definition was written.

- final (2008): avoidable contacts as a percentage of all contacts assessed (unassessed ones
  count on neither side);
- draft (2007): contacts received per resolved request (a ratio, lower is better).

Excluded contacts (outbound, not about council services…) count on neither side of either.
Both read only the daily tallies. With sampling, only days inside sampling periods count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.db import transaction
from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth

from stocktake.core.periods import Period
from stocktake.core.recording import Actor
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Indicator, Measurement

from .models_contacts import ContactDay, SamplingPeriod

Definition = Literal["final", "draft"]


@dataclass(frozen=True)
class Ni14:
    contacts: int
    avoidable: int
    assessed: int
    requests_resolved: int

    @property
    def final(self) -> Decimal | None:
        if not self.assessed:
            return None
        return (Decimal(self.avoidable) * 100 / self.assessed).quantize(Decimal("0.01"))

    @property
    def draft(self) -> Decimal | None:
        if not self.requests_resolved:
            return None
        return (Decimal(self.contacts) / self.requests_resolved).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Ni14Cell:
    service_code: str
    channel: str
    month: dt.date
    figures: Ni14


def _days(organisation_id: int, start: dt.date, end: dt.date, sampled: bool) -> Q:
    condition = Q(organisation_id=organisation_id, day__gte=start, day__lte=end)
    if not sampled:
        return condition
    periods = SamplingPeriod.objects.filter(
        organisation_id=organisation_id, start__lte=end, end__gte=start
    ).values_list("start", "end")
    inside = Q(pk__in=[])
    for first, last in periods:
        inside |= Q(day__gte=first, day__lte=last)
    return condition & inside


_SUMS = {
    "contacts_sum": Sum("contacts"),
    "avoidable_sum": Sum("avoidable"),
    "unavoidable_sum": Sum("unavoidable"),
    "resolved_sum": Sum("requests_resolved"),
}


def _figures(row: dict[str, int | None]) -> Ni14:
    avoidable = row["avoidable_sum"] or 0
    return Ni14(
        contacts=row["contacts_sum"] or 0,
        avoidable=avoidable,
        assessed=avoidable + (row["unavoidable_sum"] or 0),
        requests_resolved=row["resolved_sum"] or 0,
    )


def ni14_total(organisation_id: int, start: dt.date, end: dt.date, *, sampled: bool = True) -> Ni14:
    row = ContactDay.objects.filter(_days(organisation_id, start, end, sampled)).aggregate(**_SUMS)
    return _figures(row)


def ni14_table(
    organisation_id: int, start: dt.date, end: dt.date, *, sampled: bool = True
) -> list[Ni14Cell]:
    """NI 14 by service × channel × month: two queries whatever the number of contacts."""
    rows = (
        ContactDay.objects.filter(_days(organisation_id, start, end, sampled))
        .annotate(month_of=TruncMonth("day"))
        .values("service_code", "channel", "month_of")
        .annotate(**_SUMS)
        .order_by("month_of", "service_code", "channel")
    )
    return [Ni14Cell(r["service_code"], r["channel"], r["month_of"], _figures(r)) for r in rows]


@transaction.atomic
def ni14_record(
    *,
    indicator: Indicator,
    period: Period,
    definition: Definition,
    by: Actor,
    sampled: bool = True,
) -> Measurement:
    """Feed NI 14 for a period into its indicator, so it gets targets, status and trend."""
    figures = ni14_total(indicator.organisation_id, period.start, period.end, sampled=sampled)
    numerator, denominator = (
        (figures.avoidable, figures.assessed)
        if definition == "final"
        else (figures.contacts, figures.requests_resolved)
    )
    return indicators.measurement_record(
        indicator=indicator,
        period=period,
        by=by,
        numerator=Decimal(numerator),
        denominator=Decimal(denominator),
        note=f"NI 14 ({definition} definition) from {'sampled' if sampled else 'all'} contacts",
        sample_size=figures.assessed if definition == "final" else figures.contacts,
    )
