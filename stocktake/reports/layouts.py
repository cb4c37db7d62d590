"""The seed papers' table layouts, rebuilt from data as at a date.

A report is plain data (JSON-safe) so the same rows feed the page, PDF, Word, Excel, CSV and
the published snapshot. Internal notes are never read here, so they cannot leak.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stocktake.plans.models import Action, ActionOwner, ProgressStatus

from .models import Layout
from .selectors import Spec

RAG_WORDS = {"blue": "Complete", "green": "Green", "amber": "Amber", "red": "Red", "none": ""}
_RAG_RANK = {"red": 0, "amber": 1, "green": 2, "blue": 3}
AGREED = {"agreed": "Yes", "partly_agreed": "Partly", "not_agreed": "No", "not_considered": ""}
NO_CORRECTIVE_ACTION = "None recorded: a red item needs a corrective action"


def columns(spec: Spec) -> list[str]:
    if spec.layout == Layout.PROGRESS:
        then = [f"Situation @ {spec.compare_on:%B %Y}"] if spec.compare_on else []
        return ["Recommendation", *then, "Current position", "Future action"]
    if spec.layout == Layout.ACTIONS:
        return [
            "Action No",
            "Action",
            "Target Date",
            "Lead Officer",
            "Task Status",
            "Update",
            "Deliverables",
        ]
    if spec.layout == Layout.UPDATE:
        return [
            "Recommendation Reference",
            "Recommendation Details",
            "Priority",
            "Responsibility",
            "Agreed",
            "Comments",
            "Anticipated Implementation Date",
        ]
    return [
        "Ref",
        "Item",
        "Lead officer",
        "Due",
        "Status",
        "RAG",
        "Direction",
        "Commentary",
        "Corrective action",
        "Last updated",
    ]


def owner_names(action: Action) -> str:
    names = [_owner(o) for o in action.ownerships.all()]
    return ", ".join(names) if names else action.owner_text


def _owner(ownership: ActionOwner) -> str:
    if ownership.person is not None:
        return ownership.person.name
    if ownership.post is not None:
        holders = getattr(ownership.post, "current", [])
        return (
            f"{ownership.post.title} ({holders[0].person.name})"
            if holders
            else ownership.post.title
        )
    return ownership.organisation.name if ownership.organisation else ""


def status_words(action: Any, spec: Spec, today: dt.date) -> str:
    """The status as written in the paper while it still holds, else the canonical label."""
    shown = action.status_shown
    if not action.status_text and shown == action.progress_status in ("not_started", "unknown"):
        return ""  # nobody stated a status: the default is not news, as in the paper's blank
    if action.status_text and (spec.as_at >= today or shown == action.progress_status):
        return str(action.status_text)
    return str(ProgressStatus(shown).label) if shown in ProgressStatus.values else str(shown)


def direction(now: str, then: str | None) -> str:
    if then is None or now not in _RAG_RANK or then not in _RAG_RANK:
        return "Not comparable"
    if _RAG_RANK[now] > _RAG_RANK[then]:
        return "Improving"
    if _RAG_RANK[now] < _RAG_RANK[then]:
        return "Worsening"
    return "No change"


def cells(action: Any, spec: Spec, earlier: dict[str, Any] | None, today: dt.date) -> list[str]:
    position = action.last_update_position or ""
    if spec.layout == Layout.PROGRESS:
        text = f"{action.ref} {action.text}".strip()
        if spec.compare_on is None:
            return [text, position, action.last_update_future or ""]
        then = earlier or {}
        # Only a position stated since the comparison date counts as the current one.
        same = (then.get("last_update_as_at"), then.get("last_update_position")) == (
            action.last_update_as_at,
            action.last_update_position,
        )
        current = "" if same else position
        return [
            text,
            then.get("last_update_position") or "",
            current,
            action.last_update_future or "",
        ]
    status = status_words(action, spec, today)
    if spec.layout == Layout.ACTIONS:
        # A bare status imported as a position says nothing the Task Status column does not.
        update = "" if position.strip() == (action.status_text or "").strip() else position
        return [
            action.ref,
            action.text,
            action.due_text_as_at or "",
            owner_names(action),
            status,
            update,
            action.deliverables,
        ]
    if spec.layout == Layout.UPDATE:
        return [
            action.ref,
            action.text,
            action.priority,
            owner_names(action),
            AGREED.get(action.agreement, ""),
            position,
            action.due_text_as_at or "",
        ]
    rag = action.rag_shown
    corrective = action.last_update_future or ""
    if rag == "red" and not corrective.strip():
        corrective = NO_CORRECTIVE_ACTION
    then_rag = earlier.get("rag_shown") if earlier else None
    return [
        action.ref,
        action.text,
        owner_names(action),
        action.due_text_as_at or "",
        status,
        RAG_WORDS.get(rag, ""),
        direction(rag, then_rag),
        position,
        corrective,
        freshness(action.last_update_as_at, spec.as_at),
    ]


def freshness(updated: dt.date | None, as_at: dt.date) -> str:
    """How old the position is at the report's date, so a stale "green" reads as stale."""
    if updated is None:
        return "Never updated"
    days = (as_at - updated).days
    when = f"{updated:%-d %b %Y}"
    if days <= 0:
        return when
    return f"{when} ({days} day{'s' if days != 1 else ''} before)"


def group_heading(action: Any, spec: Spec, several_plans: bool) -> str:
    if spec.group_by == "plan":
        return str(action.plan.title)
    if spec.group_by == "service":
        unit = action.unit or action.plan.unit
        return unit.name if unit else "No service recorded"
    if spec.group_by == "owner":
        return owner_names(action) or "No owner recorded"
    section = action.section.display_title if action.section else ""
    if several_plans:
        return f"{action.plan.title}: {section}" if section else str(action.plan.title)
    return section


def row(action: Any, spec: Spec, earlier: dict[str, Any] | None, today: dt.date) -> dict[str, Any]:
    return {
        "uuid": str(action.uuid),
        "ref": action.ref,
        "rag": action.rag_shown,
        "status": action.status_shown,
        "overdue": bool(action.is_overdue),
        "last_update": action.last_update_as_at.isoformat() if action.last_update_as_at else None,
        "cells": cells(action, spec, earlier, today),
    }
