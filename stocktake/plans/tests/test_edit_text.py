"""Browsers send text areas with CRLF line endings; saving a form unchanged changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import selectors, services
from stocktake.plans.forms import ActionEditForm, ProgressUpdateForm
from stocktake.plans.models import Action, Plan


def _as_a_browser_posts(action: Action) -> dict[str, Any]:
    """The edit form's values as a browser submits them: text areas with \\r\\n line endings."""
    form = ActionEditForm(instance=action, today=dt.date.today())
    data: dict[str, Any] = {}
    for bound in form:
        value = bound.value()
        if value is None:
            value = ""
        if isinstance(value, dt.date):
            value = value.isoformat()
        data[bound.name] = value.replace("\n", "\r\n") if isinstance(value, str) else value
    return data


def _multiline_action(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> Action:
    action = make_plan(council, actions=1).actions.get()
    return services.action_edit(
        action=action,
        text="Review customer access.\nReport to Cabinet.",
        deliverables="Survey\nReport",
        internal_note="Check with\nHelen",
        by=officer,
    )


def test_saving_the_edit_form_unchanged_saves_nothing_and_logs_no_change(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = _multiline_action(make_plan, council, officer)
    versions, saved_at = action.history.count(), action.updated_at
    client.force_login(officer)

    response = client.post(
        reverse("plans:action_edit", args=[action.uuid]), _as_a_browser_posts(action), follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("plans:action_detail", args=[action.uuid])
    assert "No changes to save" in response.content.decode()
    action.refresh_from_db()
    assert action.text == "Review customer access.\nReport to Cabinet."
    assert (action.history.count(), action.updated_at) == (versions, saved_at)
    assert [c.what for c in selectors.action_history(action)] == ["Changed", "Created"]


def test_a_real_change_stores_plain_line_endings_and_logs_only_what_changed(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = _multiline_action(make_plan, council, officer)
    client.force_login(officer)
    data = _as_a_browser_posts(action) | {
        "rag": "amber",
        "outcomes": "  Better access\r\nfor rural residents\r\n\r\n ",
    }

    response = client.post(reverse("plans:action_edit", args=[action.uuid]), data)

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.text == "Review customer access.\nReport to Cabinet."
    assert action.outcomes == "Better access\nfor rural residents"
    latest = selectors.action_history(action)[0]
    assert {label for label, _, _ in latest.changes} == {"Rag", "Outcomes"}


def test_an_update_is_stored_with_plain_line_endings() -> None:
    form = ProgressUpdateForm(
        {
            "as_at": "2009-06-30",
            "position": " Scoped.\r\nSurvey under way.\r\n",
            "future_action": "a\rb",
        },
        owners=[],
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["position"] == "Scoped.\nSurvey under way."
    assert form.cleaned_data["future_action"] == "a\nb"
