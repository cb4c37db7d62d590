"""Priorities, plans and everything inside them."""

from __future__ import annotations

from stocktake.plans.models import (
    Action,
    ActionOwner,
    DueRevision,
    Evidence,
    Milestone,
    NarrativeSection,
    Plan,
    PlanTransition,
    PlanVersion,
    ProgressUpdate,
    Section,
)
from stocktake.priorities.models import Priority

from ..tables import Table

TABLES = [
    Table("priorities.priority", Priority, lambda org: Priority.objects.filter(organisation=org)),
    Table("plans.plan", Plan, lambda org: Plan.objects.filter(organisation=org)),
    Table("plans.section", Section, lambda org: Section.objects.filter(organisation=org)),
    Table("plans.action", Action, lambda org: Action.objects.filter(organisation=org)),
    Table(
        "plans.actionowner",
        ActionOwner,
        lambda org: ActionOwner.objects.filter(action__organisation=org),
        key=(),
    ),
    Table(
        "plans.duerevision", DueRevision, lambda org: DueRevision.objects.filter(organisation=org)
    ),
    Table("plans.milestone", Milestone, lambda org: Milestone.objects.filter(organisation=org)),
    Table(
        "plans.progressupdate",
        ProgressUpdate,
        lambda org: ProgressUpdate.objects.filter(organisation=org),
    ),
    Table(
        "plans.narrativesection",
        NarrativeSection,
        lambda org: NarrativeSection.objects.filter(organisation=org),
    ),
    Table(
        "plans.plantransition",
        PlanTransition,
        lambda org: PlanTransition.objects.filter(plan__organisation=org),
        key=(),
    ),
    Table(
        "plans.planversion",
        PlanVersion,
        lambda org: PlanVersion.objects.filter(plan__organisation=org),
    ),
    Table("plans.evidence", Evidence, lambda org: Evidence.objects.filter(organisation=org)),
]
