"""Action progress updates from an export: dated position statements, in bulk.

Updates keep their audit trail (bulk_create_with_history), dated by the export's as-at date,
not today. Afterwards each action's progress status and RAG follow its latest update, as they
do when an update is typed in. An update already held (same action, date and position) is
not added twice, so an export can be imported again after a fix.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from simple_history.utils import bulk_create_with_history

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan, ProgressUpdate, UpdateState

from . import vocabulary
from .people import People
from .report import Report, quarter_gaps
from .rows import Layout, RefIndex, RowError, business_date

BATCH = 2000
SKIP = "skip"  # a shared reference whose rows are to be left out


class UpdateWriter:
    def __init__(
        self, organisation: Organisation, plan: Plan, mapping: dict[str, Any], by: Actor
    ) -> None:
        self.organisation, self.plan, self.mapping, self.by = organisation, plan, mapping, by
        self.report = Report(kind="updates", source="", dry_run=False)
        self.words: dict[str, str] = mapping.get("statuses") or {}
        self.people = People(organisation)
        self.user = acting_user(by)
        self.actions: RefIndex[Action] = RefIndex(mapping, self.report, lambda a: a.text)
        # A reference two actions share: the officer says on the mapping page which one each
        # of its rows means (an action's UUID), or to leave those rows out.
        self.chosen = {k.casefold(): v for k, v in (mapping.get("refs") or {}).items()}
        for action in Action.objects.filter(plan=plan, organisation=organisation):
            self.actions.add(action.ref, action)
        self.pending: list[ProgressUpdate] = []
        self.seen: set[tuple[int, Any, str]] = set()
        self.touched: set[int] = set()

    def _action(self, layout: Layout, cells: list[str], where: str) -> Action | None:
        ref = layout.cell(cells, "ref").strip()
        if not ref:
            raise RowError("no action reference")
        choice = self.chosen.get(ref.casefold())
        for action in self.actions.by_ref.get(ref.casefold(), []) if choice else []:
            if str(action.uuid) == choice:
                return action
        found, create = self.actions.find(
            ref,
            where,
            several=f"ref {ref} matches {{n}} actions: {{items}}. Say which one it means on "
            "the mapping page, or leave these rows out",
            absent=f"no action {ref} in {self.plan.title}",
        )
        if not create:
            return found
        action = plans.action_create(
            plan=self.plan,
            ref=ref,
            text=layout.cell(cells, "title") or f"Action {ref} (imported)",
            flags=["imported"],
            by=self.by,
        )
        for owner in self.people.owners(layout.cell(cells, "owner")):
            if isinstance(owner, Person):
                plans.action_owner_add(action=action, person=owner, by=self.by)
            elif isinstance(owner, Post):
                plans.action_owner_add(action=action, post=owner, by=self.by)
            else:
                plans.action_owner_add(action=action, organisation=owner, by=self.by)
        self.report.created["actions"] += 1
        self.actions.add(ref, action)
        return action

    def add(self, layout: Layout, where: str, cells: list[str]) -> None:
        if self.chosen.get(layout.cell(cells, "ref").strip().casefold()) == SKIP:
            self.report.skipped += 1
            return
        action = self._action(layout, cells, where)
        position = layout.cell(cells, "position").strip()
        date_text = layout.cell(cells, "date")
        if not date_text:
            raise RowError("no as-at date")
        as_at, precision = business_date(date_text)
        if not position:
            raise RowError("no position (the update's commentary)")
        if action is None:
            return
        progress, rag = "", ""
        for name in ("status", "rag"):
            word = layout.cell(cells, name)
            found = vocabulary.token(word, self.words)
            family, _, value = found.partition(":")
            if family == "progress":
                progress = value
            elif family == "rag":
                rag = value
            elif word:
                self.report.warn(f"{where}: status “{word}” is not mapped; kept in the position")
                position = f"{position}\n(Status in the previous system: {word})"
        key = (action.pk, as_at, position)
        if key in self.seen:
            self.report.unchanged["progress updates"] += 1
            return
        self.seen.add(key)
        author_name = layout.cell(cells, "author")
        author = self.people.author(author_name)
        self.pending.append(
            ProgressUpdate(
                organisation_id=self.organisation.pk,
                action=action,
                as_at=as_at,
                as_at_precision=precision,
                label="" if author or not author_name else f"By {author_name}"[:200],
                position=position,
                future_action=layout.cell(cells, "future_action"),
                progress_status=progress,
                rag=rag,
                author=author,
                entered_by=self.user,
                state=UpdateState.VERIFIED,
            )
        )
        self.report.covers_day(as_at)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.report.blocked or not self.pending:
            self.pending.clear()
            return
        ids = {u.action_id for u in self.pending}
        held = set(
            ProgressUpdate.objects.filter(action_id__in=ids).values_list(
                "action_id", "as_at", "position"
            )
        )
        new = [u for u in self.pending if (u.action_id, u.as_at, u.position) not in held]
        self.report.unchanged["progress updates"] += len(self.pending) - len(new)
        self.report.created["progress updates"] += len(new)
        bulk_create_with_history(new, ProgressUpdate, batch_size=BATCH, default_user=self.user)
        self.touched.update(ids)
        self.pending.clear()

    def finish(self) -> None:
        self.flush()
        for created in self.people.created:
            self.report.created[f"{created.split()[0]}s"] += 1
        dates: dict[int, list[Any]] = defaultdict(list)
        latest: dict[int, dict[str, str]] = defaultdict(dict)
        rows = ProgressUpdate.objects.filter(action_id__in=self.touched).order_by("as_at", "id")
        for action_id, as_at, progress, rag in rows.values_list(
            "action_id", "as_at", "progress_status", "rag"
        ):
            dates[action_id].append(as_at)
            if progress:
                latest[action_id]["progress_status"] = progress
            if rag:
                latest[action_id]["rag"] = rag
        for action in Action.objects.filter(pk__in=self.touched):
            now = latest[action.pk]
            if any(getattr(action, k) != v for k, v in now.items()):
                for name, value in now.items():
                    setattr(action, name, value)
                save_recorded(action, self.by)
                self.report.changed["actions' status from their latest update"] += 1
            missing = quarter_gaps(dates[action.pk])
            if missing:
                self.report.gap(f"Action {action.ref}: no update in {', '.join(missing[:12])}")
