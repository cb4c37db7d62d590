"""Assemble a report's data: rows grouped for the layout, and for a performance report the
cover summary, key risks and indicators with their trend series."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from stocktake.accounts.selectors import AnyUser
from stocktake.indicators.access import visible_indicators
from stocktake.indicators.models import Indicator, Measurement, Target
from stocktake.plans.models import ProgressStatus
from stocktake.risks.access import visible_risks
from stocktake.risks.models import Risk

from . import layouts, summaries
from .grouping import Grouper
from .models import Extra, Layout
from .selectors import Spec, earlier_positions, report_actions

_DIRECTIONS = {
    "improving": "Improving",
    "no_change": "No significant change",
    "worsening": "Worsening",
    "not_comparable": "Not comparable",
}
_PI_STATUS = {"green": "Green", "amber": "Amber", "red": "Red", "data_only": "Data only"}


def build_report(
    spec: Spec, *, user: AnyUser, today: dt.date, publisher: AnyUser | None = None
) -> dict[str, Any]:
    """The report's data as `user` may see it. With a publisher, it is built for the public
    (user is anonymous) and the publisher's rights decide whether the complaints summary,
    aggregate and publishable, may go in."""
    earlier = earlier_positions(spec, today=today)
    several = len(spec.plans) > 1
    grouper = Grouper(spec, several)
    groups: dict[str, list[dict[str, Any]]] = {}
    for action in report_actions(spec, today=today):
        row = layouts.row(action, spec, earlier.get(action.pk), today)
        for heading in grouper.headings(action):
            groups.setdefault(heading, []).append(row)
    ordered = grouper.order(groups)
    data: dict[str, Any] = {
        "title": spec.title or _title(spec),
        "layout": spec.layout,
        "layout_name": Layout(spec.layout).label.split(" (")[0],
        "organisation": spec.plans[0].organisation.name if spec.plans else "",
        "plans": [p.title for p in spec.plans],
        "as_at": spec.as_at.isoformat(),
        "compare_on": spec.compare_on.isoformat() if spec.compare_on else None,
        "exceptions": list(spec.exceptions),
        "columns": layouts.columns(spec),
        "groups": [{"heading": h, "rows": rows} for h, rows in ordered],
    }
    if spec.layout == Layout.PERFORMANCE:
        data["summary"] = summary(data["groups"])
        data["risks"] = key_risks(spec, user)
        data["indicators"] = indicators(spec, user)
    data |= extras(spec, user=user, publisher=publisher)
    return data


def extras(spec: Spec, *, user: AnyUser, publisher: AnyUser | None) -> dict[str, Any]:
    if not spec.plans:
        return {}
    organisation = spec.plans[0].organisation
    found: dict[str, Any] = {}
    if Extra.COMPLAINTS in spec.include:
        if summaries.may_read_complaints(publisher or user, organisation):
            found["complaints"] = summaries.complaints_summary(organisation, spec.year)
        else:
            found["complaints_withheld"] = True
    if Extra.CONSULTATIONS in spec.include:
        found["consultations"] = summaries.consultations_summary(
            organisation, spec.year, user=user, public=publisher is not None
        )
    return found


def _title(spec: Spec) -> str:
    name = spec.plans[0].title if len(spec.plans) == 1 else "Plans"
    return f"{name}: position at {spec.as_at:%-d %B %Y}"


def summary(groups: list[dict[str, Any]]) -> dict[str, Any]:
    # A row under several council priorities is still one item: count it once.
    rows = list({r["uuid"]: r for g in groups for r in g["rows"]}.values())
    statuses = Counter(r["status"] for r in rows)
    rags = Counter(r["rag"] for r in rows)
    labels = dict(ProgressStatus.choices)
    return {
        "total": len(rows),
        "overdue": sum(1 for r in rows if r["overdue"]),
        "by_status": [[str(labels.get(s, s)), n] for s, n in statuses.most_common()],
        "by_rag": [
            [layouts.RAG_WORDS.get(k) or "No RAG", rags.get(k, 0)] for k in layouts.RAG_WORDS
        ],
    }


def key_risks(spec: Spec, user: AnyUser, limit: int = 5) -> list[dict[str, Any]]:
    if not spec.plans:
        return []
    risks = (
        Risk.objects.for_organisation(spec.plans[0].organisation_id)
        .open()
        .filter(visible_risks(user), plan__in=spec.plans)
        .select_related("matrix", "owner_person", "owner_post")
        .order_by("-residual_score", "position", "id")[:limit]
    )
    return [
        {
            "ref": r.ref,
            "title": r.title,
            "score": r.residual_score,
            "band": r.residual_band,
            "owner": r.owner_person.name
            if r.owner_person
            else (r.owner_post.title if r.owner_post else r.owner_text),
            "mitigation": r.mitigation,
        }
        for r in risks
    ]


def indicators(spec: Spec, user: AnyUser) -> list[dict[str, Any]]:
    """Indicators attached to the plans, with the stored status, arrow, reason and trend."""
    if not spec.plans:
        return []
    found = list(
        Indicator.objects.for_organisation(spec.plans[0].organisation_id)
        .filter(visible_indicators(user), plan__in=spec.plans)
        .select_related("definition")
        .with_latest()
        .order_by("definition__code", "position", "id")
    )
    if spec.exceptions:
        found = [i for i in found if getattr(i, "latest_status", "") == "red"]
    series: dict[int, list[Measurement]] = defaultdict(list)
    for m in Measurement.objects.filter(indicator__in=found, period_end__lte=spec.as_at).order_by(
        "period_end", "period_start"
    ):
        series[m.indicator_id].append(m)
    targets: dict[int, list[Target]] = defaultdict(list)
    for t in Target.objects.filter(indicator__in=found, is_primary=True):
        targets[t.indicator_id].append(t)
    return [_indicator(i, series[i.pk], targets[i.pk]) for i in found]


def _target_for(targets: list[Target], m: Measurement) -> float | None:
    for t in targets:
        if (
            t.period_start <= m.period_start
            and m.period_end <= t.period_end
            and t.value is not None
        ):
            return float(t.value)
    return None


def _indicator(i: Any, rows: list[Measurement], targets: list[Target]) -> dict[str, Any]:
    latest = rows[-1] if rows else None
    style = i.definition.style
    explanation = (latest.explanation if latest else {}) or {}
    status = latest.status if latest else "no_data"
    return {
        "code": i.definition.code,
        "title": i.definition.title,
        "status": status,
        "status_label": _PI_STATUS.get(status, "No data"),
        "direction": _DIRECTIONS.get(latest.direction if latest else "", "Not comparable"),
        "period": latest.period_label if latest else "",
        "value": (
            latest.value_text or (style.show(latest.value) if latest.value is not None else "")
        )
        if latest
        else "",
        "explanation": _sentence(explanation, "status"),
        "note": latest.note if latest else "",
        "trend": {
            "labels": [m.period_label for m in rows],
            "values": [float(m.value) if m.value is not None else None for m in rows],
            "targets": [_target_for(targets, m) for m in rows],
            "unit": "%" if i.definition.data_type == "percentage" else i.definition.unit,
        },
    }


def _sentence(explanation: dict[str, Any], key: str) -> str:
    part = explanation.get(key) if isinstance(explanation, dict) else None
    if isinstance(part, dict):
        return str(part.get("sentence") or "")
    return str(explanation.get("sentence") or "") if isinstance(explanation, dict) else ""
