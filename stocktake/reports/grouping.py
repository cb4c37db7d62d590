"""Which group (or groups) each report row goes under, and in what order the groups come.

Most groupings put a row under one heading. Council priorities are many to many, so an action
serving several priorities appears once under each of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from stocktake.accounts.models import Unit
from stocktake.priorities.models import Priority

from . import layouts
from .selectors import Spec

NO_DIRECTORATE = "No directorate recorded"
NO_PORTFOLIO = "No portfolio recorded"
NO_COMMITTEE = "No committee recorded"
NO_PRIORITY = "No council priority recorded"
# Groupings whose headings are names, sorted alphabetically with "none recorded" last.
_BY_NAME = {
    "directorate": NO_DIRECTORATE,
    "portfolio": NO_PORTFOLIO,
    "committee": NO_COMMITTEE,
    "service": "",
    "owner": "",
}


class Grouper:
    """Headings for one report's rows. Built once per report so lookups cost no queries."""

    def __init__(self, spec: Spec, several_plans: bool) -> None:
        self.spec = spec
        self.several_plans = several_plans
        self.units: dict[int, Unit] = {}
        self.priority_rank: dict[str, tuple[int, str]] = {}
        if spec.group_by == "directorate" and spec.plans:
            # The whole unit tree in one query: councils have tens of units, not thousands.
            organisation_id = spec.plans[0].organisation_id
            self.units = {u.pk: u for u in Unit.objects.filter(organisation_id=organisation_id)}

    def headings(self, action: Any) -> list[str]:
        group_by = self.spec.group_by
        if group_by == "directorate":
            return [self._directorate(action.unit_id or action.plan.unit_id)]
        if group_by == "portfolio":
            portfolio = action.plan.portfolio
            return [portfolio.name if portfolio else NO_PORTFOLIO]
        if group_by == "committee":
            committee = action.plan.committee
            return [committee.name if committee else NO_COMMITTEE]
        if group_by == "priority":
            return self._priorities(action)
        return [layouts.group_heading(action, self.spec, self.several_plans)]

    def _directorate(self, unit_id: int | None) -> str:
        """The topmost directorate at or above the unit: services and teams roll up into it."""
        found = ""
        seen: set[int] = set()
        while unit_id is not None and unit_id in self.units and unit_id not in seen:
            seen.add(unit_id)
            unit = self.units[unit_id]
            if unit.kind == Unit.Kind.DIRECTORATE:
                found = unit.name
            unit_id = unit.parent_id
        return found or NO_DIRECTORATE

    def _priorities(self, action: Any) -> list[str]:
        # An action's own links are the most specific; without any, its section's stand for it.
        linked: Iterable[Priority] = action.priorities.all()
        if not linked and action.section is not None:
            linked = action.section.priorities.all()
        headings = []
        for priority in sorted(linked, key=lambda p: (p.position, p.code, p.pk)):
            heading = str(priority)
            self.priority_rank.setdefault(heading, (priority.position, priority.code))
            headings.append(heading)
        return headings or [NO_PRIORITY]

    def order(self, groups: dict[str, list[dict[str, Any]]]) -> list[tuple[str, Any]]:
        group_by = self.spec.group_by
        items = list(groups.items())
        if group_by == "priority":
            last = (1 << 30, "")
            return sorted(
                items,
                key=lambda item: (item[0] == NO_PRIORITY, self.priority_rank.get(item[0], last)),
            )
        if group_by in _BY_NAME:
            missing = _BY_NAME[group_by]
            return sorted(items, key=lambda item: (bool(missing) and item[0] == missing, item[0]))
        return items
