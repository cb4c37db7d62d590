"""Data-quality flags read as words with their meaning, never as the importer's codes."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.flags import flag_label
from stocktake.plans.models import Plan

CODES = ["duplicate_ref", "date_required", "not_prioritised", "cross_reference"]


def test_flags_show_labels_and_what_they_mean_on_the_action_and_plan_pages(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=1)
    action = plan.actions.get()
    services.action_edit(action=action, flags=CODES, by=officer)
    client.force_login(officer)

    action_page = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    plan_page = client.get(reverse("plans:plan_detail", args=[plan.uuid])).content.decode()

    for page in (action_page, plan_page):
        for label in ["Duplicate reference", "Date required", "Not prioritised", "Cross-reference"]:
            assert label in page
        for code in CODES:
            assert code not in page
    assert "a due date is still to be set" in action_page


def test_a_duplicate_reference_links_to_the_other_actions_with_the_same_ref(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=0)
    first, second = (
        services.action_create(plan=plan, ref="3.4", text=text, flags=["duplicate_ref"], by=officer)
        for text in ("Publish the access strategy", "Review opening hours")
    )
    services.action_create(plan=plan, ref="3.5", text="Unrelated", by=officer)
    elsewhere = make_plan(council, actions=0, title="Another plan")
    other = services.action_create(plan=elsewhere, ref="3.4", text="Not a twin", by=officer)
    client.force_login(officer)

    page = client.get(reverse("plans:action_detail", args=[first.uuid])).content.decode()

    assert reverse("plans:action_detail", args=[second.uuid]) in page
    assert "Review opening hours" in page
    assert reverse("plans:action_detail", args=[other.uuid]) not in page


def test_a_flag_not_yet_known_reads_as_words() -> None:
    assert flag_label("owner_left_council") == "Owner left council"


def test_a_change_of_flags_reads_as_labels_in_the_actions_history(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    services.action_edit(action=action, flags=["date_required"], by=officer)
    services.action_edit(action=action, flags=["date_required", "duplicate_ref"], by=officer)
    client.force_login(officer)
    page = client.get(reverse("plans:action_detail", args=[action.uuid])).content.decode()
    assert "Date required, Duplicate reference" in page
