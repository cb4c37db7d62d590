"""Every write to consultations goes through here, inside a transaction, recording who did it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, save_recorded
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan

from . import rules, selectors
from .models import Consultation, Feedback, ResponseCount


def today() -> dt.date:
    return timezone.localdate()


@transaction.atomic
def consultation_plan(
    *,
    organisation: Organisation,
    title: str,
    by: Actor,
    checked_similar: bool = False,
    **fields: Any,
) -> Consultation:
    """Plan a consultation, once any similar recent or planned ones have been looked at."""
    rules.needs_title(title)
    rules.closes_after_opens(fields.get("opens_on"), fields.get("closes_on"))
    rules.budget_not_negative(fields.get("budget"))
    similar = selectors.similar(
        organisation, title=title, areas=fields.get("areas", ""), today=today()
    )
    rules.similar_checked(len(similar), checked_similar)
    consultation = Consultation(organisation=organisation, title=title, **fields)
    save_recorded(consultation, by)
    return consultation


@transaction.atomic
def consultation_edit(*, consultation: Consultation, by: Actor, **fields: Any) -> Consultation:
    new_status = fields.get("status", consultation.status)
    rules.needs_title(fields.get("title", consultation.title))
    rules.closes_after_opens(
        fields.get("opens_on", consultation.opens_on),
        fields.get("closes_on", consultation.closes_on),
    )
    rules.budget_not_negative(fields.get("budget", consultation.budget))
    rules.status_moves_forward_one_step(consultation.status, new_status)
    rules.outcome_needs_feedback(new_status, consultation.feedback.count())
    for name, value in fields.items():
        setattr(consultation, name, value)
    save_recorded(consultation, by)
    return consultation


@transaction.atomic
def responses_record(
    *, consultation: Consultation, kind: str, label: str, count: int, by: Actor
) -> ResponseCount:
    """Set (not add to) the count for one channel or equality group."""
    rules.count_is_believable(count)
    row, _ = ResponseCount.objects.update_or_create(
        consultation=consultation, kind=kind, label=label.strip(), defaults={"count": count}
    )
    return row


@transaction.atomic
def feedback_add(
    *,
    consultation: Consultation,
    you_said: str,
    we_did: str,
    by: Actor,
    action: Action | None = None,
    new_action_plan: Plan | None = None,
) -> Feedback:
    """Add "you said, we did"; what we did can become a new action in a plan, tracked there."""
    rules.feedback_needs_both(you_said, we_did)
    if action is None and new_action_plan is not None:
        action = plans.action_create(plan=new_action_plan, text=we_did, by=by)
    feedback = Feedback(
        consultation=consultation,
        you_said=you_said,
        we_did=we_did,
        action=action,
        position=consultation.feedback.count(),
    )
    save_recorded(feedback, by)
    return feedback
