"""Complaints and consultations summaries for a report, as plain JSON-safe data.

Both are aggregate: the complaints figures come from the complaints app's annual report (its
public function, so the two never disagree), and no complainant, handler, lead officer or
free text from a complaint is ever read into a report. Lists and string keys only, because
a snapshot's data goes through JSON and back: integer keys would come back as strings.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser
from stocktake.complaints import access as complaints_access
from stocktake.complaints.annual import annual_report, financial_year
from stocktake.consultations import access as consultations_access
from stocktake.consultations import selectors as consultations
from stocktake.consultations.models import Consultation


def year_of(day: dt.date) -> int:
    """The financial year (1 April to 31 March) containing the day, named by its first year."""
    return day.year if day.month >= 4 else day.year - 1


def may_read_complaints(user: AnyUser, organisation: Organisation) -> bool:
    return complaints_access.can_read_report(user, organisation)


def complaints_summary(organisation: Organisation, year: int) -> dict[str, Any]:
    report = annual_report(organisation, year)
    numbers = [row["stage"] for row in report["stages"]]
    labels = report["outcome_labels"]
    return {
        "label": report["label"],
        # Report data is kept as JSON (snapshots): dates as ISO text, as for consultations.
        "start": report["start"].isoformat(),
        "end": report["end"].isoformat(),
        "received": report["received"],
        "refused": report["refused"],
        "percent_acknowledged_on_time": report["percent_acknowledged_on_time"],
        "stage_numbers": numbers,
        "outcome_labels": labels,
        "stages": [
            {
                "stage": row["stage"],
                "started": row["started"],
                "answered": row["answered"],
                "on_time": row["on_time"],
                "percent_on_time": row["percent_on_time"],
                "extended": row["extended"],
                "outcomes": [row["outcomes"].get(label, 0) for label in labels],
            }
            for row in report["stages"]
        ],
        "services": [
            {
                "service": row["service"],
                "received": row["received"],
                "stages": [row["stages"].get(n, 0) for n in numbers],
            }
            for row in report["services"]
        ],
        "ombudsman": {
            "referred": report["ombudsman"]["referred"],
            "decisions": [[str(k), n] for k, n in report["ombudsman"]["decisions"].items()],
        },
        # What changed is free text written about one complaint: counted, never quoted.
        "learning": len(report["learning"]),
    }


def _in_period(start: dt.date, end: dt.date) -> Q:
    """Open at some time in the period; a missing date stands in for the other one."""
    opens_by_end = Q(opens_on__lte=end) | Q(opens_on__isnull=True, closes_on__lte=end)
    closes_after_start = Q(closes_on__gte=start) | Q(closes_on__isnull=True, opens_on__gte=start)
    return opens_by_end & closes_after_start


def _public_url(consultation: Consultation) -> str:
    path = reverse("consultations:public_detail", args=[consultation.uuid])
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def consultations_summary(
    organisation: Organisation, year: int, *, user: AnyUser, public: bool
) -> dict[str, Any]:
    """Consultations open in the year by status, with their "you said, we did" counts.

    Anyone the consultation planner is closed to (the public above all) gets the counts by
    status but a list of published consultations only: a planned one may not be announced.
    """
    start, end = financial_year(year)
    found = list(
        consultations.register(organisation)
        .filter(_in_period(start, end))
        .annotate(feedback_lines=Count("feedback"))
        .order_by("opens_on", "closes_on", "title", "id")
    )
    everything = not public and consultations_access.can_read(user, organisation.pk)
    statuses = Counter(c.status for c in found)
    published = Consultation.Status.OUTCOME_PUBLISHED
    return {
        "label": f"{year}/{(year + 1) % 100:02d}",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "total": len(found),
        "by_status": [
            [str(label), statuses.get(value, 0)] for value, label in Consultation.Status.choices
        ],
        "feedback_lines": sum(c.feedback_lines for c in found),
        "with_feedback": sum(1 for c in found if c.feedback_lines),
        "published": statuses.get(published, 0),
        "listed": "all" if everything else "published",
        "items": [
            {
                "title": c.title,
                "status": str(c.get_status_display()),
                "opens": c.opens_on.isoformat() if c.opens_on else "",
                "closes": c.closes_on.isoformat() if c.closes_on else "",
                "feedback": c.feedback_lines,
                "url": _public_url(c) if c.status == published else "",
            }
            for c in found
            if everything or c.status == published
        ],
    }


SummaryTable = tuple[list[str], list[list[Any]]]


def complaints_tables(complaints: dict[str, Any]) -> dict[str, SummaryTable]:
    """The complaints summary as titled tables (header, rows), for Excel sheets and Word."""
    return {
        "Complaints by stage": (
            ["Stage", "Started", "Answered", "On time", "% on time", "Extended"]
            + complaints["outcome_labels"],
            [
                [
                    f"Stage {s['stage']}",
                    s["started"],
                    s["answered"],
                    s["on_time"],
                    _percent(s["percent_on_time"]),
                    s["extended"],
                    *s["outcomes"],
                ]
                for s in complaints["stages"]
            ],
        ),
        "Complaints by service": (
            ["Service", "Received", *[f"Stage {n}" for n in complaints["stage_numbers"]]],
            [[s["service"], s["received"], *s["stages"]] for s in complaints["services"]],
        ),
        "Ombudsman decisions": (
            ["Decision", "Cases"],
            [[k, n] for k, n in complaints["ombudsman"]["decisions"]],
        ),
    }


def consultations_tables(summary: dict[str, Any]) -> dict[str, SummaryTable]:
    return {
        "Consultations by status": (["Status", "Consultations"], summary["by_status"]),
        "Consultations": (
            ["Consultation", "Status", "Opens", "Closes", "You said, we did", "Published at"],
            [
                [i["title"], i["status"], i["opens"], i["closes"], i["feedback"], i["url"]]
                for i in summary["items"]
            ],
        ),
    }


def summary_rows(data: dict[str, Any]) -> dict[str, SummaryTable]:
    """Every summary table in the report, in order."""
    tables: dict[str, SummaryTable] = {}
    if data.get("complaints"):
        tables |= complaints_tables(data["complaints"])
    if data.get("consultations"):
        tables |= consultations_tables(data["consultations"])
    return tables


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"
