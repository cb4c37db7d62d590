"""Writes for equality impact assessments and the characteristic lists they draw on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.fuzzydates import parse_fuzzy_date
from stocktake.core.recording import Actor, save_recorded
from stocktake.plans.models import Action

from . import rules
from .characteristics import NATIONAL_SETS
from .models import Characteristic, CharacteristicSet, EqualityAssessment
from .services import section_follows_plan


@transaction.atomic
def characteristic_set_create(
    *,
    name: str,
    version: str,
    effective_from: dt.date,
    items: Iterable[str],
    by: Actor,
    organisation: Organisation | None = None,
) -> CharacteristicSet:
    """A new list, or a new version of one; a council's own list names its organisation."""
    found = CharacteristicSet.objects.filter(
        organisation=organisation, name=name, version=version
    ).first()
    if found is not None:
        return found
    new = CharacteristicSet(
        organisation=organisation, name=name, version=version, effective_from=effective_from
    )
    save_recorded(new, by)
    Characteristic.objects.bulk_create(
        Characteristic(set=new, name=item, position=i) for i, item in enumerate(items)
    )
    return new


def national_sets_ensure(by: Actor = None) -> list[CharacteristicSet]:
    return [
        characteristic_set_create(
            name=name, version=version, effective_from=effective, items=items, by=by
        )
        for name, version, effective, items in NATIONAL_SETS
    ]


def characteristics_available(organisation_id: int, on: dt.date) -> QuerySet[Characteristic]:
    """The national list in force on a date, and every list the council added itself."""
    national = (
        CharacteristicSet.objects.filter(organisation__isnull=True, effective_from__lte=on)
        .order_by("-effective_from")
        .values("pk")[:1]
    )
    return Characteristic.objects.filter(
        Q(set__in=national) | Q(set__organisation_id=organisation_id)
    ).select_related("set")


def _due(text: str) -> dict[str, Any]:
    due = parse_fuzzy_date(text)
    return {"due_text": text, "due_date": due.end, "due_precision": due.precision.value}


def _flags(assessment: EqualityAssessment) -> None:
    flags = [f for f in assessment.flags if f != "unassigned"]
    if assessment.lead_person_id is None and assessment.lead_post_id is None:
        flags.append("unassigned")
    assessment.flags = flags


def _check(assessment: EqualityAssessment, characteristic_count: int) -> None:
    has_person, has_post = (
        assessment.lead_person_id is not None,
        assessment.lead_post_id is not None,
    )
    rules.assessment_lead_is_one(has_person, has_post)
    rules.assessment_needs_lead(has_person or has_post)
    rules.finished_assessment_needs_findings(assessment.status, assessment.findings)
    rules.finished_assessment_needs_characteristics(assessment.status, characteristic_count)


@transaction.atomic
def assessment_create(
    *,
    organisation: Organisation,
    title: str,
    by: Actor,
    due_text: str = "",
    lead_person: Person | None = None,
    lead_post: Post | None = None,
    characteristics: Iterable[Characteristic] = (),
    actions: Iterable[Action] = (),
    checked: bool = True,
    **fields: Any,
) -> EqualityAssessment:
    assessment = EqualityAssessment(
        organisation=organisation,
        title=title,
        lead_person=lead_person,
        lead_post=lead_post,
        **_due(due_text),
        **fields,
    )
    chosen = list(characteristics)
    _flags(assessment)
    if checked:
        _check(assessment, len(chosen))
    save_recorded(assessment, by)
    assessment.characteristics.set(chosen)
    assessment.actions.set([a for a in actions if a.organisation_id == organisation.pk])
    return assessment


_FIXED = {"organisation", "due_date", "due_precision"}


@transaction.atomic
def assessment_edit(
    *,
    assessment: EqualityAssessment,
    by: Actor,
    characteristics: Iterable[Characteristic] | None = None,
    actions: Iterable[Action] | None = None,
    **changes: Any,
) -> EqualityAssessment:
    if _FIXED & changes.keys():
        raise ValueError(f"cannot change {sorted(_FIXED & changes.keys())} here")
    if "due_text" in changes:
        changes |= _due(changes["due_text"])
    for name, value in changes.items():
        setattr(assessment, name, value)
    if changes.keys() & {"plan", "section"}:
        section_follows_plan(assessment)
    chosen = list(characteristics) if characteristics is not None else None
    count = len(chosen) if chosen is not None else assessment.characteristics.count()
    _flags(assessment)
    _check(assessment, count)
    save_recorded(assessment, by)
    if chosen is not None:
        assessment.characteristics.set(chosen)
    if actions is not None:
        org = assessment.organisation_id
        assessment.actions.set([a for a in actions if a.organisation_id == org])
    return assessment
