from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.consultations import selectors_kb, services_kb
from stocktake.testing import MakeUser

D = dt.date


@pytest.fixture
def entries(council: Organisation, other_council: Organisation, officer: User) -> None:
    services_kb.entry_create(
        organisation=council, question="Who helps with debt?", answer="Signpost them.",
        kind="organisation", signpost_name="Citizens Advice", signpost_contact="0800 144 8848",
        signpost_helps_with="Debt, benefits and housing advice", tags="money, debt",
        review_on=D(2025, 1, 1), by=officer,
    )  # fmt: skip
    services_kb.entry_create(
        organisation=council, question="When is my bin collected?", answer="Fortnightly.",
        tags="waste", review_on=D(2030, 1, 1), by=officer,
    )  # fmt: skip
    services_kb.entry_create(
        organisation=other_council, question="Debt advice elsewhere", answer="x",
        review_on=D(2025, 1, 1), by=officer,
    )  # fmt: skip


def test_search_matches_every_word_in_any_field_of_this_council_only(
    council: Organisation, entries: None
) -> None:
    assert [e.question for e in selectors_kb.search(council, "DEBT")] == ["Who helps with debt?"]
    assert [e.question for e in selectors_kb.search(council, "benefits citizens")] == [
        "Who helps with debt?"
    ]
    assert selectors_kb.search(council, "debt waste") == []


def test_entries_past_review_are_listed_as_stale(council: Organisation, entries: None) -> None:
    stale = selectors_kb.stale(council, today=D(2026, 1, 1))
    assert [e.question for e in stale] == ["Who helps with debt?"]


def test_an_entry_needs_an_answer(council: Organisation, officer: User) -> None:
    with pytest.raises(ValidationError, match="answer"):
        services_kb.entry_create(
            organisation=council, question="Q", answer=" ", review_on=D(2026, 1, 1), by=officer
        )


def test_editing_refreshes_what_search_finds(council: Organisation, officer: User) -> None:
    entry = services_kb.entry_create(
        organisation=council, question="Parking", answer="Pay at the machine",
        review_on=D(2027, 1, 1), by=officer,
    )  # fmt: skip
    services_kb.entry_edit(entry=entry, answer="Pay by phone", by=officer)
    assert selectors_kb.search(council, "phone") == [entry]
    assert selectors_kb.search(council, "machine") == []


def test_councillors_search_but_only_editors_add(
    client: Client, make_user: MakeUser, council: Organisation, entries: None
) -> None:
    councillor = make_user("Councillor", council)[0]
    client.force_login(councillor)
    url = reverse("consultations:kb_search", args=[council.uuid])
    page = client.get(url, {"q": "debt"}).content.decode()
    assert "Citizens Advice" in page
    assert client.get(reverse("consultations:kb_create", args=[council.uuid])).status_code == 403
    assert client.get(reverse("consultations:kb_stale", args=[council.uuid])).status_code == 200


def test_the_search_page_costs_a_fixed_number_of_queries(
    client: Client, officer: User, council: Organisation, entries: None
) -> None:
    client.force_login(officer)
    url = reverse("consultations:kb_search", args=[council.uuid])
    client.get(url, {"q": "e"})
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"q": "e"})
    for i in range(5):
        services_kb.entry_create(
            organisation=council, question=f"Extra {i}", answer="e", review_on=D(2030, 1, 1),
            by=officer,
        )  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        client.get(url, {"q": "e"})
    assert len(many) == len(few)


def test_an_officer_adds_an_entry_through_the_page(
    client: Client, officer: User, council: Organisation
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("consultations:kb_create", args=[council.uuid]),
        {"kind": "question", "question": "Council tax bands?", "answer": "A to H",
         "review_on": "2027-04-01"},
    )  # fmt: skip
    assert response.status_code == 302
    assert selectors_kb.search(council, "bands")[0].answer == "A to H"
