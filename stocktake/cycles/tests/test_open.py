from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stocktake.cycles import services
from stocktake.cycles.models import CycleRequest, Outbox, ReportingCycle, UpdateLink

from .conftest import OPENED, Scene


def _asked(scene: Scene) -> dict[str, set[str]]:
    return {
        r.owner.name: {i.action.ref for i in r.items.select_related("action") if i.action}
        for r in CycleRequest.objects.filter(cycle=scene.cycle).select_related("owner")
    }


def test_requests_go_to_the_updater_else_the_owner_else_the_posts_current_holder(
    opened: Scene,
) -> None:
    assert _asked(opened) == {
        "Olive Owner": {"1.1"},
        "Uma Updater": {"1.2"},
        "Hal Holder": {"1.3"},
    }


def test_opening_counts_items_with_nobody_to_ask_and_skips_closed_ones(opened: Scene) -> None:
    assert opened.cycle.unassigned_count == 1
    assert opened.cycle.status == ReportingCycle.Status.OPEN


def test_opening_queues_one_request_and_one_link_per_owner(opened: Scene) -> None:
    assert Outbox.objects.filter(cycle=opened.cycle, kind="request").count() == 3
    assert UpdateLink.objects.filter(cycle=opened.cycle).count() == 3
    assert all(len(link.token_hash) == 64 for link in UpdateLink.objects.all())


def test_a_cycle_opens_only_once(opened: Scene, officer: User) -> None:
    with pytest.raises(ValidationError):
        services.cycle_open(cycle=opened.cycle, by=officer, now=OPENED)
    assert Outbox.objects.count() == 3


def test_closing_drops_pending_reminders_but_keeps_requests(opened: Scene, officer: User) -> None:
    services.outbox_queue(
        cycle=opened.cycle, owner_ids=[opened.owner.pk], kind="reminder_before", now=OPENED
    )
    services.cycle_close(cycle=opened.cycle, by=officer, now=OPENED)
    assert set(Outbox.objects.values_list("kind", flat=True)) == {"request"}
    with pytest.raises(ValidationError):
        services.cycle_close(cycle=opened.cycle, by=officer, now=OPENED)


def test_a_deadline_before_the_opening_is_refused(scene: Scene, officer: User) -> None:
    with pytest.raises(ValidationError):
        services.cycle_create(
            organisation=scene.cycle.organisation,
            name="Backwards",
            opens_on=scene.cycle.deadline,
            deadline=scene.cycle.opens_on,
            by=officer,
        )


def test_opening_takes_a_fixed_number_of_queries_whatever_the_size(
    scene: Scene, officer: User
) -> None:
    with CaptureQueriesContext(connection) as queries:
        services.cycle_open(cycle=scene.cycle, by=officer, now=OPENED)
    assert len(queries) < 25
