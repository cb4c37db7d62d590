"""A council with a plan whose actions are owned, updated and held through posts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person, Post, PostHolding
from stocktake.cycles import services
from stocktake.cycles.models import ReportingCycle
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan

DEADLINE = dt.date(2010, 1, 29)
OPENED = timezone.make_aware(dt.datetime(2010, 1, 4, 9, 0))


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@dataclass
class Scene:
    plan: Plan
    cycle: ReportingCycle
    owner: Person
    updater: Person
    holder: Person
    accountable_only: Action
    with_updater: Action
    through_post: Action
    unowned: Action


@pytest.fixture
def scene(council: Organisation, officer: User) -> Scene:
    def person(name: str) -> Person:
        return accounts.person_create(
            organisation=council, name=name, email=f"{name.split()[0].lower()}@example.org"
        )

    owner, updater, holder = person("Olive Owner"), person("Uma Updater"), person("Hal Holder")
    former = person("Fred Former")
    plan = plans.plan_create(organisation=council, title="Improvement plan", by=officer)

    def action(ref: str) -> Action:
        return plans.action_create(plan=plan, ref=ref, text=f"Action {ref}", by=officer)

    accountable_only = action("1.1")
    plans.action_owner_add(action=accountable_only, person=owner, by=officer)
    with_updater = action("1.2")
    plans.action_owner_add(action=with_updater, person=owner, by=officer)
    plans.action_owner_add(action=with_updater, person=updater, kind="updater", by=officer)
    post = Post.objects.create(organisation=council, title="Head of Housing")
    PostHolding.objects.create(post=post, person=former, end_date=dt.date(2009, 6, 30))
    PostHolding.objects.create(post=post, person=holder, start_date=dt.date(2009, 7, 1))
    through_post = action("1.3")
    plans.action_owner_add(action=through_post, post=post, by=officer)
    unowned = action("1.4")
    done = action("1.5")
    plans.action_owner_add(action=done, person=owner, by=officer)
    plans.action_edit(action=done, progress_status="complete", by=officer)
    cycle = services.cycle_create(
        organisation=council,
        plan=plan,
        name="Q3 2009/10",
        opens_on=OPENED.date(),
        deadline=DEADLINE,
        reminder_offsets=[-7, -1, 3, 10],
        by=officer,
    )
    return Scene(
        plan, cycle, owner, updater, holder, accountable_only, with_updater, through_post, unowned
    )


@pytest.fixture
def opened(scene: Scene, officer: User) -> Scene:
    services.cycle_open(cycle=scene.cycle, by=officer, now=OPENED)
    scene.cycle.refresh_from_db()
    return scene
