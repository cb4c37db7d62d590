"""Channel feedback: net satisfaction runs from −1 (all poor) to +1 (all good), with average
ratings counting in the total only. The monthly index is that figure per channel and month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from .models_feedback import Feedback, PeerSatisfaction


@dataclass(frozen=True)
class Ratings:
    good: int
    average: int
    poor: int

    @property
    def total(self) -> int:
        return self.good + self.average + self.poor

    @property
    def net(self) -> Decimal | None:
        if not self.total:
            return None
        return (Decimal(self.good - self.poor) / self.total).quantize(Decimal("0.001"))


def net_satisfaction(good: int, average: int, poor: int) -> Decimal | None:
    return Ratings(good, average, poor).net


_COUNTS = {
    "good": Count("pk", filter=Q(rating="good")),
    "average": Count("pk", filter=Q(rating="average")),
    "poor": Count("pk", filter=Q(rating="poor")),
}


def monthly_index(
    organisation_id: int, start: dt.datetime, end: dt.datetime
) -> dict[str, dict[dt.date, Ratings]]:
    """channel → month → ratings, in one query."""
    rows = (
        Feedback.objects.filter(
            organisation_id=organisation_id, received_at__gte=start, received_at__lt=end
        )
        .annotate(month=TruncMonth("received_at"))
        .values("channel", "month")
        .annotate(**_COUNTS)
        .order_by("channel", "month")
    )
    index: dict[str, dict[dt.date, Ratings]] = defaultdict(dict)
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        index[row["channel"]][month] = Ratings(row["good"], row["average"], row["poor"])
    return dict(index)


def by_channel_and_service(organisation_id: int) -> dict[tuple[str, str], Ratings]:
    rows = (
        Feedback.objects.filter(organisation_id=organisation_id)
        .values("channel", "service_code")
        .annotate(**_COUNTS)
        .order_by("channel", "service_code")
    )
    return {
        (r["channel"], r["service_code"]): Ratings(r["good"], r["average"], r["poor"]) for r in rows
    }


def peer_figures(organisation_id: int) -> dict[str, dict[dt.date, list[Decimal]]]:
    """channel → month → the peers' net satisfaction, for benchmarking once imported."""
    figures: dict[str, dict[dt.date, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for row in PeerSatisfaction.objects.filter(organisation_id=organisation_id):
        figures[row.channel][row.month].append(row.net_satisfaction)
    return {channel: dict(months) for channel, months in figures.items()}
