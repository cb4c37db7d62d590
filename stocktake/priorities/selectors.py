"""How much of the council's work serves each priority, counted over plans the reader can see."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser
from stocktake.plans.access import visible_plans
from stocktake.plans.models import Action, Plan

from .models import Priority


@dataclass
class PriorityRow:
    priority: Priority
    approaches: list[PriorityRow] = field(default_factory=list)
    actions: int = 0
    by_team: Counter[str] = field(default_factory=Counter)

    @property
    def teams(self) -> list[tuple[str, int]]:
        return self.by_team.most_common()


def priority_tree(organisation: Organisation, user: AnyUser) -> list[PriorityRow]:
    """Aims with their approaches; each counts the actions linked to it or through a section.

    An aim's count includes its approaches' actions, each action counted once.
    """
    priorities = list(Priority.objects.filter(organisation=organisation))
    rows = {p.pk: PriorityRow(p) for p in priorities}
    plans = Plan.objects.filter(organisation=organisation).filter(visible_plans(user))
    links = (
        Action.objects.filter(organisation=organisation, plan__in=plans)
        .filter(Q(priorities__isnull=False) | Q(section__priorities__isnull=False))
        .values_list("pk", "priorities", "section__priorities", "unit__name", "plan__unit__name")
    )
    counted: set[tuple[int, int]] = set()
    for action_id, direct, via_section, unit, plan_unit in links:
        for priority_id in {direct, via_section} - {None}:
            row = rows.get(priority_id)
            targets = [row] if row else []
            if row and row.priority.parent_id in rows:
                targets.append(rows[row.priority.parent_id])
            for target in targets:
                if (target.priority.pk, action_id) not in counted:
                    counted.add((target.priority.pk, action_id))
                    target.actions += 1
                    target.by_team[unit or plan_unit or "No team recorded"] += 1
    aims = []
    for row in rows.values():
        parent = rows.get(row.priority.parent_id) if row.priority.parent_id else None
        if parent is None:
            aims.append(row)
        else:
            parent.approaches.append(row)
    return aims
