"""A performance report's worth of data, built through the services: for tests and bench/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor
from stocktake.indicators import services as indicators
from stocktake.plans import services as plans
from stocktake.plans.models import Plan

_RAGS = ["green", "amber", "red", "blue"]
_STATUSES = ["in_progress", "in_progress", "in_progress", "complete"]
PERIODS = ["Q1 2008/09", "Q2 2008/09", "Q3 2008/09", "Q4 2008/09"]


def performance_plan(
    *,
    organisation: Organisation,
    by: Actor,
    actions: int,
    indicator_count: int = 0,
    title: str = "",
) -> Plan:
    """A plan whose actions cycle through the RAG ratings, each with two dated updates."""
    plan = plans.plan_create(
        organisation=organisation, title=title or f"Corporate plan ({actions} actions)", by=by
    )
    sections = [
        plans.section_create(plan=plan, title=f"Objective {n + 1}", ref=str(n + 1), by=by)
        for n in range(3)
    ]
    for i in range(actions):
        action = plans.action_create(
            plan=plan,
            section=sections[i % 3],
            ref=f"{i % 3 + 1}.{i + 1}",
            text=f"Deliver improvement {i + 1}",
            due_text="March 2009",
            internal_note="Internal: chase the owner",
            by=by,
        )
        plans.action_update_add(
            action=action,
            as_at=dt.date(2008, 6, 30),
            position=f"Work begun on improvement {i + 1}",
            progress_status="in_progress",
            rag="green",
            by=by,
        )
        plans.action_update_add(
            action=action,
            as_at=dt.date(2008, 12, 31),
            position=f"Position at December for improvement {i + 1}",
            future_action=f"Recovery step for improvement {i + 1}" if i % 8 else "",
            progress_status=_STATUSES[i % 4],
            rag=_RAGS[i % 4],
            by=by,
        )
    for n in range(indicator_count):
        definition = indicators.definition_create(
            organisation=organisation, title=f"Indicator {n + 1}", code=f"LPI {n + 1}", by=by
        )
        indicator = indicators.indicator_create(
            organisation=organisation, definition=definition, plan=plan, by=by, is_public=n % 2 == 0
        )
        for q, period in enumerate(PERIODS):
            indicators.target_set(indicator=indicator, period=period, value=Decimal(80), by=by)
            indicators.measurement_record(
                indicator=indicator,
                period=period,
                value=Decimal(70 + 3 * q + n % 5),
                note="Below target: recovery plan agreed",
                by=by,
                enforce_rules=False,
            )
    return plan
