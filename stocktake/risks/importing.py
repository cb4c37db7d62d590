"""Risks and equality impact assessments from the document importer's preview.

The importer (stocktake.imports.save) calls these with the preview's items, each naming the
plan section it came from ("section_id", or "section" by title). What the paper
leaves out is flagged, never refused: a risk without an owner is *unassigned*, one without
likelihood and impact on the council's matrix is *unscored*, and both stay listed on the
register for completion. Likelihood and impact written as words ("Low", "Medium") or numbers
are read against the organisation's default matrix; words it does not know are kept as text.
A paper states one assessment per risk, with its mitigations in place, so it is recorded as
the residual score and as the first review, dated the paper's as-at date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.recording import Actor
from stocktake.imports.owners import OwnerResolver
from stocktake.plans.models import Plan, Section

from . import services, services_equality
from .models import EqualityAssessment, Risk
from .splitting import split_risk_statement

RISK_KINDS = ("risk",)
ASSESSMENT_KINDS = ("equality_assessment",)
# Flags the services work out for themselves from what was saved.
_DERIVED = {"unassigned", "unscored"}


def _owner(resolver: OwnerResolver, item: dict[str, Any]) -> Person | Post | None:
    for name in item.get("owners") or []:
        found = resolver.resolve(name)
        if isinstance(found, Person | Post):
            return found
    return None


class _Sections:
    """The plan's section each item came from: the one the importer names by id, or else the
    first of the plan's sections with the title it gives (callers passing preview items)."""

    def __init__(self, plan: Plan | None) -> None:
        found = list(Section.objects.filter(plan=plan).order_by("position", "id")) if plan else []
        self.by_id = {section.pk: section for section in found}
        self.by_title: dict[str, Section] = {}
        for section in found:
            self.by_title.setdefault(section.title, section)

    def of(self, item: dict[str, Any]) -> Section | None:
        section_id = item.get("section_id")
        if isinstance(section_id, int) and section_id in self.by_id:
            return self.by_id[section_id]
        return self.by_title.get(str(item.get("section") or ""))


def _score_text(item: dict[str, Any]) -> str:
    parts = [
        f"{axis}: {item[key]}"
        for axis, key in [("Likelihood", "likelihood"), ("Impact", "impact")]
        if item.get(key)
    ]
    return "; ".join(parts)[:200]


@transaction.atomic
def save_risks_from_preview(
    *,
    items: list[dict[str, Any]],
    organisation: Organisation,
    plan: Plan | None,
    by: Actor,
    as_at: dt.date | None = None,
) -> int:
    """Create a risk for each item of kind "risk"; returns how many were created.

    `as_at` is the paper's date (the preview's "as_at"); scored risks get their first review
    on it and fall due for review a matrix cycle later. Without it, today is used.
    """
    matrix = services.matrix_for(organisation=organisation, by=by)
    resolver = OwnerResolver(organisation)
    sections = _Sections(plan)
    position = Risk.objects.filter(organisation=organisation).count()
    created = 0
    for item in items:
        if item.get("kind") not in RISK_KINDS:
            continue
        title = " ".join(str(item.get("text") or "").split())
        if not title:
            continue
        parts = item.get("risk") or {}
        if not parts:
            statement = split_risk_statement(title)
            parts = {"cause": statement.cause, "event": statement.event}
            parts["consequence"] = statement.consequence
        likelihood = matrix.level_of("likelihood", item.get("likelihood"))
        impact = matrix.level_of("impact", item.get("impact"))
        owner = _owner(resolver, item)
        services.risk_create(
            organisation=organisation,
            plan=plan,
            section=sections.of(item),
            matrix=matrix,
            title=title,
            ref=str(item.get("ref") or "")[:30],
            cause=parts.get("cause") or "",
            event=parts.get("event") or "",
            consequence=parts.get("consequence") or "",
            owner_person=owner if isinstance(owner, Person) else None,
            owner_post=owner if isinstance(owner, Post) else None,
            owner_text=str(item.get("owner") or "")[:300],
            residual_likelihood=likelihood if impact is not None else None,
            residual_impact=impact if likelihood is not None else None,
            score_text=_score_text(item),
            mitigation=str(item.get("mitigation") or ""),
            flags=[f for f in item.get("flags") or [] if f not in _DERIVED],
            position=position + created,
            as_at=as_at,
            checked=False,
            by=by,
        )
        created += 1
    return created


_PRIORITIES = {p.value: p.value for p in EqualityAssessment.Priority} | {"med": "medium"}


@transaction.atomic
def save_assessments_from_preview(
    *,
    items: list[dict[str, Any]],
    organisation: Organisation,
    plan: Plan | None,
    by: Actor,
) -> int:
    """Create a planned assessment for each item of kind "equality_assessment"; returns how many.

    The priority ("HIGH", "MEDIUM") and any lead and due date are kept as written.
    """
    resolver = OwnerResolver(organisation)
    sections = _Sections(plan)
    position = EqualityAssessment.objects.filter(organisation=organisation).count()
    created = 0
    for item in items:
        if item.get("kind") not in ASSESSMENT_KINDS:
            continue
        title = " ".join(str(item.get("text") or "").split())[:300]
        if not title:
            continue
        lead = _owner(resolver, item)
        priority = str(item.get("priority") or "").strip().casefold()
        services_equality.assessment_create(
            organisation=organisation,
            plan=plan,
            section=sections.of(item),
            unit=plan.unit if plan else None,
            title=title,
            ref=str(item.get("ref") or "")[:30],
            priority=_PRIORITIES.get(priority, ""),
            lead_person=lead if isinstance(lead, Person) else None,
            lead_post=lead if isinstance(lead, Post) else None,
            lead_text=str(item.get("owner") or "")[:300],
            due_text=str(item.get("due") or "")[:200],
            flags=[f for f in item.get("flags") or [] if f not in _DERIVED],
            position=position + created,
            checked=False,
            by=by,
        )
        created += 1
    return created
