"""Writes after the council's response: satisfaction, the ombudsman and learning."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from stocktake.accounts.models import Unit
from stocktake.core.recording import Actor, save_recorded

from . import rules
from .models import Complaint, Learning, OmbudsmanCase
from .services import today


@transaction.atomic
def satisfaction_record(*, complaint: Complaint, satisfaction: int | None, by: Actor) -> Complaint:
    """How satisfied the complainant was with how we handled it (the seeds' SX18)."""
    complaint.satisfaction = satisfaction
    save_recorded(complaint, by)
    return complaint


def _procedure_finished(complaint: Complaint) -> bool:
    """Refused, or answered at the procedure's last stage."""
    if complaint.status == Complaint.Status.REFUSED:
        return True
    last = complaint.procedure.stages.order_by("-number").values_list("number", flat=True).first()
    if last is None:
        return False
    return complaint.stages.filter(number=last, responded_on__isnull=False).exists()


@transaction.atomic
def ombudsman_refer(
    *,
    complaint: Complaint,
    referred_on: dt.date,
    by: Actor,
    ombudsman: str = "",
    taken_early: bool = False,
) -> OmbudsmanCase:
    rules.not_before(referred_on, complaint.received_on, "referred_on", "the complaint")
    rules.not_in_future(referred_on, today(), "referred_on")
    rules.referral_after_procedure(
        finished=_procedure_finished(complaint),
        late=complaint.next_due_on is not None and complaint.next_due_on < referred_on,
        taken_early=taken_early,
    )
    case = OmbudsmanCase(
        complaint=complaint,
        ombudsman=ombudsman or complaint.procedure.ombudsman,
        referred_on=referred_on,
        taken_early=taken_early,
    )
    save_recorded(case, by)
    return case


@transaction.atomic
def ombudsman_decide(
    *, case: OmbudsmanCase, decision: str, decided_on: dt.date, by: Actor, remedy: str = ""
) -> OmbudsmanCase:
    rules.not_before(decided_on, case.referred_on, "decided_on", "the referral")
    rules.not_in_future(decided_on, today(), "decided_on")
    case.decision = decision
    case.decided_on = decided_on
    case.remedy = remedy
    save_recorded(case, by)
    return case


@transaction.atomic
def learning_add(
    *,
    complaint: Complaint,
    what_changed: str,
    changed_on: dt.date,
    by: Actor,
    unit: Unit | None = None,
) -> Learning:
    rules.learning_needs_text(what_changed)
    rules.not_in_future(changed_on, today(), "changed_on")
    learning = Learning(
        complaint=complaint,
        unit=unit or complaint.unit,
        what_changed=what_changed,
        changed_on=changed_on,
    )
    save_recorded(learning, by)
    return learning
