"""The annual complaints report: aggregate figures only, so it may be published as it is.

A year is the council's financial year (1 April to 31 March), named by its first year.
Stage figures count stages started in the year; on-time is measured against the due date
after any agreed extension, as the codes require.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from stocktake.accounts.models import Organisation
from stocktake.customers.models_feedback import AgeBand

from .models import Complaint, ComplaintStage, Learning, OmbudsmanCase
from .models_handling import Outcome

# Equality counts this small could point to a person in a published report; they are shown
# as "fewer than 5", as official statistics do.
SUPPRESS_BELOW = 5
DISABLED = {True: "Yes", False: "No", None: "Not asked or not said"}


def _published(counts: Counter[str]) -> dict[str, str]:
    return {
        answer: str(count) if count >= SUPPRESS_BELOW else f"fewer than {SUPPRESS_BELOW}"
        for answer, count in sorted(counts.items())
    }


def equality_published(
    ages: Counter[str], disabled: Counter[bool | None]
) -> dict[str, dict[str, str]]:
    """Complainants by age band (its value) and disability answer, worded, with small counts
    suppressed: what any page or report may show."""
    bands = dict(AgeBand.choices)
    worded_ages: Counter[str] = Counter()
    for band, count in ages.items():
        worded_ages[str(bands.get(band, "Not asked"))] += count
    worded = Counter({DISABLED[answer]: count for answer, count in disabled.items()})
    return {
        "Age band": _published(worded_ages),
        "Considers themselves disabled": _published(worded),
    }


def _who_complained(complaints: list[Complaint]) -> dict[str, dict[str, str]]:
    ages = Counter(c.age_band for c in complaints)
    return equality_published(ages, Counter(c.disabled for c in complaints))


def financial_year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _stage_rows(stages: list[ComplaintStage]) -> list[dict[str, Any]]:
    by_number: dict[int, list[ComplaintStage]] = defaultdict(list)
    for stage in stages:
        by_number[stage.number].append(stage)
    rows = []
    for number in sorted(by_number):
        group = by_number[number]
        answered = [s for s in group if s.responded_on is not None]
        on_time = sum(1 for s in answered if s.on_time)
        outcomes = Counter(s.outcome for s in answered)
        rows.append(
            {
                "stage": number,
                "started": len(group),
                "answered": len(answered),
                "on_time": on_time,
                "percent_on_time": _percent(on_time, len(answered)),
                "extended": sum(1 for s in group if s.extension_days),
                "outcomes": {
                    str(label): outcomes.get(value, 0) for value, label in Outcome.choices
                },
            }
        )
    return rows


def _service_rows(
    complaints: list[Complaint], stages: list[ComplaintStage]
) -> list[dict[str, Any]]:
    received = Counter(c.service_label for c in complaints)
    per_stage: dict[str, Counter[int]] = defaultdict(Counter)
    for stage in stages:
        per_stage[stage.complaint.service_label][stage.number] += 1
    names = sorted(set(received) | set(per_stage))
    return [
        {"service": name, "received": received.get(name, 0), "stages": dict(per_stage[name])}
        for name in names
    ]


def annual_report(organisation: Organisation, year: int) -> dict[str, Any]:
    start, end = financial_year(year)
    complaints = list(
        Complaint.objects.for_organisation(organisation)
        .filter(received_on__range=(start, end))
        .select_related("unit")
    )
    stages = list(
        ComplaintStage.objects.filter(
            complaint__organisation=organisation, started_on__range=(start, end)
        ).select_related("complaint__unit")
    )
    cases = list(
        OmbudsmanCase.objects.filter(
            complaint__organisation=organisation, referred_on__range=(start, end)
        )
    )
    learning = list(
        Learning.objects.filter(
            complaint__organisation=organisation, changed_on__range=(start, end)
        ).select_related("unit", "complaint__unit")
    )
    acknowledged = [c for c in complaints if c.acknowledged_on is not None]
    ack_on_time = sum(
        1 for c in acknowledged if c.acknowledged_on and c.acknowledged_on <= c.acknowledge_due_on
    )
    rated = [c.satisfaction for c in complaints if c.satisfaction is not None]
    decisions = Counter(c.get_decision_display() for c in cases)
    return {
        "organisation": organisation.name,
        "year": year,
        "label": f"{year}/{(year + 1) % 100:02d}",
        "start": start,
        "end": end,
        "received": len(complaints),
        "refused": sum(1 for c in complaints if c.status == Complaint.Status.REFUSED),
        "acknowledged": len(acknowledged),
        "acknowledged_on_time": ack_on_time,
        "percent_acknowledged_on_time": _percent(ack_on_time, len(acknowledged)),
        "outcome_labels": [str(label) for label in Outcome.labels],
        "stages": _stage_rows(stages),
        "services": _service_rows(complaints, stages),
        "ombudsman": {"referred": len(cases), "decisions": dict(sorted(decisions.items()))},
        "who_complained": _who_complained(complaints),
        "satisfaction": {
            "answers": len(rated),
            "percent_satisfied": _percent(sum(1 for r in rated if r >= 4), len(rated)),
        },
        "learning": [
            {
                "service": item.unit.name if item.unit else item.complaint.service_label,
                "what_changed": item.what_changed,
                "changed_on": item.changed_on.isoformat(),
            }
            for item in learning
        ],
    }
