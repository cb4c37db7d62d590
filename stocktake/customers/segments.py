"""Who uses which channel, and who does not: contacts (from the area tallies), feedback and
complaints broken down by the segment of the area they came from, against each segment's
population, and feedback and complaints by the equality-monitoring answers people gave."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from stocktake.accounts.models import Organisation
from stocktake.complaints import annual
from stocktake.complaints.models import Complaint

from .models import Area
from .models_contacts import ContactAreaMonth
from .models_feedback import Feedback

UNKNOWN = "Unknown area"


@dataclass
class SegmentRow:
    name: str
    population: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)

    @property
    def contacts(self) -> int:
        return sum(self.by_channel.values())

    @property
    def per_thousand(self) -> Decimal | None:
        if not self.population:
            return None
        return (Decimal(self.contacts) * 1000 / self.population).quantize(Decimal("0.1"))

    @property
    def non_user(self) -> bool:
        """A segment with people in it and no contacts: the council is not reaching it."""
        return self.population > 0 and self.contacts == 0


def _segments(organisation: Organisation, codes: set[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Area code → segment name, and segment → population, for the council's district (by its
    GSS code) or, where that is unknown, for the areas its contacts came from."""
    areas = Area.objects.exclude(segment_name="")
    if organisation.gss_code:
        areas = areas.filter(district_code=organisation.gss_code)
    else:
        areas = areas.filter(code__in=codes)
    names: dict[str, str] = {}
    population: dict[str, int] = defaultdict(int)
    for code, name, people in areas.values_list("code", "segment_name", "population"):
        names[code] = name
        population[name] += people or 0
    return names, dict(population)


def contacts_by_segment(
    organisation: Organisation, start: dt.date, end: dt.date
) -> list[SegmentRow]:
    counts = list(
        ContactAreaMonth.objects.filter(
            organisation=organisation, month__gte=start.replace(day=1), month__lte=end
        )
        .values("area_code", "channel")
        .annotate(total=Sum("contacts"))
        .order_by()
    )
    names, population = _segments(organisation, {c["area_code"] for c in counts})
    rows: dict[str, SegmentRow] = {
        name: SegmentRow(name, people) for name, people in sorted(population.items())
    }
    for count in counts:
        name = names.get(count["area_code"], UNKNOWN)
        row = rows.setdefault(name, SegmentRow(name))
        row.by_channel[count["channel"]] = row.by_channel.get(count["channel"], 0) + count["total"]
    return list(rows.values())


def feedback_by_segment(organisation: Organisation) -> dict[str, dict[str, int]]:
    """Segment → rating → count."""
    rows = list(
        Feedback.objects.filter(organisation=organisation)
        .values("area_code", "rating")
        .annotate(total=Count("pk"))
        .order_by()
    )
    names, _ = _segments(organisation, {r["area_code"] for r in rows})
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        found[names.get(row["area_code"], UNKNOWN)][row["rating"]] += row["total"]
    return {name: dict(ratings) for name, ratings in found.items()}


def feedback_by_age_band(organisation_id: int) -> dict[str, dict[str, int]]:
    """Equality monitoring: age band (blank = not answered) → rating → count."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    rows = (
        Feedback.objects.filter(organisation_id=organisation_id)
        .values("age_band", "rating")
        .annotate(total=Count("pk"))
        .order_by("age_band")
    )
    for row in rows:
        found[row["age_band"] or "Not answered"][row["rating"]] = row["total"]
    return dict(found)


@dataclass
class ComplaintSegment:
    name: str
    population: int
    complaints: int

    @property
    def per_thousand(self) -> Decimal | None:
        if not self.population:
            return None
        return (Decimal(self.complaints) * 1000 / self.population).quantize(Decimal("0.01"))


def complaints_by_segment(
    organisation: Organisation, start: dt.date, end: dt.date
) -> list[ComplaintSegment]:
    """Complaints received in [start, end] by the segment of the complainant's area; segments
    with people and no complaints are listed too (who is not complaining matters as well)."""
    rows = list(
        Complaint.objects.filter(
            organisation=organisation, received_on__gte=start, received_on__lte=end
        )
        .values("area_code")
        .annotate(total=Count("pk"))
        .order_by()
    )
    names, population = _segments(organisation, {r["area_code"] for r in rows if r["area_code"]})
    counts: dict[str, int] = dict.fromkeys(population, 0)
    for row in rows:
        name = names.get(row["area_code"], UNKNOWN)
        counts[name] = counts.get(name, 0) + row["total"]
    return [
        ComplaintSegment(name, population.get(name, 0), total)
        for name, total in sorted(counts.items(), key=lambda item: (item[0] == UNKNOWN, item[0]))
    ]


def complaints_by_equality(
    organisation: Organisation, start: dt.date, end: dt.date
) -> dict[str, dict[str, str]]:
    """Equality monitoring of complainants, counted in the database and worded as the annual
    report words them, counts under 5 suppressed (councillors read this page too)."""
    received = Complaint.objects.filter(
        organisation=organisation, received_on__gte=start, received_on__lte=end
    )
    ages = Counter(
        {r["age_band"]: r["n"] for r in received.values("age_band").annotate(n=Count("pk"))}
    )
    disabled = Counter(
        {r["disabled"]: r["n"] for r in received.values("disabled").annotate(n=Count("pk"))}
    )
    return annual.equality_published(ages, disabled)
