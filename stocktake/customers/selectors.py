"""Reads for customer pages. Every page issues a fixed number of queries: contact figures come
from the monthly tallies (bounded by months × services × channels), never from contacts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser
from stocktake.indicators.models import Measurement

from . import access
from .hours import LONDON, DayHours, Pattern, Session, Special, hours_on, is_open, week_of
from .models import AccessPoint, Channel, OpeningException
from .models_contacts import ContactMonth, SamplingPeriod
from .models_feedback import ServiceStandard, ShoppingCheck
from .servicelist import SERVICES


def pattern_for(point: AccessPoint) -> Pattern:
    """Needs `sessions` and `exceptions` prefetched (see access_points_with_hours)."""
    weekly: dict[int, tuple[Session, ...]] = {}
    for s in point.sessions.all():
        weekly[s.weekday] = (*weekly.get(s.weekday, ()), Session(s.opens, s.closes))
    specials = {
        e.date: Special(Session(e.opens, e.closes) if e.opens and e.closes else None, e.reason)
        for e in point.exceptions.all()
    }
    return Pattern(
        weekly,
        specials,
        always_open=point.always_open,
        closed_on_bank_holidays=point.closed_on_bank_holidays,
        region=point.holiday_region,
    )


def access_points_with_hours(
    points: QuerySet[AccessPoint], today: dt.date
) -> QuerySet[AccessPoint]:
    # Exceptions from this week's Monday (the week's table) or yesterday (a late session),
    # whichever is earlier, to a fortnight ahead are all a page shows.
    since = today - dt.timedelta(days=max(1, today.weekday()))
    window = OpeningException.objects.filter(
        date__gte=since, date__lte=today + dt.timedelta(days=14)
    )
    return points.select_related("organisation").prefetch_related(
        "sessions", Prefetch("exceptions", queryset=window)
    )


@dataclass(frozen=True)
class PointNow:
    point: AccessPoint
    open_now: bool
    today: DayHours


def access_point_list(user: AnyUser, now: dt.datetime) -> list[PointNow]:
    today = now.astimezone(LONDON).date()
    points = access_points_with_hours(
        AccessPoint.objects.filter(access.visible_access_points(user), retired_on__isnull=True),
        today,
    ).order_by("organisation__name", "name")
    found = []
    for point in points:
        pattern = pattern_for(point)
        found.append(PointNow(point, is_open(pattern, now), hours_on(pattern, today)))
    return found


def access_point_week(point: AccessPoint, now: dt.datetime) -> tuple[bool, list[DayHours]]:
    today = now.astimezone(LONDON).date()
    loaded = access_points_with_hours(AccessPoint.objects.filter(pk=point.pk), today).get()
    pattern = pattern_for(loaded)
    return is_open(pattern, now), week_of(pattern, today)


@dataclass
class MonthFigures:
    contacts: int = 0
    avoidable: int = 0
    assessed: int = 0
    resolved_first: int = 0
    first_known: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def percent(part: int, whole: int) -> Decimal | None:
        return (Decimal(part) * 100 / whole).quantize(Decimal("0.1")) if whole else None

    @property
    def avoidable_percent(self) -> Decimal | None:
        return self.percent(self.avoidable, self.assessed)

    @property
    def first_contact_percent(self) -> Decimal | None:
        return self.percent(self.resolved_first, self.first_known)


@dataclass
class Dashboard:
    months: list[dt.date]
    by_month: dict[dt.date, MonthFigures]
    by_service: list[tuple[str, MonthFigures]]
    channels: list[tuple[str, str]]
    total: MonthFigures

    @property
    def table(self) -> list[tuple[dt.date, list[int], MonthFigures]]:
        return [
            (m, [f.by_channel.get(code, 0) for code, _ in self.channels], f)
            for m, f in self.by_month.items()
        ]


def _add(target: MonthFigures, row: ContactMonth) -> None:
    target.contacts += row.contacts
    target.avoidable += row.avoidable
    target.assessed += row.avoidable + row.unavoidable
    target.resolved_first += row.resolved_first
    target.first_known += row.first_known
    target.by_channel[row.channel] = target.by_channel.get(row.channel, 0) + row.contacts


def last_months(end: dt.date, count: int = 12) -> list[dt.date]:
    months = []
    year, month = end.year, end.month
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def month_last_day(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def dashboard(organisation: Organisation, months: list[dt.date]) -> Dashboard:
    """One query: the year's monthly tallies (at most months × services × channels rows)."""
    rows = ContactMonth.objects.filter(
        organisation=organisation, month__gte=months[0], month__lte=months[-1]
    ).order_by()
    by_month = {m: MonthFigures() for m in months}
    services: dict[str, MonthFigures] = defaultdict(MonthFigures)
    total = MonthFigures()
    for row in rows:
        _add(by_month[row.month], row)
        _add(services[row.service_code], row)
        _add(total, row)
    names = dict(SERVICES)
    by_service = sorted(
        ((names.get(code, "Not recorded"), figures) for code, figures in services.items()),
        key=lambda pair: -pair[1].contacts,
    )
    channels = [(c.value, str(c.label)) for c in Channel]
    return Dashboard(months, by_month, by_service, channels, total)


def sampling_periods(organisation: Organisation) -> QuerySet[SamplingPeriod]:
    return SamplingPeriod.objects.filter(organisation=organisation).order_by("-start")


def published_standards() -> QuerySet[ServiceStandard]:
    """Published standards with their indicator's latest value and status, in one query."""
    latest = Measurement.objects.filter(indicator=OuterRef("indicator")).order_by("-period_end")
    return (
        ServiceStandard.objects.filter(is_published=True)
        .select_related("organisation", "indicator__definition")
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_status=Subquery(latest.values("status")[:1]),
            latest_period=Subquery(latest.values("period_label")[:1]),
        )
        .order_by("organisation__name", "position", "id")
    )


def shopping_results(organisation: Organisation) -> list[dict[str, object]]:
    """Checks met and made, by channel and service, across all exercises."""
    return list(
        ShoppingCheck.objects.filter(exercise__organisation=organisation)
        .values("channel", "service_code")
        .annotate(made=Count("pk"), met=Count("pk", filter=Q(met=True)))
        .order_by("channel", "service_code")
    )
