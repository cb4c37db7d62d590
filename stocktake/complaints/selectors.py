"""Reads for complaint pages, each a fixed number of queries whatever the row count."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from stocktake.accounts.models import Organisation

from .models import Complaint, ComplaintStage
from .services import region_for
from .workdays import add_working_days

DUE_SOON_WORKING_DAYS = 3


def _with_stages(complaints: QuerySet[Complaint]) -> QuerySet[Complaint]:
    stages = ComplaintStage.objects.select_related("handler").order_by("number")
    return complaints.select_related("unit", "procedure").prefetch_related(
        Prefetch("stages", queryset=stages, to_attr="stage_list")
    )


def register(organisation: Organisation, *, status: str = "") -> list[Complaint]:
    complaints = Complaint.objects.for_organisation(organisation)
    if status:
        complaints = complaints.filter(status=status)
    return list(_with_stages(complaints)[:500])


@dataclass(frozen=True)
class DueLists:
    overdue: list[Complaint]
    due_soon: list[Complaint]
    soon_until: dt.date


def due_lists(organisation: Organisation, *, today: dt.date) -> DueLists:
    """Overdue, and due within the next few working days, by what is owed next."""
    until = add_working_days(today, DUE_SOON_WORKING_DAYS, region_for(organisation))
    waiting = _with_stages(
        Complaint.objects.for_organisation(organisation)
        .waiting()
        .filter(next_due_on__lte=until)
        .order_by("next_due_on", "id")
    )
    rows = list(waiting)
    return DueLists(
        overdue=[c for c in rows if c.next_due_on and c.next_due_on < today],
        due_soon=[c for c in rows if c.next_due_on and c.next_due_on >= today],
        soon_until=until,
    )


def report_year_default(today: dt.date) -> int:
    """The financial year the annual report shows unless asked: the one today falls in."""
    return today.year if today.month >= 4 else today.year - 1


def owed(complaint: Complaint) -> str:
    """What the council owes next, in words, for the due lists."""
    if complaint.acknowledged_on is None:
        return "Acknowledgement"
    stages = getattr(complaint, "stage_list", None) or list(complaint.stages.all())
    return f"Stage {stages[-1].number} response" if stages else "Response"


def detail(complaint: Complaint) -> dict[str, object]:
    stages = list(
        complaint.stages.select_related("stage", "handler").prefetch_related("extensions")
    )
    return {
        "stages": stages,
        "current": stages[-1] if stages else None,
        "ombudsman_cases": list(complaint.ombudsman_cases.all()),
        "learning": list(complaint.learning.select_related("unit")),
    }
