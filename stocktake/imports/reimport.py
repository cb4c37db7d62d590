"""A newer version of a paper updates the plan it came from: nothing duplicated, nothing lost.

Items match by ref where the ref is unique on both sides, otherwise by the closest text. Changed
positions become new dated updates, changed due dates become slippage revisions, and new items
are added. Items the new paper no longer lists are left alone and reported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db import transaction
from rapidfuzz import fuzz

from stocktake.core.recording import Actor, acting_user
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan, Section

from .models import ImportRecord
from .naming import section_heading
from .save import (
    PLAN_ITEMS,
    Builder,
    ImportRejected,
    dated_updates,
    iso_date,
    item_create,
    needs_as_at,
    record_save,
)

SIMILAR_ENOUGH = 85


def _match(items: list[dict[str, Any]], actions: list[Action]) -> dict[int, Action]:
    matched: dict[int, Action] = {}
    taken: set[int] = set()
    paper_refs = Counter(i.get("ref") for i in items if i.get("ref"))
    plan_refs = Counter(a.ref for a in actions if a.ref)
    by_ref = {a.ref: a for a in actions if a.ref and plan_refs[a.ref] == 1}
    for index, item in enumerate(items):
        ref = item.get("ref")
        if ref and paper_refs[ref] == 1 and ref in by_ref:
            matched[index] = by_ref[ref]
            taken.add(by_ref[ref].pk)
    for index, item in enumerate(items):
        if index in matched:
            continue
        candidates = [a for a in actions if a.pk not in taken]
        scored = [(fuzz.token_set_ratio(item["text"], a.text), a) for a in candidates]
        scored = [(s, a) for s, a in scored if s >= SIMILAR_ENOUGH]
        if scored:
            best = max(scored, key=lambda pair: pair[0])[1]
            matched[index] = best
            taken.add(best.pk)
    return matched


def _refresh(action: Action, item: dict[str, Any], as_at: dt.date | None, builder: Builder) -> bool:
    changed = False
    known = {(u.as_at, u.position.strip()) for u in action.updates.all()}
    updates = dated_updates(item, as_at)
    restated = not item.get("updates") and (item.get("status") or "") == action.status_text
    if restated:
        # The same bare status said again at a later date is not news.
        updates = []
    elif not item.get("updates") and item.get("status"):
        plans.action_edit(action=action, status_text=item["status"][:300], by=builder.by)
    for update in updates:
        if (update["as_at"], update["position"].strip()) not in known:
            plans.action_update_add(action=action, by=builder.by, enforce_rules=False, **update)
            changed = True
    due = (item.get("due") or "").strip()
    if due and " ".join(due.split()) != " ".join(action.due_text.split()):
        last = action.due_revisions.order_by("-revised_on").first()
        when = as_at or plans.today()
        if last and last.revised_on > when:
            when = last.revised_on
        plans.action_due_revise(
            action=action,
            new_due_text=due[:200],
            revised_on=when,
            reason=f"Changed in {builder.source}",
            by=builder.by,
        )
        changed = True
    owned = {str(o.owner).casefold() for o in action.ownerships.all()}
    names = [builder.owners.name_for(n) for n in item.get("owners") or []]
    new_owners = [n for n in dict.fromkeys(names) if n.casefold() not in owned]
    if new_owners:
        builder.add_owners(action, new_owners)
        changed = True
    return changed


@transaction.atomic
def plan_reimport(
    *,
    preview: dict[str, Any],
    plan: Plan,
    by: Actor,
    as_at: dt.date | None = None,
    skip: set[int] | None = None,
    record: ImportRecord | None = None,
    merges: dict[str, str] | None = None,
) -> ImportRecord:
    """Update `plan` from a newer version of its paper; `skip` holds indexes of preview items
    the reviewer left out, which neither add nor change anything. `merges` is as for
    plan_import."""
    as_at = as_at or iso_date(preview.get("as_at"))
    if as_at is None and needs_as_at(preview):
        raise ImportRejected(
            "The paper does not say what date its current positions describe: give an as-at date"
        )
    builder = Builder(plan.organisation, by, merges)
    builder.source = preview["source"]
    builder.priorities_from(preview)
    listed = [(n, i) for n, i in enumerate(preview["items"]) if i["kind"] in PLAN_ITEMS]
    items = [item for _, item in listed]
    left_out = {index for index, (n, _) in enumerate(listed) if n in (skip or set())}
    actions = list(Action.objects.for_plan(plan).prefetch_related("updates", "ownerships"))
    # Left-out items still match, so the actions they match are not reported as dropped.
    matched = _match(items, actions)
    sections = {s.title: s for s in Section.objects.filter(plan=plan)}
    headings = {e["title"]: section_heading(e) for e in preview.get("sections") or []}
    summary: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": [], "skipped": []}
    next_position = max((a.position for a in actions), default=0) + 1
    for index, item in enumerate(items):
        label = f"{item.get('ref') or ''} {item['text'][:60]}".strip()
        if index in left_out:
            summary["skipped"].append(label)
            continue
        if index in matched:
            changed = _refresh(matched[index], item, as_at, builder)
            summary["changed" if changed else "unchanged"].append(label)
            continue
        named = item.get("section") or ""
        ref, title = headings.get(named, ("", named))
        if named in sections:
            # A plan imported before titles were stored without their number.
            title = named
        elif title and title not in sections:
            sections[title] = plans.section_create(plan=plan, title=title, ref=ref, by=by)
        item_create(
            plan,
            item,
            position=next_position,
            section=sections.get(title),
            as_at=as_at,
            builder=builder,
        )
        next_position += 1
        summary["added"].append(label)
    kept = {a.pk for a in matched.values()}
    summary["not_in_paper"] = [
        f"{a.ref} {a.text[:60]}".strip() for a in actions if a.pk not in kept
    ]
    return record_save(
        record,
        organisation=plan.organisation,
        plan=plan,
        source=preview["source"][:300],
        status=ImportRecord.Status.REIMPORTED,
        as_at=as_at,
        preview=preview,
        summary=summary,
        by=acting_user(by),
    )
