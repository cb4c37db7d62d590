"""Plan workflow, published versions and closure, through the same recorded writes as services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from stocktake.accounts.models import Committee
from stocktake.core.recording import Actor, acting_user, save_recorded

from . import rules
from .models import (
    CLOSED_STATUSES,
    Action,
    Evidence,
    Plan,
    PlanTransition,
    PlanVersion,
    ProgressStatus,
    Rag,
)
from .services import action_update_add, today


def _move(
    plan: Plan,
    to_status: str,
    by: Actor,
    *,
    comment: str = "",
    committee: Committee | None = None,
    decided_on: dt.date | None = None,
) -> PlanTransition:
    rules.plan_transition_allowed(plan.status, to_status)
    transition = PlanTransition.objects.create(
        plan=plan,
        from_status=plan.status,
        to_status=to_status,
        comment=comment,
        committee=committee,
        decided_on=decided_on,
        by=acting_user(by),
    )
    plan.status = to_status
    save_recorded(plan, by)
    return transition


@transaction.atomic
def plan_submit(*, plan: Plan, by: Actor, comment: str = "") -> PlanTransition:
    return _move(plan, Plan.Status.SUBMITTED, by, comment=comment)


@transaction.atomic
def plan_return(*, plan: Plan, by: Actor, comment: str) -> PlanTransition:
    rules.return_needs_comment(comment)
    return _move(plan, Plan.Status.RETURNED, by, comment=comment)


@transaction.atomic
def plan_approve(
    *,
    plan: Plan,
    by: Actor,
    committee: Committee | None = None,
    decided_on: dt.date | None = None,
    comment: str = "",
) -> PlanTransition:
    return _move(
        plan,
        Plan.Status.APPROVED,
        by,
        comment=comment,
        committee=committee,
        decided_on=decided_on or today(),
    )


@transaction.atomic
def plan_publish(*, plan: Plan, by: Actor) -> PlanVersion:
    """Publish the approved plan and keep exactly what was published as a numbered version."""
    _move(plan, Plan.Status.PUBLISHED, by)
    number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return PlanVersion.objects.create(
        plan=plan, number=number, published_by=acting_user(by), snapshot=plan_snapshot(plan)
    )


@transaction.atomic
def plan_reopen(*, plan: Plan, by: Actor, comment: str = "") -> PlanTransition:
    """Back to draft for the next round of changes; published versions stay as they were."""
    return _move(plan, Plan.Status.DRAFT, by, comment=comment)


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    sections = [
        {"uuid": str(s.uuid), "ref": s.ref, "title": s.title, "parent": s.parent_id, "id": s.pk}
        for s in plan.sections.order_by("position", "id")
    ]
    actions = [
        {
            "uuid": str(a.uuid),
            "ref": a.ref,
            "text": a.text,
            "section": a.section_id,
            "due": a.due_text,
            "status": a.progress_status,
            "rag": a.rag,
            "owners": [str(o.owner) for o in a.ownerships.all()],
        }
        for a in plan.actions.prefetch_related(
            "ownerships__person", "ownerships__post", "ownerships__organisation"
        ).order_by("position", "id")
    ]
    return {"title": plan.title, "sections": sections, "actions": actions}


def versions_compare(old: PlanVersion, new: PlanVersion) -> dict[str, list[dict[str, Any]]]:
    """Actions added, removed and changed between two published versions, matched by UUID."""
    before = {a["uuid"]: a for a in old.snapshot["actions"]}
    after = {a["uuid"]: a for a in new.snapshot["actions"]}
    changed = []
    for key in before.keys() & after.keys():
        fields = [
            (name, before[key].get(name), after[key].get(name))
            for name in ("ref", "text", "due", "status", "rag", "owners")
            if before[key].get(name) != after[key].get(name)
        ]
        if fields:
            changed.append({"action": after[key], "fields": fields})
    return {
        "added": [after[k] for k in after.keys() - before.keys()],
        "removed": [before[k] for k in before.keys() - after.keys()],
        "changed": sorted(changed, key=lambda c: str(c["action"]["ref"])),
    }


@transaction.atomic
def action_close(
    *,
    action: Action,
    closed_as: str,
    agreed_by: str,
    by: Actor,
    closed_on: dt.date | None = None,
    agreed_on: dt.date | None = None,
    note: str = "",
    superseded_by: Action | None = None,
) -> Action:
    """Close an item as complete, superseded, transferred or cancelled, saying who agreed."""
    if closed_as not in CLOSED_STATUSES:
        raise ValueError(f"{closed_as} is not a way to close an item")
    rules.closure_needs_agreement(agreed_by)
    rules.superseded_needs_successor(
        closed_as, superseded_by.pk if superseded_by else None, action.pk
    )
    closed_on = closed_on or today()
    action.closed_on = closed_on
    action.closure_agreed_by = agreed_by
    action.closure_agreed_on = agreed_on or closed_on
    action.closure_note = note
    action.superseded_by = superseded_by if closed_as == ProgressStatus.SUPERSEDED else None
    save_recorded(action, by)
    label = ProgressStatus(closed_as).label.lower()
    agreed = f"closure agreed by {agreed_by} on {action.closure_agreed_on:%-d %B %Y}"
    successor = f" by {superseded_by.ref or superseded_by.text[:60]}" if superseded_by else ""
    action_update_add(
        action=action,
        as_at=closed_on,
        position=f"Closed as {label}{successor}; {agreed}. {note}".strip(),
        progress_status=closed_as,
        rag=Rag.BLUE if closed_as == ProgressStatus.COMPLETE else "",
        by=by,
    )
    action.refresh_from_db()
    return action


CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".csv": "text/csv",
    ".txt": "text/plain",
}


@transaction.atomic
def evidence_add(
    *, action: Action, title: str, by: Actor, file: UploadedFile | None = None, url: str = ""
) -> Evidence:
    """Attach a checked file (stored through Django's storage API) or a link to an action."""
    evidence = Evidence(
        organisation_id=action.organisation_id,
        action=action,
        title=title,
        url=url,
        added_by=acting_user(by),
    )
    if file is not None:
        suffix = Path(file.name or "").suffix.lower()
        evidence.content_type = CONTENT_TYPES.get(suffix, "application/octet-stream")
        evidence.size = file.size or 0
        evidence.file.save(f"{evidence.uuid}{suffix}", file, save=False)
    evidence.save()
    return evidence
