"""Next year's plan from this year's: narrative copied for revision, open items carried with
their next targets, finished items closed and left behind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from stocktake.core.recording import Actor, save_recorded
from stocktake.indicators.models import Indicator
from stocktake.plans import services_workflow as plan_workflow
from stocktake.plans.models import CLOSED_STATUSES, Action
from stocktake.risks.models import EqualityAssessment, Risk

from . import rules, services
from .document import columns_for
from .models import Kind, LinkKind, ServicePlan, year_label

FINISHED_ASSESSMENTS = (EqualityAssessment.Status.COMPLETE, EqualityAssessment.Status.PUBLISHED)


@dataclass
class RollForward:
    plan: ServicePlan
    carried: dict[str, int] = field(default_factory=dict)
    left: dict[str, list[str]] = field(default_factory=dict)


def _indicator_continues(indicator: Indicator, year: int) -> bool:
    """It has a target in the new year or later, or never had targets (it is simply measured)."""
    starts = [t.period_start for t in indicator.targets.all()]
    return not starts or any(s >= dt.date(year, 4, 1) for s in starts)


def _close_finished(action: Action, agreed_by: str, by: Actor) -> None:
    if action.closed_on is None:
        plan_workflow.action_close(
            action=action,
            closed_as=action.progress_status,
            agreed_by=agreed_by,
            note="Finished when the service plan was rolled forward.",
            superseded_by=action.superseded_by,
            by=by,
        )


def _carry(
    kind: str, items: list[Any], year: int, agreed_by: str, by: Actor
) -> tuple[list[Any], list[str]]:
    """The items that go on into next year's plan, and the names of those left behind."""
    keep: list[Any] = []
    left: list[str] = []
    for item in items:
        if kind == LinkKind.ACTIONS:
            finished = item.progress_status in CLOSED_STATUSES
            if finished:
                _close_finished(item, agreed_by, by)
        elif kind == LinkKind.INDICATORS:
            finished = not _indicator_continues(item, year)
        elif kind == LinkKind.RISKS:
            finished = item.status == Risk.Status.CLOSED
        elif kind == LinkKind.EQUALITY:
            finished = item.status in FINISHED_ASSESSMENTS
        else:
            finished = False
        (left if finished else keep).append(item)
    return keep, [str(i)[:120] for i in left]


def _rows_moved_on(
    content: dict[str, Any], columns: list[str], old: int, new: int
) -> dict[str, Any]:
    """A table's rows under next year's columns: a cell follows its column's name ("Budget
    2010/11" was last year's {year+1} and is next year's {year}); a column new to the plan
    ("Budget 2011/12") starts blank, and one that has passed ("Outturn 2008/09") is left behind."""
    before, after = columns_for(columns, old), columns_for(columns, new)
    rows = services.reshaped_rows(content.get("rows") or [], before, after, renames=False)
    return {**content, "rows": [row for row in rows if any(row)]}


@transaction.atomic
def plan_roll_forward(*, plan: ServicePlan, by: Actor) -> RollForward:
    rules.roll_forward_from_signed_off(plan.status)
    year = plan.year + 1
    title = plan.title.replace(plan.year_label, year_label(year))
    new = services.service_plan_create(
        organisation=plan.organisation,
        unit=plan.unit,
        year=year,
        title=title if title != plan.title else "",
        tracked_plan=plan.tracked_plan,
        previous=plan,
        by=by,
    )
    result = RollForward(new)
    targets = {c.section.key: c for c in new.contents.select_related("section", "service_plan")}
    agreed_by = plan.approved_by or f"Roll forward of {plan.title}"
    old_contents = plan.contents.select_related("section").prefetch_related(
        "objectives", "actions", "indicators__targets", "risks", "assessments"
    )
    for old in old_contents:
        content = targets.get(old.section.key)
        if content is None:
            continue  # the template lost this section since last year
        content.content = old.content
        if old.section.kind == Kind.TABLE:
            content.content = _rows_moved_on(old.content, old.section.columns, plan.year, year)
        content.needs_review = old.section.kind != Kind.LINKS or bool(old.content.get("text"))
        save_recorded(content, by)
        if old.section.kind != Kind.LINKS:
            continue
        kind = old.section.link_kind
        items = list(services.linked(old).all())
        keep, left = _carry(kind, items, year, agreed_by, by)
        services.section_links_set(content=content, items=keep, by=by, enforce_rules=False)
        result.carried[kind] = result.carried.get(kind, 0) + len(keep)
        result.left.setdefault(kind, []).extend(left)
    return result
