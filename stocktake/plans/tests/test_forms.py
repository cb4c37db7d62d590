"""Forms post, redirect and get; bad input gets a clear message and saves nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser


def test_a_valid_update_is_saved_and_redirects_to_the_action(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    url = reverse("plans:action_update", args=[action.uuid])
    response = client.post(
        url,
        {"as_at": "2007-08-31", "position": "Mosaic purchased", "progress_status": "in_progress"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:action_detail", args=[action.uuid])
    update = action.updates.get()
    assert (update.position, update.entered_by) == ("Mosaic purchased", officer)
    page = client.get(response["Location"]).content.decode()
    assert "Update saved" in page
    assert "Mosaic purchased" in page


def test_an_update_without_a_position_shows_an_error_summary_and_saves_nothing(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    response = client.post(
        reverse("plans:action_update", args=[action.uuid]), {"as_at": "2007-08-31"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'href="#id_position"' in page
    assert not action.updates.exists()


def test_a_future_or_impossible_as_at_date_is_refused(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    url = reverse("plans:action_update", args=[action.uuid])
    for as_at in ["2999-01-01", "2008-02-30", "next tuesday"]:
        response = client.post(url, {"as_at": as_at, "position": "Something"})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()
    assert not action.updates.exists()


def test_moving_the_due_date_without_a_reason_saves_nothing(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    url = reverse("plans:action_edit", args=[action.uuid])
    response = client.post(
        url,
        {
            "version": action.updated_at.isoformat(),
            "ref": "1.1",
            "text": "Changed text",
            "agreement": "agreed",
            "progress_status": "in_progress",
            "rag": "green",
            "new_due_text": "June 2009",
            "due_revised_on": "2008-03-01",
            "due_reason": "",
        },
    )
    assert response.status_code == 200
    assert "Enter why the due date is changing" in response.content.decode()
    action.refresh_from_db()
    assert (action.text, action.due_text) == ("Action number 1", "March 2008")
    assert not action.due_revisions.exists()


def test_editing_an_action_records_history_and_the_slippage(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    _, person = make_user("Lead officer", council, name="Caroline Marshall")
    client.force_login(officer)
    url = reverse("plans:action_edit", args=[action.uuid])
    response = client.post(
        url,
        {
            "version": action.updated_at.isoformat(),
            "ref": "1.1",
            "text": "Conduct ward and district profiling",
            "agreement": "agreed",
            "progress_status": "in_progress",
            "rag": "amber",
            "owners": [person.pk],
            "new_due_text": "June 2009",
            "due_revised_on": "2008-03-01",
            "due_reason": "Funding declined by the LSP",
            "due_agreed_by": "Cabinet",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.text == "Conduct ward and district profiling"
    assert action.due_text == "June 2009"
    assert list(action.owners.all()) == [person]
    page = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert "Funding declined by the LSP" in page
    assert "Action number 1 → Conduct ward and district profiling" in page


def test_an_owner_from_another_council_is_refused(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    action = make_plan(council, actions=1).actions.get()
    _, stranger = make_user("Lead officer", other_council)
    client.force_login(officer)
    response = client.post(
        reverse("plans:action_edit", args=[action.uuid]),
        {
            "version": action.updated_at.isoformat(),
            "ref": "1.1",
            "text": "Action number 1",
            "agreement": "agreed",
            "progress_status": "in_progress",
            "rag": "green",
            "owners": [stranger.pk],
            "new_due_text": "March 2008",
        },
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not action.owners.exists()
