import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation, Person
from stocktake.complaints import services, services_after
from stocktake.complaints.models import Complaint, OmbudsmanCase, Procedure
from stocktake.complaints.workdays import Region

D = dt.date


def test_the_defaults_follow_the_complaint_handling_code(procedures: dict[str, Procedure]) -> None:
    stages = list(procedures["corporate"].stages.values_list(
        "number", "acknowledge_days", "respond_days", "max_extension_days"
    ))  # fmt: skip
    assert stages == [(1, 5, 10, 10), (2, 5, 20, 20)]
    assert procedures["childrens_social_care"].stages.count() == 3
    assert procedures["housing"].ombudsman == "Housing Ombudsman Service"


def test_ensuring_the_defaults_twice_adds_nothing(council: Organisation, officer: User) -> None:
    services.procedures_ensure(organisation=council, by=officer)
    services.procedures_ensure(organisation=council, by=officer)
    assert Procedure.objects.filter(organisation=council).count() == 4


def test_it_is_due_for_acknowledgement_five_working_days_after_christmas_eve(
    complaint: Complaint,
) -> None:
    assert complaint.reference == "C2025-0001"
    assert complaint.acknowledge_due_on == D(2026, 1, 5)
    assert complaint.next_due_on == D(2026, 1, 5)


def test_a_scottish_council_counts_the_second_of_january(
    council: Organisation, officer: User, procedures: dict[str, Procedure]
) -> None:
    services.region_set(organisation=council, region=Region.SCOTLAND, by=officer)
    complaint = services.complaint_receive(
        organisation=council, received_on=D(2025, 12, 24), channel="letter", summary="x", by=officer
    )
    assert complaint.acknowledge_due_on == D(2026, 1, 6)


def test_stage_one_is_due_ten_working_days_after_acknowledgement_over_easter(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    stage = services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 3, 26), handler=handlers[0], by=officer
    )
    # 27, 30, 31 Mar, 1, 2 Apr, (3 and 6 Apr are Good Friday and Easter Monday) 7, 8, 9, 10, 13
    assert stage.due_on == D(2026, 4, 13)
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.OPEN
    assert complaint.next_due_on == D(2026, 4, 13)


def test_an_extension_moves_the_due_date_within_the_stage_maximum(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    stage = services.stage_extend(
        complaint=complaint,
        days=6,
        reason="Waiting for the contractor",
        agreed_on=D(2026, 1, 9),
        by=officer,
    )
    assert stage.due_on == D(2026, 1, 27)  # 16 working days after 5 January
    with pytest.raises(ValidationError, match="4 remain"):
        services.stage_extend(
            complaint=complaint, days=5, reason="More", agreed_on=D(2026, 1, 12), by=officer
        )
    stage = services.stage_extend(
        complaint=complaint, days=4, reason="More", agreed_on=D(2026, 1, 12), by=officer
    )
    assert stage.extension_days == 10
    assert stage.extensions.count() == 2


def test_an_extension_needs_a_reason(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    with pytest.raises(ValidationError, match="why more time"):
        services.stage_extend(
            complaint=complaint, days=2, reason=" ", agreed_on=D(2026, 1, 6), by=officer
        )


def test_stage_two_must_have_a_different_handler(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    with pytest.raises(ValidationError, match="Answer the current stage"):
        services.complaint_escalate(
            complaint=complaint, on=D(2026, 1, 6), handler=handlers[1], by=officer
        )
    services.stage_respond(
        complaint=complaint, responded_on=D(2026, 1, 16), outcome="not_upheld", by=officer
    )
    with pytest.raises(ValidationError, match="different handler"):
        services.complaint_escalate(
            complaint=complaint, on=D(2026, 1, 20), handler=handlers[0], by=officer
        )
    stage = services.complaint_escalate(
        complaint=complaint, on=D(2026, 1, 20), handler=handlers[1], by=officer
    )
    assert (stage.number, stage.due_on) == (2, D(2026, 2, 17))
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.OPEN


def test_the_last_stage_escalates_to_the_ombudsman_not_another_stage(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    services.stage_respond(
        complaint=complaint, responded_on=D(2026, 1, 6), outcome="upheld", by=officer
    )
    services.complaint_escalate(
        complaint=complaint, on=D(2026, 1, 7), handler=handlers[1], by=officer
    )
    services.stage_respond(
        complaint=complaint, responded_on=D(2026, 1, 8), outcome="upheld", by=officer
    )
    with pytest.raises(ValidationError, match="Ombudsman"):
        services.complaint_escalate(
            complaint=complaint, on=D(2026, 1, 9), handler=handlers[0], by=officer
        )
    case = services_after.ombudsman_refer(
        complaint=complaint, referred_on=D(2026, 2, 1), by=officer
    )
    assert case.ombudsman == "Local Government and Social Care Ombudsman"
    services_after.ombudsman_decide(
        case=case, decision="not_upheld", decided_on=D(2026, 5, 1), by=officer
    )


def test_a_refused_complaint_needs_a_reason_and_is_not_acknowledged(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    with pytest.raises(ValidationError):
        services.complaint_refuse(complaint=complaint, on=D(2026, 1, 2), reason="", by=officer)
    services.complaint_refuse(
        complaint=complaint, on=D(2026, 1, 2), reason="A planning appeal", by=officer
    )
    assert complaint.next_due_on is None
    with pytest.raises(ValidationError, match="not accepted"):
        services.complaint_acknowledge(
            complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
        )


def test_a_response_cannot_predate_the_stage(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    with pytest.raises(ValidationError):
        services.stage_respond(
            complaint=complaint, responded_on=D(2026, 1, 2), outcome="upheld", by=officer
        )


def test_a_representative_must_be_named(
    council: Organisation, officer: User, procedures: dict[str, Procedure]
) -> None:
    with pytest.raises(ValidationError, match="representative"):
        services.complaint_receive(
            organisation=council, received_on=D(2026, 1, 5), channel="via_councillor",
            summary="x", via_representative=True, by=officer,
        )  # fmt: skip


def test_learning_and_satisfaction_are_recorded(complaint: Complaint, officer: User) -> None:
    services_after.learning_add(
        complaint=complaint, what_changed="New round sheet", changed_on=D(2026, 2, 1), by=officer
    )
    services_after.satisfaction_record(complaint=complaint, satisfaction=4, by=officer)
    assert complaint.learning.get().unit == complaint.unit
    assert complaint.history.count() >= 2


def test_a_referral_waits_for_the_procedure_unless_the_council_is_late_or_it_was_taken_early(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    services.stage_respond(
        complaint=complaint, responded_on=D(2026, 1, 6), outcome="upheld", by=officer
    )
    # Answered at stage 1 of 2: the complainant has not used the last stage.
    with pytest.raises(ValidationError, match="procedure had not finished"):
        services_after.ombudsman_refer(complaint=complaint, referred_on=D(2026, 2, 1), by=officer)
    assert not OmbudsmanCase.objects.exists()
    case = services_after.ombudsman_refer(
        complaint=complaint, referred_on=D(2026, 2, 1), taken_early=True, by=officer
    )
    assert case.taken_early


def test_a_late_council_can_be_referred_before_its_last_stage(
    complaint: Complaint, handlers: list[Person], officer: User
) -> None:
    services.complaint_acknowledge(
        complaint=complaint, on=D(2026, 1, 5), handler=handlers[0], by=officer
    )
    complaint.refresh_from_db()
    assert complaint.next_due_on is not None
    with pytest.raises(ValidationError):
        services_after.ombudsman_refer(
            complaint=complaint, referred_on=complaint.next_due_on, by=officer
        )
    late = complaint.next_due_on + dt.timedelta(days=1)
    case = services_after.ombudsman_refer(complaint=complaint, referred_on=late, by=officer)
    assert not case.taken_early
