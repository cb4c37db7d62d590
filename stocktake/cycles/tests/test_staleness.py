from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.cycles import services
from stocktake.cycles.staleness import Staleness, owners_silent, staleness_for
from stocktake.plans import services as plans
from stocktake.plans.models import ProgressUpdate

from .conftest import DEADLINE, OPENED, Scene, at

CLOSED = at(DEADLINE + dt.timedelta(days=3))


def _closed_with_one_answer(scene: Scene, officer: User) -> None:
    """accountable_only is answered during the cycle; with_updater is not."""
    update = plans.action_update_add(
        action=scene.accountable_only, as_at=DEADLINE, position="Done", by=officer
    )
    ProgressUpdate.objects.filter(pk=update.pk).update(created_at=at(DEADLINE))
    services.cycle_close(cycle=scene.cycle, by=officer, now=CLOSED)


def test_staleness_counts_days_and_closed_cycles_missed(opened: Scene, officer: User) -> None:
    _closed_with_one_answer(opened, officer)
    plans.action_update_add(
        action=opened.with_updater,
        as_at=DEADLINE - dt.timedelta(days=60),
        position="Old news, entered late",
        by=officer,
    )
    today = DEADLINE + dt.timedelta(days=34)
    found = staleness_for([opened.accountable_only.pk, opened.with_updater.pk], today)
    assert found[opened.accountable_only.pk] == Staleness(days=34, missed=0)
    assert str(found[opened.with_updater.pk]) == "last updated 94 days ago, 1 cycle missed"


def test_never_updated_items_say_so(opened: Scene, officer: User) -> None:
    services.cycle_close(cycle=opened.cycle, by=officer, now=CLOSED)
    found = staleness_for([opened.through_post.pk, opened.unowned.pk], DEADLINE)
    assert str(found[opened.through_post.pk]) == "never updated, 1 cycle missed"
    assert str(found[opened.unowned.pk]) == "never updated"


def test_open_cycles_are_not_yet_missed(opened: Scene) -> None:
    assert staleness_for([opened.through_post.pk], OPENED.date())[
        opened.through_post.pk
    ] == Staleness(days=None, missed=0)


def test_staleness_shows_on_the_action_page_and_my_actions(
    opened: Scene, officer: User, client: Client
) -> None:
    _closed_with_one_answer(opened, officer)
    owner_user = User.objects.create_user("olive")
    opened.owner.user = owner_user
    opened.owner.save()
    client.force_login(owner_user)
    mine = client.get(reverse("plans:my_actions"))
    assert mine.status_code == 200
    assert "1 cycle missed" in mine.text
    client.force_login(officer)
    page = client.get(reverse("plans:action_detail", args=[opened.with_updater.uuid]))
    assert "Never updated, 1 cycle missed" in page.text


def _second_cycle(scene: Scene, officer: User) -> None:
    """Q4: opened and closed with only Hal answering (action 1.3)."""
    q4 = services.cycle_create(
        organisation=scene.plan.organisation,
        plan=scene.plan,
        name="Q4 2009/10",
        opens_on=dt.date(2010, 4, 5),
        deadline=dt.date(2010, 4, 30),
        by=officer,
    )
    services.cycle_open(cycle=q4, by=officer, now=at(dt.date(2010, 4, 5)))
    q4.refresh_from_db()
    update = plans.action_update_add(
        action=scene.through_post, as_at=dt.date(2010, 4, 20), position="Moving", by=officer
    )
    ProgressUpdate.objects.filter(pk=update.pk).update(created_at=at(dt.date(2010, 4, 20)))
    services.cycle_close(cycle=q4, by=officer, now=at(dt.date(2010, 5, 3)))


def test_owners_silent_for_cycles_in_a_row_are_listed_longest_first(
    opened: Scene, officer: User, client: Client
) -> None:
    _closed_with_one_answer(opened, officer)  # Olive answered Q3; Uma and Hal did not
    _second_cycle(opened, officer)  # nobody but Hal answered Q4
    silent = owners_silent([opened.plan.organisation_id], at_least=1)
    assert [(s.owner.name, s.cycles, s.last_cycle.name) for s in silent] == [
        ("Uma Updater", 2, "Q4 2009/10"),
        ("Olive Owner", 1, "Q4 2009/10"),
    ]
    assert [s.owner.name for s in owners_silent([opened.plan.organisation_id])] == ["Uma Updater"]
    client.force_login(officer)
    listing = client.get(reverse("cycles:cycle_list"))
    assert "Uma Updater" in listing.text
    assert "Olive Owner" not in listing.text
    dashboard = client.get(reverse("reports:dashboard", args=[opened.plan.organisation.uuid]))
    assert "Uma Updater" in dashboard.text


def test_finding_silent_owners_takes_the_same_queries_for_more_cycles(
    opened: Scene, officer: User
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _closed_with_one_answer(opened, officer)
    with CaptureQueriesContext(connection) as one:
        owners_silent([opened.plan.organisation_id], at_least=1)
    _second_cycle(opened, officer)
    with CaptureQueriesContext(connection) as two:
        owners_silent([opened.plan.organisation_id], at_least=1)
    assert len(one) == len(two) == 1
