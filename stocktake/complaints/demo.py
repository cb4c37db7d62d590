"""Demonstration complaints for the demo council: a year of them, each taken through the
complaint services the way a handler would (received, accepted, acknowledged, answered on time or
late, escalated, refused, referred to the ombudsman), so every register, report and breakdown
has something to show. Dates count back from `today`, so the demo stays current."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction

from stocktake.accounts.models import Organisation, Person
from stocktake.customers.models import Area

from . import services, services_after
from .models import Channel, Complaint
from .models_handling import OmbudsmanCase, Outcome
from .workdays import add_working_days


@dataclass(frozen=True)
class Story:
    days_ago: int
    channel: str
    service: str
    summary: str
    path: str  # on_time | late | extended | escalated | ombudsman | refused | open | received
    outcome: str = Outcome.NOT_UPHELD
    age_band: str = ""
    disabled: bool | None = None
    satisfaction: int | None = None


STORIES = (
    Story(340, Channel.WEB_FORM, "Waste and recycling", "Green bin missed four weeks running.",
          "on_time", Outcome.UPHELD, "45_64", False, 4),
    Story(320, Channel.LETTER, "Council Tax", "Disputes the band of a new-build house.",
          "refused"),
    Story(300, Channel.TELEPHONE, "Customer contact centre",
          "Waited over forty minutes on the phone three days in a row.",
          "ombudsman", Outcome.NOT_UPHELD, "65_over", True, 1),
    Story(270, Channel.EMAIL, "Planning", "No reply to an objection to a planning application.",
          "late", Outcome.PARTLY_UPHELD, "25_44", False, 2),
    Story(240, Channel.FACE_TO_FACE, "Housing Benefit",
          "Benefit stopped without a letter explaining why.",
          "escalated", Outcome.UPHELD, "under_25", None, 4),
    Story(200, Channel.WEB_FORM, "Parking", "Penalty charge issued while the meter was broken.",
          "on_time", Outcome.NOT_UPHELD, "25_44", False, 3),
    Story(160, Channel.REPRESENTATIVE, "Street cleaning",
          "Fly-tipping in a lane reported five times and not cleared.",
          "extended", Outcome.UPHELD, "", None, 5),
    Story(120, Channel.TELEPHONE, "Council Tax",
          "Direct debit taken twice in one month.",
          "on_time", Outcome.UPHELD, "45_64", True, 5),
    Story(80, Channel.EMAIL, "Licensing", "Taxi licence renewal took eleven weeks.",
          "late", Outcome.UPHELD, "", None),
    Story(45, Channel.FACE_TO_FACE, "Customer service centre",
          "No hearing loop working at the reception desk.",
          "on_time", Outcome.UPHELD, "65_over", True),
    Story(12, Channel.WEB_FORM, "Waste and recycling", "Crew left a bin in the road.",
          "open", age_band="25_44", disabled=False),
    Story(2, Channel.LETTER, "Housing", "Repair to a council flat's roof not yet booked.",
          "received"),
)  # fmt: skip


def demo_complaints(
    *, organisation: Organisation, officer: User, handler: Person, reviewer: Person, today: dt.date
) -> int:
    """About a dozen complaints over the year before `today`; `handler` answers stage 1 and
    `reviewer` stage 2. Returns how many were received."""
    codes = list(
        Area.objects.filter(district_code=organisation.gss_code)
        .exclude(district_code="")
        .order_by("code")
        .values_list("code", flat=True)
    )
    with transaction.atomic():
        services.procedures_ensure(organisation=organisation, by=officer)
        for n, story in enumerate(STORIES):
            complaint = services.complaint_receive(
                organisation=organisation,
                received_on=today - dt.timedelta(days=story.days_ago),
                channel=story.channel,
                summary=story.summary,
                service_name=story.service,
                complainant_name=f"Demo complainant {n + 1}",
                complainant_contact=f"complainant{n + 1}@example.org",
                via_representative=story.channel == Channel.REPRESENTATIVE,
                representative_name=(
                    "Cllr Chris Member" if story.channel == Channel.REPRESENTATIVE else ""
                ),
                area_code=codes[(n * 7) % len(codes)] if codes and n % 3 else "",
                age_band=story.age_band,
                disabled=story.disabled,
                by=officer,
            )
            _handle(complaint, story, officer, handler, reviewer)
    return len(STORIES)


def _days(start: dt.date, working_days: int) -> dt.date:
    return add_working_days(start, working_days)


def _handle(
    complaint: Complaint, story: Story, officer: User, handler: Person, reviewer: Person
) -> None:
    received = complaint.received_on
    if story.path == "received":
        return
    if story.path == "refused":
        services.complaint_refuse(
            complaint=complaint,
            on=_days(received, 3),
            reason="Council Tax bands are set by the Valuation Office Agency; we have told the "
            "complainant how to challenge the band with them.",
            by=officer,
        )
        return
    services.complaint_accept(complaint=complaint, on=_days(received, 1), by=officer)
    stage = services.complaint_acknowledge(
        complaint=complaint, on=_days(received, 2), handler=handler, by=officer
    )
    if story.path == "open":
        return
    if story.path == "extended":
        stage = services.stage_extend(
            complaint=complaint,
            days=5,
            reason="Waiting for the contractor's records; the complainant agreed.",
            agreed_on=_days(stage.started_on, 8),
            by=officer,
        )
    late = story.path == "late"
    answered = _days(stage.due_on, 6) if late else _days(stage.started_on, 7)
    first_outcome = (
        Outcome.NOT_UPHELD if story.path in ("escalated", "ombudsman") else story.outcome
    )
    services.stage_respond(
        complaint=complaint,
        responded_on=answered,
        outcome=first_outcome,
        response_summary="We looked into what happened and wrote to explain.",
        by=officer,
    )
    if story.path in ("escalated", "ombudsman"):
        second = services.complaint_escalate(
            complaint=complaint, on=_days(answered, 5), handler=reviewer, by=officer
        )
        answered = _days(second.started_on, 15)
        services.stage_respond(
            complaint=complaint,
            responded_on=answered,
            outcome=story.outcome,
            response_summary="A senior officer reviewed the complaint and the first response.",
            remedy="An apology and £50 for the time and trouble."
            if story.outcome == Outcome.UPHELD
            else "",
            by=officer,
        )
    if story.satisfaction is not None:
        services_after.satisfaction_record(
            complaint=complaint, satisfaction=story.satisfaction, by=officer
        )
    if story.path == "ombudsman":
        case = services_after.ombudsman_refer(
            complaint=complaint, referred_on=answered + dt.timedelta(days=30), by=officer
        )
        services_after.ombudsman_decide(
            case=case,
            decision=OmbudsmanCase.Decision.NOT_UPHELD,
            decided_on=case.referred_on + dt.timedelta(days=90),
            by=officer,
        )
    if story.path == "on_time" and story.outcome == Outcome.UPHELD and story.days_ago > 300:
        services_after.learning_add(
            complaint=complaint,
            what_changed="Crews now photograph any bin they cannot empty, and the round sheet "
            "flags streets missed twice in a month to the supervisor.",
            changed_on=answered + dt.timedelta(days=14),
            by=officer,
        )
