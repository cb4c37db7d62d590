"""Complaints and consultations in 2025/26 whose figures are known, full of personal details
that must never reach a report: every string in PERSONAL is checked for in the outputs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.complaints import services as complaints
from stocktake.complaints import services_after
from stocktake.complaints.models import Complaint
from stocktake.consultations import services as consultations

D = dt.date
TODAY = D(2026, 1, 15)  # in financial year 2025/26
PUBLISHED = "Town centre parking survey"
UNPUBLISHED = "Depot closure options"
PERSONAL = [
    "Agnes Nutter",
    "agnes@example.org",
    "Bin left unemptied outside 4 Privet Drive",
    "An apology from the crew",
    "Hearing impaired, call by text",
    "Representative Aziraphale",
    "Anathema Device",  # stage 1 handler
    "Newton Pulsifer",  # stage 2 handler
    "Lead officer Crowley",
    "We apologised to Mrs Nutter",
    "Fifty pounds for Agnes",
    "Crews photograph missed bins at Privet Drive",
    "Ombudsman remedy for Agnes",
]


@dataclass
class CustomerData:
    open_complaint: Complaint
    handlers: list[Person]


def customer_data(
    organisation: Organisation, by: User, handlers: list[Person], service: Unit | None = None
) -> CustomerData:
    """Three complaints (stage 1: 2 answered, 1 on time; stage 2: 1 answered late; one still
    open and overdue at TODAY) and three consultations in the year, one outside it."""
    first = complaints.complaint_receive(
        organisation=organisation, received_on=D(2025, 5, 1), channel="email", unit=service,
        summary=PERSONAL[2], complainant_name=PERSONAL[0], complainant_contact=PERSONAL[1],
        outcome_sought=PERSONAL[3], vulnerable=True, vulnerability_note=PERSONAL[4],
        via_representative=True, representative_name=PERSONAL[5], by=by,
    )  # fmt: skip
    complaints.complaint_acknowledge(complaint=first, on=D(2025, 5, 2), handler=handlers[0], by=by)
    complaints.stage_respond(
        complaint=first, responded_on=D(2025, 5, 2), outcome="upheld",
        response_summary=PERSONAL[9], remedy=PERSONAL[10], by=by,
    )  # fmt: skip
    complaints.complaint_escalate(complaint=first, on=D(2025, 5, 10), handler=handlers[1], by=by)
    complaints.stage_respond(
        complaint=first, responded_on=D(2025, 9, 30), outcome="not_upheld", by=by
    )
    case = services_after.ombudsman_refer(complaint=first, referred_on=D(2025, 10, 15), by=by)
    services_after.ombudsman_decide(
        case=case, decision="upheld", decided_on=D(2025, 12, 1), remedy=PERSONAL[12], by=by
    )
    services_after.learning_add(
        complaint=first, what_changed=PERSONAL[11], changed_on=D(2025, 11, 1), by=by
    )
    second = complaints.complaint_receive(
        organisation=organisation, received_on=D(2025, 6, 2), channel="letter",
        service_name="Waste", summary="Second complaint", by=by,
    )  # fmt: skip
    complaints.complaint_acknowledge(complaint=second, on=D(2025, 6, 3), handler=handlers[0], by=by)
    complaints.stage_respond(
        complaint=second, responded_on=D(2025, 8, 30), outcome="partly_upheld", by=by
    )
    third = complaints.complaint_receive(
        organisation=organisation, received_on=D(2025, 12, 1), channel="telephone",
        service_name="Waste", summary="Third complaint", by=by,
    )  # fmt: skip
    complaints.complaint_acknowledge(complaint=third, on=D(2025, 12, 2), handler=handlers[0], by=by)

    lead = handlers[2] if len(handlers) > 2 else None
    parking = consultations.consultation_plan(
        organisation=organisation, title=PUBLISHED, opens_on=D(2025, 6, 1),
        closes_on=D(2025, 7, 31), lead_officer=lead, checked_similar=True, by=by,
    )  # fmt: skip
    for n in (1, 2):
        consultations.feedback_add(
            consultation=parking, you_said=f"Said {n}", we_did=f"Did {n}", by=by
        )
    consultations.consultation_edit(consultation=parking, status="outcome_published", by=by)
    consultations.consultation_plan(
        organisation=organisation, title=UNPUBLISHED, opens_on=D(2026, 2, 1),
        closes_on=D(2026, 3, 1), lead_officer=lead, checked_similar=True, by=by,
    )  # fmt: skip
    consultations.consultation_plan(
        organisation=organisation, title="Leisure review", opens_on=D(2026, 1, 1),
        closes_on=D(2026, 2, 1), status="open", checked_similar=True, by=by,
    )  # fmt: skip
    consultations.consultation_plan(
        organisation=organisation, title="Last year's survey", opens_on=D(2024, 5, 1),
        closes_on=D(2024, 6, 1), checked_similar=True, by=by,
    )  # fmt: skip
    return CustomerData(third, handlers)
