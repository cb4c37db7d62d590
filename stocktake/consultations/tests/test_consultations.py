from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Person
from stocktake.consultations import selectors, services
from stocktake.consultations.models import Consultation
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser

D = dt.date


@pytest.fixture
def lead(make_user: MakeUser, council: Organisation) -> Person:
    return make_user("Lead officer", council, name="Helen Walton")[1]


@pytest.fixture
def leisure(council: Organisation, officer: User, lead: Person) -> Consultation:
    return services.consultation_plan(
        organisation=council, title="Leisure centre opening hours", areas="Saffron Walden",
        opens_on=D(2026, 1, 5), closes_on=D(2026, 2, 27), lead_officer=lead,
        we_asked="Should the pool open earlier?", methods=["survey"], by=officer,
    )  # fmt: skip


def test_planning_a_similar_consultation_needs_the_duplicates_checked(
    council: Organisation, officer: User, leisure: Consultation
) -> None:
    with pytest.raises(ValidationError, match="similar"):
        services.consultation_plan(
            organisation=council, title="Opening hours of the leisure centre", by=officer
        )
    with pytest.raises(ValidationError, match="similar"):
        services.consultation_plan(
            organisation=council, title="Car parking charges", areas="saffron walden, Thaxted",
            by=officer,
        )  # fmt: skip
    services.consultation_plan(
        organisation=council, title="Car parking charges", areas="Thaxted",
        checked_similar=True, by=officer,
    )  # fmt: skip
    found = selectors.similar(council, title="Budget priorities", areas="", today=D(2026, 3, 1))
    assert found == []


def test_the_outcome_is_published_only_with_feedback_that_can_start_an_action(
    leisure: Consultation, officer: User, make_plan: Callable[..., Plan], council: Organisation
) -> None:
    for status in ("open", "closed", "analysing"):
        services.consultation_edit(consultation=leisure, status=status, by=officer)
    with pytest.raises(ValidationError, match="you did"):
        services.consultation_edit(consultation=leisure, status="outcome_published", by=officer)
    plan = make_plan(council, actions=0)
    feedback = services.feedback_add(
        consultation=leisure, you_said="Open at 6am", we_did="Pool opens at 6:30 from April",
        new_action_plan=plan, by=officer,
    )  # fmt: skip
    assert feedback.action is not None
    assert feedback.action.plan == plan
    services.consultation_edit(consultation=leisure, status="outcome_published", by=officer)
    with pytest.raises(ValidationError, match="one step"):
        services.consultation_edit(consultation=leisure, status="open", by=officer)


def test_closing_before_opening_is_refused(council: Organisation, officer: User) -> None:
    with pytest.raises(ValidationError, match="closing date"):
        services.consultation_plan(
            organisation=council, title="Budget", opens_on=D(2026, 3, 1), closes_on=D(2026, 2, 1),
            by=officer,
        )  # fmt: skip


def test_response_counts_are_set_not_added(leisure: Consultation, officer: User) -> None:
    services.responses_record(
        consultation=leisure, kind="channel", label="Online", count=10, by=officer
    )
    services.responses_record(
        consultation=leisure, kind="channel", label="Online", count=12, by=officer
    )
    services.responses_record(
        consultation=leisure, kind="equality", label="Age 65+", count=4, by=officer
    )
    assert {r.label: r.count for r in leisure.response_counts.all()} == {"Online": 12, "Age 65+": 4}


def test_the_public_sees_published_outcomes_without_names(
    client: Client, leisure: Consultation, officer: User
) -> None:
    detail = reverse("consultations:public_detail", args=[leisure.uuid])
    assert client.get(detail).status_code == 404
    for status in ("open", "closed", "analysing"):
        services.consultation_edit(consultation=leisure, status=status, by=officer)
    services.feedback_add(
        consultation=leisure, you_said="Open earlier", we_did="We did", by=officer
    )
    services.consultation_edit(consultation=leisure, status="outcome_published", by=officer)
    listing = client.get(reverse("consultations:public_list")).content.decode()
    assert "Leisure centre opening hours" in listing
    page = client.get(detail).content.decode()
    assert "Open earlier" in page
    assert "Helen Walton" not in page


ROLES = {
    "anonymous": (302, 302),
    "Viewer": (403, 403),
    "Councillor": (200, 403),
    "Lead officer": (200, 403),
    "Performance officer": (200, 200),
    "Performance officer (other council)": (403, 403),
}


@pytest.mark.parametrize("role", ROLES)
def test_the_planner_is_for_council_staff_and_councillors(
    client: Client, make_user: MakeUser, council: Organisation, other_council: Organisation,
    officer: User, leisure: Consultation, role: str,
) -> None:  # fmt: skip
    users = {
        "Viewer": lambda: make_user("Viewer", council)[0],
        "Councillor": lambda: make_user("Councillor", council)[0],
        "Lead officer": lambda: make_user("Lead officer", council)[0],
        "Performance officer": lambda: officer,
        "Performance officer (other council)": lambda: make_user(
            "Performance officer", other_council
        )[0],
    }
    if role in users:
        client.force_login(users[role]())
    read, manage = ROLES[role]
    assert client.get(reverse("consultations:register", args=[council.uuid])).status_code == read
    assert client.get(reverse("consultations:detail", args=[leisure.uuid])).status_code == read
    assert client.get(reverse("consultations:plan", args=[council.uuid])).status_code == manage


def test_the_lead_officer_may_edit_their_own_consultation(
    client: Client, lead: Person, leisure: Consultation
) -> None:
    assert lead.user is not None
    client.force_login(lead.user)
    url = reverse("consultations:feedback", args=[leisure.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, {"you_said": "More lanes", "we_did": "Two more lanes"})
    assert response.status_code == 302
    assert leisure.feedback.count() == 1


def test_the_plan_page_shows_similar_consultations(
    client: Client, officer: User, council: Organisation, leisure: Consultation
) -> None:
    client.force_login(officer)
    url = reverse("consultations:plan", args=[council.uuid])
    response = client.post(url, {"title": "Leisure centre hours", "areas": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Similar consultations" in page
    assert "Leisure centre opening hours" in page
    response = client.post(url, {"title": "Leisure centre hours", "checked_similar": "on"})
    assert response.status_code == 302
