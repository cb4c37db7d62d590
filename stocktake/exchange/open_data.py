"""Open data: published plans and public indicators as plain rows, for JSON and CSV alike.

Only what the public pages show: published plans, their actions without internal notes,
verified position statements, and indicators marked public with their values.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from stocktake.indicators.models import Indicator, Measurement
from stocktake.plans.models import Action, Plan, ProgressUpdate, UpdateState

PLAN_FIELDS = [
    "uuid",
    "organisation",
    "title",
    "kind",
    "status",
    "period_text",
    "period_start",
    "period_end",
    "updated_at",
]
ACTION_FIELDS = [
    "uuid",
    "plan",
    "section",
    "ref",
    "text",
    "owner",
    "priority",
    "agreement",
    "due_text",
    "due_date",
    "progress_status",
    "rag",
    "status_text",
    "deliverables",
    "latest_as_at",
    "latest_position",
    "latest_future_action",
]
INDICATOR_FIELDS = [
    "uuid",
    "organisation",
    "code",
    "title",
    "unit",
    "polarity",
    "frequency",
    "latest_period",
    "latest_value",
    "latest_status",
]
MEASUREMENT_FIELDS = [
    "indicator",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "value_text",
    "state",
    "status",
    "direction",
    "note",
]


def _text(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def plan_row(plan: Plan) -> dict[str, Any]:
    return {
        "uuid": str(plan.uuid),
        "organisation": plan.organisation.name,
        "title": plan.title,
        "kind": plan.kind,
        "status": plan.status,
        "period_text": plan.period_text,
        "period_start": _text(plan.period_start),
        "period_end": _text(plan.period_end),
        "updated_at": plan.updated_at.isoformat(),
    }


def published_plans() -> list[dict[str, Any]]:
    plans = Plan.objects.published().select_related("organisation")
    return [plan_row(p) for p in plans.order_by("organisation__name", "title", "id")]


def _updates() -> Prefetch[Any]:
    verified = ProgressUpdate.objects.filter(state=UpdateState.VERIFIED).order_by(
        "as_at", "created_at", "id"
    )
    return Prefetch("updates", queryset=verified, to_attr="public_updates")


def plan_actions(plan: Plan) -> list[dict[str, Any]]:
    actions = (
        Action.objects.for_plan(plan)
        .select_related("section")
        .prefetch_related(_updates())
        .order_by("position", "id")
    )
    rows = []
    for action in actions:
        latest = action.public_updates[-1] if action.public_updates else None  # type: ignore[attr-defined]
        rows.append(
            {
                "uuid": str(action.uuid),
                "plan": str(plan.uuid),
                "section": action.section.display_title if action.section else "",
                "ref": action.ref,
                "text": action.text,
                "owner": action.owner_text,
                "priority": action.priority,
                "agreement": action.agreement,
                "due_text": action.due_text,
                "due_date": _text(action.due_date),
                "progress_status": action.progress_status,
                "rag": action.rag,
                "status_text": action.status_text,
                "deliverables": action.deliverables,
                "latest_as_at": _text(latest.as_at) if latest else None,
                "latest_position": latest.position if latest else "",
                "latest_future_action": latest.future_action if latest else "",
                "updates": [
                    {
                        "as_at": u.as_at.isoformat(),
                        "label": u.label,
                        "position": u.position,
                        "future_action": u.future_action,
                        "progress_status": u.progress_status,
                        "rag": u.rag,
                    }
                    for u in action.public_updates  # type: ignore[attr-defined]
                ],
            }
        )
    return rows


def public_indicators() -> list[dict[str, Any]]:
    indicators = (
        Indicator.objects.filter(is_public=True)
        .with_latest()
        .select_related("organisation", "definition")
        .order_by("organisation__name", "position", "id")
    )
    return [
        {
            "uuid": str(i.uuid),
            "organisation": i.organisation.name,
            "code": i.definition.code,
            "title": i.definition.title,
            "unit": i.definition.unit,
            "polarity": i.definition.polarity,
            "frequency": i.definition.frequency,
            "latest_period": i.latest_period,  # type: ignore[attr-defined]
            "latest_value": _text(i.latest_value),  # type: ignore[attr-defined]
            "latest_status": i.latest_status,  # type: ignore[attr-defined]
        }
        for i in indicators
    ]


def indicator_values(indicator: Indicator) -> list[dict[str, Any]]:
    rows = Measurement.objects.filter(
        organisation_id=indicator.organisation_id, indicator=indicator
    ).order_by("period_start", "period_end")
    return [
        {
            "indicator": str(indicator.uuid),
            "period_label": m.period_label,
            "period_start": m.period_start.isoformat(),
            "period_end": m.period_end.isoformat(),
            "value": _text(m.value),
            "value_text": m.value_text,
            "state": m.state,
            "status": m.status,
            "direction": m.direction,
            "note": m.note,
        }
        for m in rows
    ]
