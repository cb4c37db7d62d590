"""Turn a reviewed preview into a plan, in one transaction, through the plan services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.indicators.importing import save_indicators_from_preview
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan, ProgressStatus, Section
from stocktake.priorities.models import Priority
from stocktake.risks.importing import save_assessments_from_preview, save_risks_from_preview

from .models import ImportRecord
from .naming import proposed_title, section_heading
from .owners import OwnerResolver
from .statuses import read_status

PLAN_ITEMS = {"action", "recommendation"}

_SUPPORTING = {
    "resources": ("resource",),
    "outputs": ("output",),
    "outcomes": ("outcome",),
    "risks": ("risk",),
    "other_services": ("other service", "other_service", "services affected"),
}


class ImportRejected(Exception):
    """The preview cannot be saved as it stands; the message says what the user must give."""


def needs_as_at(preview: dict[str, Any]) -> bool:
    """Whether some update has no date of its own and the paper states none."""
    undated = any(
        u.get("as_at") is None and (u.get("text") or "").strip()
        for item in preview["items"]
        for u in item.get("updates", [])
    )
    return undated and not preview.get("as_at")


def paper_details(metadata: dict[str, Any]) -> str:
    """The paper's key facts ("Project Executive: Steve Phipps") as lines, in its own order."""
    lines = []
    for key, value in metadata.items():
        if key.endswith("_iso") or value in (None, "", []):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append(f"{key.replace('_', ' ').capitalize()}: {shown}")
    return "\n".join(lines)


def guess_kind(preview: dict[str, Any]) -> str:
    title = (preview.get("title") or "").lower()
    for words, kind in [
        ("service plan", Plan.Kind.SERVICE),
        ("improvement plan", Plan.Kind.IMPROVEMENT),
        ("corporate plan", Plan.Kind.CORPORATE),
        ("scrutiny", Plan.Kind.SCRUTINY),
        ("operational plan", Plan.Kind.OPERATIONAL),
    ]:
        if words in title:
            return kind
    kinds = [i["kind"] for i in preview["items"] if i["kind"] in PLAN_ITEMS]
    if kinds and kinds.count("recommendation") * 2 >= len(kinds):
        return Plan.Kind.INSPECTION
    return Plan.Kind.IMPROVEMENT


def iso_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _supporting(item: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in (item.get("supporting") or {}).items():
        for field, words in _SUPPORTING.items():
            if any(w in key.lower() for w in words) and value:
                found[field] = "\n".join([found.get(field, ""), str(value)]).strip()
                break
    return found


def _note(note: Any) -> str:
    if isinstance(note, dict):
        return f"{note.get('column')}: {note.get('text')}" if note.get("column") else str(note)
    return str(note)


def action_fields(item: dict[str, Any]) -> dict[str, Any]:
    """The preview item as keyword arguments for plans.action_create."""
    flags = list(item.get("flags") or [])
    if not item.get("owners") and "unassigned" not in flags:
        flags.append("unassigned")
    status = item.get("progress_status") or ""
    return {
        "kind": Action.Kind.RECOMMENDATION
        if item["kind"] == "recommendation"
        else Action.Kind.ACTION,
        "ref": (item.get("ref") or "")[:30],
        "text": item["text"],
        "due_text": (item.get("due") or "")[:200],
        "owner_text": (item.get("owner") or "")[:300],
        "date_added_text": (item.get("date_added") or "")[:100],
        "priority": "" if "not_prioritised" in flags else str(item.get("priority") or "")[:50],
        "agreement": item.get("agreement") or Action.Agreement.NOT_CONSIDERED,
        "status_text": (item.get("status") or "")[:300],
        # A paper that says nothing about progress has not said the work is not started.
        "progress_status": status if status in ProgressStatus.values else ProgressStatus.UNKNOWN,
        "rag": item.get("rag") or "none",
        "flags": flags,
        "deliverables": "\n".join(item.get("deliverables") or []),
        "internal_note": "\n".join(_note(n) for n in item.get("internal_notes") or []),
        **_supporting(item),
    }


def states_progress(item: dict[str, Any]) -> bool:
    """Whether the status cell says something about progress, not only a chasing note.

    "Date Required" raises a flag on the item; it is not a position the paper stated.
    """
    status = item.get("status") or ""
    return bool(status.strip()) and read_status(status).code is not None


def dated_updates(item: dict[str, Any], as_at: dt.date | None) -> list[dict[str, Any]]:
    """The item's position statements with their dates; the last carries the status."""
    updates = []
    for update in item.get("updates") or []:
        text = (update.get("text") or "").strip()
        if not text:
            continue
        when = iso_date(update.get("as_at")) or as_at
        if when is None:
            raise ImportRejected("The paper gives no date for its current positions: give one")
        updates.append(
            {
                "as_at": when,
                "label": (update.get("label") or "")[:200],
                "position": text,
                "future_action": update.get("future") or "",
            }
        )
    if not updates and states_progress(item) and as_at is not None:
        # A bare status column is still a position stated at the paper's date.
        updates.append({"as_at": as_at, "label": "Status", "position": item["status"]})
    updates.sort(key=lambda u: u["as_at"])
    if updates:
        updates[-1]["progress_status"] = item.get("progress_status") or ""
        updates[-1]["rag"] = item.get("rag") or ""
    return updates


class Builder:
    def __init__(
        self, organisation: Organisation, by: Actor, merges: dict[str, str] | None = None
    ) -> None:
        self.organisation = organisation
        self.by = by
        self.owners = OwnerResolver(organisation, merges)
        self.priorities: dict[str, Priority] = {}
        self.source = ""

    def priorities_from(self, preview: dict[str, Any]) -> None:
        for entry in preview.get("priorities") or []:
            code = str(entry.get("code") or "").strip("() ")
            if not code:
                continue
            found, _ = Priority.objects.get_or_create(
                organisation=self.organisation,
                code=code[:20],
                defaults={
                    "title": entry.get("title") or code,
                    "kind": entry.get("kind") or Priority.Kind.AIM,
                    "parent": self.priorities.get(str(entry.get("parent") or "").strip("() ")),
                },
            )
            self.priorities[code] = found

    def link(self, target: Section | Action, codes: list[str] | None) -> None:
        found = [self.priorities[c] for c in (codes or []) if c in self.priorities]
        if found:
            target.priorities.add(*found)

    def add_owners(self, action: Action, names: list[str]) -> None:
        for name in names:
            owner = self.owners.resolve(name)
            plans.action_owner_add(
                action=action,
                by=self.by,
                person=owner if isinstance(owner, Person) else None,
                post=owner if isinstance(owner, Post) else None,
                organisation=owner if isinstance(owner, Organisation) else None,
            )


def sections_create(plan: Plan, preview: dict[str, Any], builder: Builder) -> dict[str, Section]:
    by_title: dict[str, Section] = {}
    for position, entry in enumerate(preview.get("sections") or []):
        ref, title = section_heading(entry)
        section = plans.section_create(
            plan=plan,
            title=title,
            ref=ref,
            parent=by_title.get(entry.get("parent") or ""),
            position=position,
            by=builder.by,
        )
        builder.link(section, entry.get("priorities"))
        by_title.setdefault(entry["title"], section)
    return by_title


def item_create(
    plan: Plan,
    item: dict[str, Any],
    *,
    position: int,
    section: Section | None,
    as_at: dt.date | None,
    builder: Builder,
) -> Action:
    action = plans.action_create(
        plan=plan, section=section, position=position, by=builder.by, **action_fields(item)
    )
    builder.add_owners(action, item.get("owners") or [])
    builder.link(action, item.get("priorities"))
    for milestone in item.get("milestones") or []:
        added = plans.milestone_add(
            action=action,
            text=milestone.get("text") or "",
            due_text=(milestone.get("due") or "")[:200],
            ref=(milestone.get("ref") or "")[:30],
            by=builder.by,
        )
        if done := iso_date(milestone.get("completed_on")):
            # milestone_add has no completion date to take; the step was done as the paper says.
            added.completed_on = done
            save_recorded(added, builder.by)
    for update in dated_updates(item, as_at):
        plans.action_update_add(action=action, by=builder.by, enforce_rules=False, **update)
    return action


@transaction.atomic
def plan_import(
    *,
    preview: dict[str, Any],
    organisation: Organisation,
    by: Actor,
    kind: str | None = None,
    as_at: dt.date | None = None,
    skip: set[int] | None = None,
    title: str | None = None,
    record: ImportRecord | None = None,
    merges: dict[str, str] | None = None,
) -> ImportRecord:
    """Create a plan from a preview, all or nothing. `skip` holds indexes of items to leave out.

    A reviewed upload passes its record, which then says what became of it. `merges` maps
    owner names the reviewer agreed are one person to the name that person goes by.
    """
    as_at = as_at or iso_date(preview.get("as_at"))
    if as_at is None and needs_as_at(preview):
        raise ImportRejected(
            "The paper does not say what date its current positions describe: give an as-at date"
        )
    builder = Builder(organisation, by, merges)
    builder.priorities_from(preview)
    plan = plans.plan_create(
        organisation=organisation,
        title=(title or proposed_title(preview))[:300],
        kind=kind or guess_kind(preview),
        description=(preview.get("metadata") or {}).get("aim") or "",
        source_document=preview["source"][:300],
        by=by,
    )
    sections = sections_create(plan, preview, builder)
    details = paper_details(preview.get("metadata") or {})
    if details:
        plans.narrative_add(plan=plan, heading="About this paper", text=details, by=by)
    for entry in preview.get("narrative") or []:
        heading, text = entry.get("heading") or "", entry.get("text") or ""
        if heading.strip() or text.strip():
            plans.narrative_add(plan=plan, heading=heading, text=text, by=by)
    counts = {"actions": 0}
    others: dict[str, list[dict[str, Any]]] = {}
    for index, item in enumerate(preview["items"]):
        if index in (skip or set()):
            continue
        section = sections.get(item.get("section") or "")
        if item["kind"] not in PLAN_ITEMS:
            # The registers find the section by the title the plan stores, or by its id.
            named = item | {"section": section.title, "section_id": section.pk} if section else item
            others.setdefault(item["kind"], []).append(named)
            continue
        item_create(plan, item, position=index, section=section, as_at=as_at, builder=builder)
        counts["actions"] += 1
    counts |= registers_save(others, organisation=organisation, plan=plan, by=by, as_at=as_at)
    return record_save(
        record,
        organisation=organisation,
        plan=plan,
        source=preview["source"][:300],
        status=ImportRecord.Status.IMPORTED,
        as_at=as_at,
        preview=preview,
        summary={
            "counts": counts,
            "created": builder.owners.created,
            "skipped": len(skip or ()),
            "merged": builder.owners.merged(),
        },
        by=acting_user(by),
    )


def registers_save(
    others: dict[str, list[dict[str, Any]]],
    *,
    organisation: Organisation,
    plan: Plan,
    by: Actor,
    as_at: dt.date | None,
) -> dict[str, int]:
    """Items that are not plan actions go to their own registers, in the same transaction."""
    counts: dict[str, int] = {}
    if items := others.pop("indicator", []):
        counts["indicators"] = save_indicators_from_preview(
            items=items, organisation=organisation, plan=plan, by=by
        )
    if items := others.pop("risk", []):
        counts["risks"] = save_risks_from_preview(
            items=items, organisation=organisation, plan=plan, by=by, as_at=as_at
        )
    if items := others.pop("equality_assessment", []):
        counts["equality assessments"] = save_assessments_from_preview(
            items=items, organisation=organisation, plan=plan, by=by
        )
    for kind, items in others.items():
        counts[f"{kind} (kept with the import)"] = len(items)
    return counts


def record_save(record: ImportRecord | None, **fields: Any) -> ImportRecord:
    record = record or ImportRecord()
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()
    return record
