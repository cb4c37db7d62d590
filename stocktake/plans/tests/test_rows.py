"""The plan page's rows give each action's position exactly as ActionQuerySet.as_at() does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Post
from stocktake.plans import services
from stocktake.plans import services_ownership as ownership
from stocktake.plans.models import Action, Plan, UpdateState
from stocktake.plans.rows import plan_rows
from stocktake.plans.selectors import plan_actions
from stocktake.testing import MakeUser

SHOWN = (
    "status_shown",
    "rag_shown",
    "due_as_at",
    "due_text_as_at",
    "slippage_count",
    "is_overdue",
    "last_update_as_at",
    "last_update_position",
)


def _history(plan: Plan, officer: User) -> None:
    """Updates on the same and different dates, a returned one, and slipped due dates."""
    actions = list(plan.actions.order_by("position"))
    first, second, third = actions[0], actions[1], actions[2]
    for day, rag, status in [(1, "green", "in_progress"), (1, "amber", ""), (20, "red", "")]:
        services.action_update_add(
            action=first,
            as_at=dt.date(2008, 3, day),
            position=f"{rag} on {day}",
            progress_status=status,
            rag=rag,
            by=officer,
        )
    returned = services.action_update_add(
        action=second,
        as_at=dt.date(2008, 4, 1),
        position="Sent back",
        progress_status="complete",
        rag="blue",
        by=officer,
    )
    returned.state = UpdateState.RETURNED
    returned.save()
    services.action_update_add(
        action=second,
        as_at=dt.date(2008, 2, 1),
        position="Finished",
        progress_status="complete",
        rag="blue",
        by=officer,
    )
    services.action_due_revise(
        action=third,
        new_due_text="June 2008",
        reason="Slipped",
        revised_on=dt.date(2008, 1, 10),
        by=officer,
    )
    services.action_due_revise(
        action=third,
        new_due_text="March 2009",
        reason="Slipped again",
        revised_on=dt.date(2008, 7, 1),
        by=officer,
    )
    services.action_due_revise(
        action=first,
        new_due_text="January 2008",
        reason="Brought forward",
        revised_on=dt.date(2007, 12, 1),
        by=officer,
    )


def _reference(plan: Plan, when: dt.date, today: dt.date, filters: dict[str, Any]) -> list[Any]:
    found: list[Action] = list(plan_actions(plan, when=when, today=today, filters=filters))
    return [(a.pk, *(getattr(a, name) for name in SHOWN)) for a in found]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "complete"},
        {"rag": "red"},
        {"overdue": True},
        {"not_updated_since": dt.date(2008, 3, 5)},
    ],
)
@pytest.mark.parametrize(
    "when", [dt.date(2007, 6, 1), dt.date(2008, 3, 1), dt.date(2008, 5, 1), dt.date(2009, 6, 1)]
)
def test_each_row_shows_the_position_as_at_gives_on_any_date_and_filter(
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    when: dt.date,
    filters: dict[str, Any],
) -> None:
    plan = make_plan(council, actions=4)
    _history(plan, officer)
    today = dt.date(2009, 1, 1)
    rows = plan_rows(plan, when=when, today=today, filters=filters)
    assert [(r.id, *(getattr(r, name) for name in SHOWN)) for r in rows] == _reference(
        plan, when, today, filters
    )


def test_rows_name_people_posts_with_their_holders_and_organisations_and_escape_text(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    plan = make_plan(council, actions=3)
    first, second, third = plan.actions.order_by("position")
    services.action_edit(action=first, by=officer, text="Fix <script>alert(1)</script> & more")
    _, leaver = make_user("Lead officer", council, name="Steve <Phipps>")
    ownership.person_leave(person=leaver, left_on=dt.date(2009, 3, 31), by=officer)
    services.action_owner_add(action=first, person=leaver, by=officer)
    held = Post.objects.create(organisation=council, title="Head of Finance")
    _, holder = make_user("Lead officer", council, name="Jane Holder")
    ownership.post_fill(post=held, person=holder, start_date=dt.date(2008, 1, 1), by=officer)
    services.action_owner_add(action=first, post=held, by=officer)
    vacant = Post.objects.create(organisation=council, title="E&D Officer")
    services.action_owner_add(action=second, post=vacant, by=officer)
    services.action_owner_add(action=third, organisation=council, by=officer)
    client.force_login(officer)
    page = client.get(reverse("plans:plan_detail", args=[plan.uuid])).content.decode()
    assert "Fix &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "<script>alert" not in page
    assert (
        'Steve &lt;Phipps&gt; <strong class="govuk-tag govuk-tag--orange">Left</strong>, '
        "Head of Finance (Jane Holder)"
    ) in page
    assert 'E&amp;D Officer <strong class="govuk-tag govuk-tag--orange">Vacant</strong>' in page
    assert f'<td class="govuk-table__cell">{council.name}</td>' in page
    assert reverse("plans:action_detail", args=[first.uuid]) in page
