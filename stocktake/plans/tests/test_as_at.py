"""The as-at view is built from business dates, never from when something was typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.plans import services
from stocktake.plans.models import Action, Plan

POSITION = "Purchase Mosaic to enable customer profiling and segmentation"


def _page(client: Client, plan: Plan, as_at: str | None) -> str:
    url = reverse("plans:plan_detail", args=[plan.uuid])
    return client.get(url, {"as_at": as_at} if as_at else {}).content.decode()


def test_an_update_dated_2007_entered_today_shows_in_2007_and_not_before(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=1)
    action = plan.actions.get()
    services.action_update_add(
        action=action,
        as_at=dt.date(2007, 8, 31),
        position=POSITION,
        progress_status="in_progress",
        rag="amber",
        by=officer,
    )
    client.force_login(officer)
    assert POSITION in _page(client, plan, "2007-08-31")
    assert POSITION in _page(client, plan, "2007-12-01")
    assert POSITION in _page(client, plan, None)
    before = _page(client, plan, "2007-08-30")
    assert POSITION not in before
    assert "No update" in before
    assert "as it stood on" in before


def test_status_in_the_past_comes_from_the_update_in_force_then(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=1)
    action = plan.actions.get()
    services.action_update_add(
        action=action,
        as_at=dt.date(2007, 8, 31),
        position="Started",
        progress_status="in_progress",
        rag="amber",
        by=officer,
    )
    services.action_update_add(
        action=action,
        as_at=dt.date(2008, 5, 31),
        position="Done",
        progress_status="complete",
        rag="blue",
        by=officer,
    )
    today = dt.date(2026, 1, 1)

    def shown(when: dt.date) -> tuple[str, str, str | None]:
        a = Action.objects.for_plan(plan).as_at(when, today=today).get()
        return (
            getattr(a, "status_shown"),  # noqa: B009 - annotations, unknown to the type checker
            getattr(a, "rag_shown"),  # noqa: B009
            getattr(a, "last_update_position"),  # noqa: B009
        )

    assert shown(dt.date(2007, 1, 1)) == ("unknown", "none", None)
    assert shown(dt.date(2007, 9, 1)) == ("in_progress", "amber", "Started")
    assert shown(dt.date(2008, 6, 1)) == ("complete", "blue", "Done")


def test_an_older_update_entered_later_does_not_overwrite_the_current_status(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    services.action_update_add(
        action=action,
        as_at=dt.date(2008, 5, 31),
        position="Done",
        progress_status="complete",
        rag="blue",
        by=officer,
    )
    services.action_update_add(
        action=action,
        as_at=dt.date(2007, 8, 31),
        position="Started",
        progress_status="in_progress",
        rag="amber",
        by=officer,
    )
    action.refresh_from_db()
    assert (action.progress_status, action.rag) == ("complete", "blue")


def test_overdue_and_not_updated_filters_follow_the_as_at_date(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=2)
    first, second = plan.actions.order_by("position")
    services.action_update_add(
        action=first,
        as_at=dt.date(2008, 2, 1),
        position="Finished early",
        progress_status="complete",
        by=officer,
    )
    client.force_login(officer)
    url = reverse("plans:plan_detail", args=[plan.uuid])
    overdue = client.get(url, {"as_at": "2008-06-01", "overdue": "on"}).content.decode()
    assert second.text in overdue
    assert first.text not in overdue
    stale = client.get(url, {"as_at": "2008-06-01", "not_updated_since": "2008-01-01"})
    assert second.text in stale.content.decode()
    assert first.text not in stale.content.decode()
    early = client.get(url, {"as_at": "2008-01-01", "overdue": "on"}).content.decode()
    assert second.text not in early
    assert first.text not in early
