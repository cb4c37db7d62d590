"""The council's health card and the public scorecard: counts in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max
from django.utils.safestring import SafeString

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser
from stocktake.complaints import access as complaints_access
from stocktake.complaints.annual import annual_report
from stocktake.complaints.models import Complaint
from stocktake.consultations import access as consultations_access
from stocktake.consultations.models import Consultation
from stocktake.indicators.access import visible_indicators
from stocktake.indicators.models import Indicator
from stocktake.indicators.selectors import status_counts
from stocktake.plans.access import visible_plans
from stocktake.plans.models import Action, Plan, ProgressUpdate, Section
from stocktake.plans.rows import ActionRow, action_rows
from stocktake.risks.access import visible_risks
from stocktake.risks.models import Risk

from . import charts
from .layouts import RAG_WORDS
from .public_table import public_rows_html
from .summaries import year_of

WORDS = ["Red", "Amber", "Green", "Complete", "No RAG"]
_CLOSED = ("complete", "superseded", "transferred", "cancelled")


@dataclass
class Line:
    name: str
    counts: Counter[str] = field(default_factory=Counter)
    overdue: int = 0
    stale: int = 0
    total: int = 0
    last_update: dt.date | None = None
    link: Any = None

    @property
    def cells(self) -> list[tuple[str, int]]:
        return [(word, self.counts.get(word, 0)) for word in WORDS]


@dataclass
class HealthCard:
    plans: list[Line]
    services: list[Line]
    overdue: int
    stale: int
    stale_days: int
    red_risks: list[Risk]
    indicator_counts: list[tuple[str, int]]
    chart: str
    total: int
    complaints: ComplaintTimeliness | None = None
    consultations_closing: int | None = None


@dataclass
class ComplaintTimeliness:
    """Stage responses on time this financial year, and what is overdue today."""

    year_label: str
    on_time: list[tuple[int, float | None, int]]  # stage, % on time, responses counted
    overdue: int
    due_link: bool  # the due list names complaints: only for staff who may read the register


def _add(line: Line, row: dict[str, Any], stale_before: dt.date) -> None:
    rag_word = RAG_WORDS.get(row["rag_shown"]) or "No RAG"
    line.counts[rag_word] += 1
    line.total += 1
    line.overdue += bool(row["is_overdue"])
    updated = row["last_update_as_at"]
    if row["status_shown"] not in _CLOSED and (updated is None or updated < stale_before):
        line.stale += 1
    if updated and (line.last_update is None or updated > line.last_update):
        line.last_update = updated


def health_card(
    user: AnyUser, organisation: Organisation, *, today: dt.date, stale_days: int = 90
) -> HealthCard:
    plans = {
        p.pk: p for p in Plan.objects.for_organisation(organisation.pk).filter(visible_plans(user))
    }
    rows = (
        Action.objects.filter(organisation_id=organisation.pk, plan_id__in=list(plans))
        .as_at(today, today=today)
        .values(  # type: ignore[misc]
            "plan_id",
            "unit__name",
            "plan__unit__name",
            "rag_shown",
            "status_shown",
            "is_overdue",
            "last_update_as_at",
        )
    )
    by_plan = {pk: Line(p.title, link=p) for pk, p in plans.items()}
    by_service: dict[str, Line] = defaultdict(lambda: Line(""))
    stale_before = today - dt.timedelta(days=stale_days)
    for row in rows:
        _add(by_plan[row["plan_id"]], row, stale_before)
        service = row["unit__name"] or row["plan__unit__name"] or "No service recorded"
        by_service[service].name = service
        _add(by_service[service], row, stale_before)
    plan_lines = sorted(by_plan.values(), key=lambda line: line.name)
    risks = [
        r
        for r in Risk.objects.for_organisation(organisation.pk)
        .open()
        .filter(visible_risks(user))
        .select_related("matrix")
        .order_by("-residual_score", "position")
        if r.residual_band == "red"
    ]
    statuses = (
        Indicator.objects.for_organisation(organisation.pk)
        .filter(visible_indicators(user))
        .latest_statuses()
    )
    bars = [(line.name, dict(line.counts)) for line in plan_lines if line.total]
    alt = charts.rag_bars_alt(bars)
    return HealthCard(
        plans=plan_lines,
        services=sorted(by_service.values(), key=lambda line: line.name),
        overdue=sum(line.overdue for line in plan_lines),
        stale=sum(line.stale for line in plan_lines),
        stale_days=stale_days,
        red_risks=risks,
        indicator_counts=status_counts(statuses),
        chart=charts.rag_bars_svg(bars, alt) if bars else "",
        total=sum(line.total for line in plan_lines),
        complaints=complaint_timeliness(user, organisation, today=today),
        consultations_closing=consultations_closing(user, organisation, today=today),
    )


def complaint_timeliness(
    user: AnyUser, organisation: Organisation, *, today: dt.date
) -> ComplaintTimeliness | None:
    if not complaints_access.can_read_report(user, organisation):
        return None
    year = year_of(today)
    stages = {row["stage"]: row for row in annual_report(organisation, year)["stages"]}
    # The same test as the complaints due list's "overdue": owed before today.
    overdue = (
        Complaint.objects.for_organisation(organisation)
        .waiting()
        .filter(next_due_on__lt=today)
        .count()
    )
    return ComplaintTimeliness(
        year_label=f"{year}/{(year + 1) % 100:02d}",
        on_time=[
            (n, stages[n]["percent_on_time"], stages[n]["answered"])
            if n in stages
            else (n, None, 0)
            for n in (1, 2)
        ],
        overdue=overdue,
        due_link=complaints_access.is_staff_in(user, organisation),
    )


CLOSING_DAYS = 30


def consultations_closing(
    user: AnyUser, organisation: Organisation, *, today: dt.date
) -> int | None:
    """Planned or open consultations whose closing date falls in the next 30 days."""
    if not consultations_access.can_read(user, organisation.pk):
        return None
    return Consultation.objects.filter(
        organisation=organisation,
        status__in=[Consultation.Status.PLANNED, Consultation.Status.OPEN],
        closes_on__range=(today, today + dt.timedelta(days=CLOSING_DAYS)),
    ).count()


@dataclass
class PublicScorecard:
    plan: Plan
    card: Line
    sections: list[tuple[str, SafeString]]  # each section's heading and its rows, drawn
    indicators: list[Indicator]
    last_update: dt.date | None


def public_scorecard(plan: Plan, *, today: dt.date) -> PublicScorecard:
    """A published plan for residents: statuses in plain words, no names, no internal notes."""
    actions = action_rows(
        Action.objects.for_plan(plan).order_by("position", "id"), when=today, today=today
    )
    titles = {
        s.pk: s.display_title
        for s in Section.objects.filter(pk__in={a.section_id for a in actions if a.section_id})
    }
    card = Line(plan.title)
    sections: dict[str, list[ActionRow]] = {}
    stale_before = today - dt.timedelta(days=90)
    for action in actions:
        _add(card, _position(action), stale_before)
        heading = titles[action.section_id] if action.section_id else ""
        sections.setdefault(heading, []).append(action)
    indicators = list(
        Indicator.objects.filter(organisation_id=plan.organisation_id, plan=plan, is_public=True)
        .select_related("definition")
        .with_latest()
        .order_by("definition__code", "position")
    )
    latest = ProgressUpdate.objects.filter(action__plan=plan).aggregate(at=Max("as_at"))["at"]
    tables = [(heading, public_rows_html(rows)) for heading, rows in sections.items()]
    return PublicScorecard(plan, card, tables, indicators, latest)


def _position(row: ActionRow) -> dict[str, Any]:
    return {
        "rag_shown": row.rag_shown,
        "status_shown": row.status_shown,
        "is_overdue": row.is_overdue,
        "last_update_as_at": row.last_update_as_at,
    }
