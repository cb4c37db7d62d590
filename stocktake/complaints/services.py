"""Every write to complaints goes through here, inside a transaction, recording who did it."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.customers import rules as customer_rules

from . import rules
from .access import possible_handlers
from .models import Complaint, ComplaintCalendar, ComplaintStage, Procedure, Stage
from .models_handling import Outcome
from .procedures import DEFAULT_PROCEDURES
from .workdays import Region, add_working_days


def today() -> dt.date:
    return timezone.localdate()


def region_for(organisation: Organisation) -> str:
    found = ComplaintCalendar.objects.filter(organisation=organisation).first()
    return found.region if found else Region.ENGLAND_AND_WALES


@transaction.atomic
def region_set(*, organisation: Organisation, region: str, by: Actor) -> ComplaintCalendar:
    """Which nation's bank holidays count for the council's due dates from now on."""
    if region not in Region.values:
        raise ValidationError({"region": "Choose which nation's bank holidays apply"})
    calendar = ComplaintCalendar.objects.filter(organisation=organisation).first()
    if calendar is None:
        calendar = ComplaintCalendar(organisation=organisation)
    elif calendar.region == region:
        return calendar
    calendar.region = region
    save_recorded(calendar, by)
    return calendar


@transaction.atomic
def procedures_ensure(*, organisation: Organisation, by: Actor) -> list[Procedure]:
    """Give a council the default procedures it does not have yet; edits are kept."""
    procedures = []
    for default in DEFAULT_PROCEDURES:
        procedure = Procedure.objects.filter(organisation=organisation, code=default.code).first()
        if procedure is None:
            procedure = Procedure(
                organisation=organisation,
                code=default.code,
                name=default.name,
                ombudsman=default.ombudsman,
                description=default.description,
                is_default=default.code == "corporate",
            )
            save_recorded(procedure, by)
            Stage.objects.bulk_create(
                Stage(procedure=procedure, number=n, **vars(stage))
                for n, stage in enumerate(default.stages, start=1)
            )
        procedures.append(procedure)
    return procedures


def _next_reference(organisation: Organisation, received_on: dt.date) -> str:
    prefix = f"C{received_on.year}-"
    taken = Complaint.objects.filter(organisation=organisation, reference__startswith=prefix)
    return f"{prefix}{taken.count() + 1:04d}"


@transaction.atomic
def complaint_receive(
    *,
    organisation: Organisation,
    received_on: dt.date,
    channel: str,
    summary: str,
    by: Actor,
    procedure: Procedure | None = None,
    unit: Unit | None = None,
    service_name: str = "",
    complainant_name: str = "",
    complainant_contact: str = "",
    via_representative: bool = False,
    representative_name: str = "",
    outcome_sought: str = "",
    vulnerable: bool = False,
    vulnerability_note: str = "",
    area_code: str = "",
    age_band: str = "",
    disabled: bool | None = None,
) -> Complaint:
    rules.complaint_needs_summary(summary)
    rules.not_in_future(received_on, today(), "received_on")
    area_code = area_code.strip().upper()
    customer_rules.area_code_is_a_code(area_code)
    rules.representative_needs_name(via_representative, representative_name)
    if procedure is None:
        procedure = next(
            p for p in procedures_ensure(organisation=organisation, by=by) if p.is_default
        )
    first = procedure.stages.order_by("number").first()
    assert first is not None, "a procedure has at least one stage"
    region = region_for(organisation)
    complaint = Complaint(
        organisation=organisation,
        procedure=procedure,
        reference=_next_reference(organisation, received_on),
        received_on=received_on,
        channel=channel,
        unit=unit,
        service_name=service_name,
        complainant_name=complainant_name,
        complainant_contact=complainant_contact,
        via_representative=via_representative,
        representative_name=representative_name,
        summary=summary,
        outcome_sought=outcome_sought,
        vulnerable=vulnerable,
        vulnerability_note=vulnerability_note,
        area_code=area_code,
        age_band=age_band,
        disabled=disabled,
        acknowledge_due_on=add_working_days(received_on, first.acknowledge_days, region),
    )
    complaint.next_due_on = complaint.acknowledge_due_on
    save_recorded(complaint, by)
    return complaint


@transaction.atomic
def complaint_accept(*, complaint: Complaint, on: dt.date, by: Actor) -> Complaint:
    rules.decision_only_once(complaint.status)
    rules.not_before(on, complaint.received_on, "on", "the date it was received")
    rules.not_in_future(on, today(), "on")
    complaint.status = Complaint.Status.OPEN
    complaint.decided_on = on
    save_recorded(complaint, by)
    return complaint


@transaction.atomic
def complaint_refuse(*, complaint: Complaint, on: dt.date, reason: str, by: Actor) -> Complaint:
    """Not taken into the procedure (out of time, for another body, already decided...)."""
    rules.decision_only_once(complaint.status)
    rules.refusal_needs_reason(reason)
    rules.not_before(on, complaint.received_on, "on", "the date it was received")
    rules.not_in_future(on, today(), "on")
    complaint.status = Complaint.Status.REFUSED
    complaint.decided_on = on
    complaint.refusal_reason = reason
    complaint.next_due_on = None
    save_recorded(complaint, by)
    return complaint


def _start_stage(
    complaint: Complaint, stage: Stage, on: dt.date, handler: Person, by: Actor
) -> None:
    due = add_working_days(on, stage.respond_days, region_for(complaint.organisation))
    started = ComplaintStage(
        complaint=complaint, stage=stage, number=stage.number, handler=handler, started_on=on,
        due_on=due,
    )  # fmt: skip
    save_recorded(started, by)
    complaint.next_due_on = due
    complaint.status = Complaint.Status.OPEN
    complaint.closed_on = None


@transaction.atomic
def complaint_acknowledge(
    *, complaint: Complaint, on: dt.date, handler: Person, by: Actor
) -> ComplaintStage:
    """Acknowledging accepts the complaint and starts stage 1's clock from that day."""
    rules.acknowledge_only_if_not_refused(complaint.status)
    rules.acknowledge_only_once(complaint.acknowledged_on)
    rules.not_before(on, complaint.received_on, "on", "the date it was received")
    rules.not_in_future(on, today(), "on")
    _handler_may_handle(complaint, handler)
    if complaint.status == Complaint.Status.RECEIVED:
        complaint.decided_on = on
    complaint.acknowledged_on = on
    first = complaint.procedure.stages.order_by("number").first()
    assert first is not None
    _start_stage(complaint, first, on, handler, by)
    save_recorded(complaint, by)
    return complaint.stages.get(number=first.number)


def _handler_may_handle(complaint: Complaint, handler: Person) -> None:
    allowed = possible_handlers(complaint.organisation).filter(pk=handler.pk).exists()
    rules.handler_may_handle(allowed)


def current_stage(complaint: Complaint) -> ComplaintStage | None:
    return complaint.stages.select_related("stage", "handler").order_by("-number").first()


@transaction.atomic
def stage_respond(
    *,
    complaint: Complaint,
    responded_on: dt.date,
    outcome: str,
    by: Actor,
    response_summary: str = "",
    remedy: str = "",
) -> ComplaintStage:
    """The council's answer at the current stage; the complaint closes unless escalated."""
    stage = current_stage(complaint)
    rules.stage_started(stage is not None)
    assert stage is not None
    rules.stage_open(stage.responded_on)
    rules.response_needs_outcome(outcome)
    rules.not_before(responded_on, stage.started_on, "responded_on", "the stage started")
    rules.not_in_future(responded_on, today(), "responded_on")
    stage.responded_on = responded_on
    stage.outcome = outcome
    stage.response_summary = response_summary
    stage.remedy = remedy
    save_recorded(stage, by)
    complaint.next_due_on = None
    complaint.closed_on = responded_on
    withdrawn = outcome == Outcome.WITHDRAWN
    complaint.status = Complaint.Status.WITHDRAWN if withdrawn else Complaint.Status.CLOSED
    save_recorded(complaint, by)
    return stage


@transaction.atomic
def complaint_escalate(
    *, complaint: Complaint, on: dt.date, handler: Person, by: Actor
) -> ComplaintStage:
    previous = current_stage(complaint)
    rules.escalate_after_response(previous.responded_on if previous else None)
    assert previous is not None
    following = complaint.procedure.stages.filter(number__gt=previous.number).first()
    rules.escalate_within_procedure(following is not None, previous.stage.escalation_target)
    assert following is not None
    rules.escalation_needs_different_handler(previous.handler_id, handler.pk)
    rules.not_before(on, previous.responded_on or on, "on", "the last response")
    rules.not_in_future(on, today(), "on")
    _handler_may_handle(complaint, handler)
    _start_stage(complaint, following, on, handler, by)
    save_recorded(complaint, by)
    return complaint.stages.get(number=following.number)


@transaction.atomic
def stage_extend(
    *, complaint: Complaint, days: int, reason: str, agreed_on: dt.date, by: Actor
) -> ComplaintStage:
    stage = current_stage(complaint)
    rules.stage_started(stage is not None)
    assert stage is not None
    rules.stage_open(stage.responded_on)
    rules.extension_needs_reason(reason)
    rules.extension_within_maximum(stage.extension_days, days, stage.stage.max_extension_days)
    rules.not_in_future(agreed_on, today(), "agreed_on")
    stage.extensions.create(
        days=days, reason=reason, agreed_on=agreed_on, recorded_by=acting_user(by)
    )
    stage.extension_days += days
    stage.due_on = add_working_days(
        stage.started_on,
        stage.stage.respond_days + stage.extension_days,
        region_for(complaint.organisation),
    )
    save_recorded(stage, by)
    complaint.next_due_on = stage.due_on
    save_recorded(complaint, by)
    return stage
