"""Reads for the plan pages. Each returns in a fixed number of queries, whatever the row count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.utils import timezone

from stocktake.accounts.models import Person, PostHolding, Unit
from stocktake.accounts.selectors import AnyUser

from .access import visible_plans
from .flags import flag_label
from .models import Action, ActionOwner, Plan, Section
from .rows import ActionRow


def owners_prefetch(today: dt.date) -> Prefetch[Any]:
    """Owners with their posts' holders today, so vacant posts show, in two fixed queries."""
    holders = PostHolding.objects.held_on(today).select_related("person")
    return Prefetch(
        "ownerships",
        queryset=ActionOwner.objects.select_related("person", "post", "organisation")
        .prefetch_related(Prefetch("post__holdings", queryset=holders, to_attr="current"))
        .order_by("kind", "id"),
    )


def plans_for_list(user: AnyUser, filters: dict[str, Any] | None = None) -> QuerySet[Plan]:
    plans = (
        Plan.objects.filter(visible_plans(user))
        .select_related("organisation", "unit", "portfolio", "committee")
        .annotate(action_count=Count("actions", distinct=True))
        .order_by("organisation__name", "title")
    )
    filters = filters or {}
    if filters.get("unit"):
        below = Unit.objects.descendants(filters["unit"], include_self=True)
        plans = plans.filter(unit__in=below)
    for name in ("portfolio", "committee", "kind", "status"):
        if filters.get(name):
            plans = plans.filter(**{name: filters[name]})
    return plans


def organisations_with_visible_plans(user: AnyUser) -> list[int]:
    visible = Plan.objects.filter(visible_plans(user)).order_by()
    return list(visible.values_list("organisation_id", flat=True).distinct())


def group_plans(plans: QuerySet[Plan], by: str) -> list[tuple[str, list[Plan]]]:
    """Plans in groups named by the chosen structure, in the order first met."""
    groups: dict[str, list[Plan]] = {}
    for plan in plans:
        if by == "kind":
            key = plan.get_kind_display()
        else:
            value = getattr(plan, by or "organisation", None)
            key = str(value) if value else "None recorded"
        groups.setdefault(key, []).append(plan)
    return sorted(groups.items(), key=lambda item: (item[0] == "None recorded", item[0]))


@dataclass
class SectionBlock:
    section: Section | None
    depth: int
    actions: list[ActionRow] = field(default_factory=list)


def plan_actions(
    plan: Plan, *, when: dt.date, today: dt.date, filters: dict[str, Any]
) -> QuerySet[Action]:
    return (
        Action.objects.for_plan(plan)
        .as_at(when, today=today)
        .filtered(when, **filters)
        .prefetch_related(owners_prefetch(today))
        .order_by("position", "id")
    )


def plan_blocks(plan: Plan, actions: Iterable[ActionRow]) -> list[SectionBlock]:
    """The section tree in order, each with its actions; sections left empty are kept."""
    sections = list(Section.objects.filter(plan=plan).with_tree_fields())
    blocks = {None: SectionBlock(None, 0)} | {s.pk: SectionBlock(s, s.tree_depth) for s in sections}
    for action in actions:
        blocks[action.section_id].actions.append(action)
    return list(blocks.values())


def plan_owners(plan: Plan) -> list[Person]:
    return list(Person.objects.filter(ownerships__action__plan=plan).distinct().order_by("name"))


def my_actions(user: User, *, today: dt.date) -> QuerySet[Action]:
    return (
        Action.objects.owned_by(user, today)
        .as_at(today, today=today)
        .select_related("plan")
        .prefetch_related(owners_prefetch(today))
        .order_by("due_date", "plan__title", "position")
    )


@dataclass
class Change:
    when: dt.datetime
    who: str
    what: str
    changes: list[tuple[str, str, str]]


def _label(model: type[Model], field_name: str) -> str:
    field = model._meta.get_field(field_name)
    return str(getattr(field, "verbose_name", field_name)).capitalize()


def _shown(model: type[Model], field_name: str, value: object) -> str:
    """A value as people read it: choice labels rather than codes, a dash for nothing."""
    if value in (None, "", []):
        return "—"
    if field_name == "flags" and isinstance(value, list):
        return ", ".join(flag_label(str(code)) for code in value)
    if isinstance(value, (list, dict)):
        return str(value)
    choices = dict(getattr(model._meta.get_field(field_name), "flatchoices", None) or [])
    return str(choices.get(value, value))


def action_history(action: Action) -> list[Change]:
    """Who changed what on the action, newest first, as old → new pairs."""
    return change_history(action)


def change_history(item: Action | Plan) -> list[Change]:
    """Who changed what on a recorded item, newest first, as old → new pairs."""
    model = type(item)
    records = list(item.history.select_related("history_user").order_by("history_date", "pk"))
    changes: list[Change] = []
    previous = None
    for record in records:
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user else "System"
        if previous is None:
            changes.append(Change(record.history_date, who, "Created", []))
        else:
            delta = record.diff_against(previous)
            pairs = [
                (
                    _label(model, c.field),
                    _shown(model, c.field, c.old),
                    _shown(model, c.field, c.new),
                )
                for c in delta.changes
                if c.field not in {"updated_at"}
            ]
            if pairs:
                changes.append(Change(record.history_date, who, "Changed", pairs))
        previous = record
    return list(reversed(changes))


def action_people(action: Action, when: dt.date | None = None) -> list[Person]:
    """The people who answer for an action: named owners and the holders of owning posts."""
    held = PostHolding.objects.held_on(when or timezone.localdate()).filter(
        post__ownerships__action=action
    )
    return list(
        Person.objects.filter(Q(ownerships__action=action) | Q(post_holdings__in=held)).distinct()
    )
