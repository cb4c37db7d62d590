"""Every write to plans goes through here, inside a transaction, recording who did it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.core.fuzzydates import parse_fuzzy_date
from stocktake.core.recording import Actor, acting_user, delete_recorded, save_recorded

from . import rules
from .models import (
    Action,
    ActionOwner,
    DueRevision,
    Milestone,
    NarrativeSection,
    Plan,
    ProgressUpdate,
    Section,
    UpdateState,
)


def today() -> dt.date:
    return timezone.localdate()


@transaction.atomic
def plan_create(
    *,
    organisation: Organisation,
    title: str,
    by: Actor,
    kind: str = Plan.Kind.IMPROVEMENT,
    unit: Unit | None = None,
    **fields: Any,
) -> Plan:
    plan = Plan(organisation=organisation, title=title, kind=kind, unit=unit, **fields)
    save_recorded(plan, by)
    return plan


@transaction.atomic
def section_create(
    *,
    plan: Plan,
    title: str,
    by: Actor,
    ref: str = "",
    parent: Section | None = None,
    kind: str = Section.Kind.GROUP,
    position: int | None = None,
) -> Section:
    if position is None:
        position = plan.sections.count()
    section = Section(
        organisation_id=plan.organisation_id,
        plan=plan,
        title=title,
        ref=ref,
        parent=parent,
        kind=kind,
        position=position,
    )
    save_recorded(section, by)
    return section


@transaction.atomic
def action_create(
    *,
    plan: Plan,
    text: str,
    by: Actor,
    ref: str = "",
    section: Section | None = None,
    due_text: str = "",
    owners: Iterable[Person] = (),
    position: int | None = None,
    **fields: Any,
) -> Action:
    due = parse_fuzzy_date(due_text)
    if position is None:
        position = plan.actions.count()
    action = Action(
        organisation_id=plan.organisation_id,
        plan=plan,
        section=section,
        ref=ref,
        text=text,
        position=position,
        due_text=due_text,
        due_date=due.end,
        due_start=due.start,
        due_precision=due.precision.value,
        original_due_text=due_text,
        original_due_date=due.end,
        **fields,
    )
    if not fields.get("date_added") and fields.get("date_added_text"):
        action.date_added = parse_fuzzy_date(fields["date_added_text"]).start
    save_recorded(action, by)
    for person in owners:
        action_owner_add(action=action, person=person, by=by)
    return action


@transaction.atomic
def action_owner_add(
    *,
    action: Action,
    by: Actor,
    person: Person | None = None,
    post: Post | None = None,
    organisation: Organisation | None = None,
    kind: str = ActionOwner.Kind.ACCOUNTABLE,
) -> ActionOwner:
    """Add a person, a post or an organisation as an owner (exactly one of the three)."""
    found = ActionOwner.objects.filter(
        action=action, person=person, post=post, organisation=organisation, kind=kind
    ).first()
    if found is not None:
        return found
    ownership = ActionOwner(
        action=action, person=person, post=post, organisation=organisation, kind=kind
    )
    save_recorded(ownership, by)
    return ownership


class ActionChanged(Exception):
    """Someone saved the action after this edit began: saving would overwrite their change."""


@transaction.atomic
def action_edit(
    *, action: Action, by: Actor, unchanged_since: dt.datetime | None = None, **changes: Any
) -> Action:
    """Change an action's own fields. Due dates change only through action_due_revise.

    With `unchanged_since` (the action's updated_at when the editor loaded it) the edit is refused
    with ActionChanged if the action has been saved since: optimistic locking for the edit page.
    """
    if unchanged_since is not None:
        # One conditional UPDATE is the check and the claim at once: a second editor's UPDATE waits
        # for the first's transaction, then matches no row, on SQLite and PostgreSQL alike.
        claimed = Action.objects.filter(pk=action.pk, updated_at=unchanged_since).update(
            updated_at=timezone.now()
        )
        if not claimed:
            raise ActionChanged(action.uuid)
    if "text" in changes:
        rules.action_needs_text(changes["text"])
    forbidden = {"due_text", "due_date", "due_start", "original_due_date", "organisation", "plan"}
    if forbidden & changes.keys():
        raise ValueError(f"use action_due_revise to change {sorted(forbidden & changes.keys())}")
    for name, value in changes.items():
        setattr(action, name, value)
    save_recorded(action, by)
    return action


@transaction.atomic
def action_due_revise(
    *,
    action: Action,
    new_due_text: str,
    reason: str,
    by: Actor,
    revised_on: dt.date | None = None,
    agreed_by: str = "",
) -> DueRevision:
    """Move an action's due date, adding an entry to its slippage record."""
    revised_on = revised_on or today()
    rules.due_change_needs_reason(reason)
    last = action.due_revisions.order_by("-revised_on", "-id").first()
    rules.due_change_not_before_last(revised_on, last.revised_on if last else None)
    due = parse_fuzzy_date(new_due_text)
    revision = DueRevision(
        organisation_id=action.organisation_id,
        action=action,
        revised_on=revised_on,
        previous_due_text=action.due_text,
        previous_due_date=action.due_date,
        new_due_text=new_due_text,
        new_due_date=due.end,
        reason=reason,
        agreed_by=agreed_by,
        recorded_by=acting_user(by),
    )
    save_recorded(revision, by)
    action.due_text = new_due_text
    action.due_date = due.end
    action.due_start = due.start
    action.due_precision = due.precision.value
    save_recorded(action, by)
    return revision


@transaction.atomic
def action_update_add(
    *,
    action: Action,
    as_at: dt.date,
    position: str,
    by: Actor,
    future_action: str = "",
    progress_status: str = "",
    rag: str = "",
    label: str = "",
    author: Person | None = None,
    as_at_precision: str = "day",
    enforce_rules: bool = True,
    change_reason: str = "",
) -> ProgressUpdate:
    """Record a dated position statement; the action's status follows its latest update.

    Reporting cycles may lock the period the update is dated in (then `change_reason` is needed)
    or ask for sign-off (then the update starts provisional).
    """
    state = UpdateState.VERIFIED
    if enforce_rules:
        rules.update_needs_position(position)
        rules.update_not_after_today(as_at, today())
        rules.update_not_before(as_at, *earliest_as_at(action))
        state = UpdateState(_cycle_state_for(action, as_at, change_reason))
    update = ProgressUpdate(
        organisation_id=action.organisation_id,
        action=action,
        as_at=as_at,
        as_at_precision=as_at_precision,
        label=label,
        position=position,
        future_action=future_action,
        progress_status=progress_status,
        rag=rag,
        author=author,
        entered_by=acting_user(by),
        change_reason=change_reason.strip(),
        state=state,
    )
    save_recorded(update, by)
    if state == UpdateState.VERIFIED:
        _status_follows(update, by)
    return update


def earliest_as_at(action: Action) -> tuple[dt.date, str]:
    """The earliest date an update can describe, and why: the start of the plan's period, or
    when the action was added where it was carried into the plan before its period began.
    A plan without a period (most imported papers) falls back to a fixed floor."""
    start = action.plan.period_start
    if start is None:
        return rules.EARLIEST_AS_AT, ""
    floor = (start, "when the plan's period starts")
    if action.date_added is not None and action.date_added < start:
        floor = (action.date_added, "when the action was added")
    return floor if floor[0] >= rules.EARLIEST_AS_AT else (rules.EARLIEST_AS_AT, "")


@transaction.atomic
def update_takes_effect(*, update: ProgressUpdate, by: Actor) -> None:
    """A provisional update has been accepted: the action's status follows it now."""
    _status_follows(update, by)


def _status_follows(update: ProgressUpdate, by: Actor) -> None:
    """The action takes the update's status and RAG unless a later position supersedes it.

    Provisional updates wait for sign-off, so a status nobody has accepted never shows as
    the action's own.
    """
    action = update.action
    later = action.updates.filter(as_at__gt=update.as_at).exclude(state=UpdateState.RETURNED)
    if later.exists() or not (update.progress_status or update.rag):
        return
    if update.progress_status:
        action.progress_status = update.progress_status
    if update.rag:
        action.rag = update.rag
    save_recorded(action, by)


def _cycle_state_for(action: Action, as_at: dt.date, reason: str) -> str:
    """Ask the cycles app, when installed; imported here so plans loads without it."""
    if not apps.is_installed("stocktake.cycles"):
        return UpdateState.VERIFIED
    from stocktake.cycles.hooks import update_state_for

    return update_state_for(action, as_at, reason)


@transaction.atomic
def milestone_add(
    *, action: Action, text: str, by: Actor, due_text: str = "", ref: str = ""
) -> Milestone:
    milestone = Milestone(
        organisation_id=action.organisation_id,
        action=action,
        text=text,
        ref=ref,
        due_text=due_text,
        due_date=parse_fuzzy_date(due_text).end,
        position=action.milestones.count(),
    )
    save_recorded(milestone, by)
    return milestone


@transaction.atomic
def action_owners_set(*, action: Action, people: list[Person], by: Actor) -> None:
    """Make the accountable owners exactly these people, recording each change."""
    wanted = {p.pk for p in people}
    for ownership in action.ownerships.filter(
        kind=ActionOwner.Kind.ACCOUNTABLE, person__isnull=False
    ):
        if ownership.person_id not in wanted:
            delete_recorded(ownership, by)
    for person in people:
        action_owner_add(action=action, person=person, by=by)


@transaction.atomic
def narrative_add(*, plan: Plan, heading: str, text: str, by: Actor) -> NarrativeSection:
    section = NarrativeSection(
        organisation_id=plan.organisation_id,
        plan=plan,
        heading=heading,
        text=text,
        position=plan.narrative.count(),
    )
    save_recorded(section, by)
    return section
