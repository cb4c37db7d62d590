"""What a provisional update would change, beside what stands now, so a reviewer signs off
knowing exactly what they accept."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from stocktake.plans.models import ProgressUpdate, UpdateState


@dataclass(frozen=True)
class Change:
    """One field of an update: `kind` says how to show the values (status, rag or text)."""

    label: str
    before: str
    after: str
    kind: str = "text"

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _previous(updates: list[ProgressUpdate]) -> dict[int, ProgressUpdate]:
    """For each update, the accepted update of its action just before it: one query."""
    accepted: dict[int, list[ProgressUpdate]] = defaultdict(list)
    found = ProgressUpdate.objects.filter(
        action_id__in={u.action_id for u in updates}, state=UpdateState.VERIFIED
    ).order_by("action_id", "as_at", "created_at", "id")
    for update in found:
        accepted[update.action_id].append(update)
    previous: dict[int, ProgressUpdate] = {}
    for update in updates:
        earlier = [
            p
            for p in accepted[update.action_id]
            if (p.as_at, p.created_at) < (update.as_at, update.created_at)
        ]
        if earlier:
            previous[update.pk] = earlier[-1]
    return previous


def changes_of(updates: list[ProgressUpdate]) -> list[tuple[ProgressUpdate, list[Change]]]:
    """Every field each update sets, with the value it replaces.

    Status and RAG are compared with the action's own, which a provisional update has not yet
    touched; the position and next steps with the last accepted update before it.
    """
    previous = _previous(updates)
    rows: list[tuple[ProgressUpdate, list[Change]]] = []
    for update in updates:
        action, before = update.action, previous.get(update.pk)
        changes: list[Change] = []
        if update.progress_status:
            changes.append(
                Change("Status", action.progress_status, update.progress_status, "status")
            )
        if update.rag:
            changes.append(Change("RAG", action.rag, update.rag, "rag"))
        as_at = f"{update.as_at:%-d %B %Y}"
        changes.append(Change("As at", f"{before.as_at:%-d %B %Y}" if before else "", as_at))
        if update.label:
            changes.append(Change("Period", before.label if before else "", update.label))
        changes.append(Change("Position", before.position if before else "", update.position))
        if update.future_action or (before and before.future_action):
            changes.append(
                Change(
                    "Next steps",
                    before.future_action if before else "",
                    update.future_action,
                )
            )
        if update.change_reason:
            changes.append(Change("Reason for changing a locked period", "", update.change_reason))
        rows.append((update, changes))
    return rows
