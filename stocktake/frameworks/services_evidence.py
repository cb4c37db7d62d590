"""Evidence for a criterion, and the plan actions that close its gap.

Plan actions are created through stocktake.plans services only; this app writes just the link.
"""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from stocktake.core.recording import Actor, acting_user
from stocktake.indicators.models import Indicator
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan
from stocktake.plans.services_workflow import CONTENT_TYPES

from .models import CriterionEvidence, CriterionRating

Kind = CriterionEvidence.Kind


@transaction.atomic
def evidence_add(
    *,
    rating: CriterionRating,
    title: str,
    by: Actor,
    note: str = "",
    url: str = "",
    file: UploadedFile | None = None,
    action: Action | None = None,
    indicator: Indicator | None = None,
) -> CriterionEvidence:
    """Attach evidence; a file must already have passed the form's type and size checks."""
    kind = (
        Kind.FILE
        if file is not None
        else Kind.ACTION
        if action is not None
        else Kind.INDICATOR
        if indicator is not None
        else Kind.LINK
        if url
        else Kind.NOTE
    )
    evidence = CriterionEvidence(
        organisation_id=rating.organisation_id,
        rating=rating,
        kind=kind,
        title=title,
        note=note,
        url=url,
        action=action,
        indicator=indicator,
        added_by=acting_user(by),
    )
    if file is not None:
        suffix = Path(file.name or "").suffix.lower()
        evidence.content_type = CONTENT_TYPES.get(suffix, "application/octet-stream")
        evidence.size = file.size or 0
        # Stored under its UUID, never the uploader's name, and served only via the gatekeeper.
        evidence.file.save(f"{evidence.uuid}{suffix}", file, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def gap_action_create(
    *, rating: CriterionRating, plan: Plan, text: str, by: Actor, due_text: str = ""
) -> Action:
    """A new improvement action in a plan, linked to the criterion it closes the gap on."""
    ref = f"{rating.criterion.ref}"
    action = plans.action_create(plan=plan, text=text, ref=ref, due_text=due_text, by=by)
    rating.gap_actions.add(action)
    return action


@transaction.atomic
def gap_action_link(*, rating: CriterionRating, action: Action, by: Actor) -> None:
    rating.gap_actions.add(action)


@transaction.atomic
def gap_action_unlink(*, rating: CriterionRating, action: Action, by: Actor) -> None:
    rating.gap_actions.remove(action)
