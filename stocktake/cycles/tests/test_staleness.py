from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.cycles import services
from stocktake.cycles.staleness import Staleness, staleness_for
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
