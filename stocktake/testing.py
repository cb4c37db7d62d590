"""Shared test fixtures: councils, people in each role, and plans built through the services."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from hypothesis import HealthCheck, settings

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person, Role, Unit
from stocktake.plans import services as plans
from stocktake.plans import services_workflow as workflow
from stocktake.plans.models import Action, Plan

settings.register_profile("ci", max_examples=30, deadline=None)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test logins only


@pytest.fixture
def roles(db: None) -> dict[str, Role]:
    return accounts.roles_ensure()


@pytest.fixture
def council(db: None) -> Organisation:
    return accounts.organisation_get_or_create(name="Uttlesford District Council")


@pytest.fixture
def other_council(db: None) -> Organisation:
    return accounts.organisation_get_or_create(name="Charnwood Borough Council")


@pytest.fixture
def service(council: Organisation) -> Unit:
    directorate = accounts.unit_create(organisation=council, name="Corporate", kind="directorate")
    return accounts.unit_create(
        organisation=council, name="Customer Services", kind="service", parent=directorate
    )


MakeUser = Callable[..., tuple[User, Person]]


@pytest.fixture
def make_user(roles: dict[str, Role]) -> MakeUser:
    """make_user("Lead officer", council) → (user, person); role None gives no membership."""
    counter = iter(range(1, 10_000))

    def make(
        role: str | None, organisation: Organisation, *, unit: Unit | None = None, name: str = ""
    ) -> tuple[User, Person]:
        n = next(counter)
        name = name or f"{role or 'Someone'} {n}"
        user, person = accounts.user_with_person_create(
            organisation=organisation,
            username=f"user{n}",
            name=name,
            email=f"user{n}@example.org",
            password=PASSWORD,
        )
        if role is not None:
            accounts.membership_grant(
                user=user, organisation=organisation, role=roles[role], unit=unit
            )
        return user, person

    return make


@pytest.fixture
def officer(make_user: MakeUser, council: Organisation) -> User:
    return make_user("Performance officer", council)[0]


@pytest.fixture
def make_plan(officer: User) -> Callable[..., Plan]:
    def make(organisation: Organisation, *, actions: int = 3, **fields: Any) -> Plan:
        fields.setdefault("title", "Access to Services Inspection Action Plan")
        plan = plans.plan_create(organisation=organisation, by=officer, **fields)
        section = plans.section_create(plan=plan, title="Customer need", ref="1", by=officer)
        for i in range(actions):
            plans.action_create(
                plan=plan,
                section=section,
                ref=f"1.{i + 1}",
                text=f"Action number {i + 1}",
                due_text="March 2008",
                by=officer,
            )
        return plan

    return make


World = tuple[Plan, Action, dict[str, User | None]]


@pytest.fixture
def world(
    make_user: MakeUser,
    council: Organisation,
    other_council: Organisation,
    service: Unit,
    officer: User,
) -> World:
    other_unit = accounts.unit_create(organisation=council, name="Planning", kind="service")
    owner, owner_person = make_user("Lead officer", council, unit=service)
    plan = plans.plan_create(organisation=council, unit=service, title="Plan", by=officer)
    action = plans.action_create(
        plan=plan, text="Conduct ward profiling", owners=[owner_person], by=officer
    )
    superuser, _ = make_user(None, council)
    superuser.is_superuser = True
    superuser.save()
    users: dict[str, User | None] = {
        "anonymous": None,
        "no membership": make_user(None, council)[0],
        "Viewer": make_user("Viewer", council)[0],
        "Councillor": make_user("Councillor", council)[0],
        "Lead officer (owner)": owner,
        "Lead officer (not owner)": make_user("Lead officer", council, unit=service)[0],
        "Lead officer (other unit)": make_user("Lead officer", council, unit=other_unit)[0],
        "Performance officer": officer,
        "Administrator": make_user("Administrator", council)[0],
        "Performance officer (other council)": make_user("Performance officer", other_council)[0],
        "superuser": superuser,
    }
    return plan, action, users


def publish(plan: Plan, by: User) -> Plan:
    """Take a draft plan through submission and approval to publication."""
    workflow.plan_submit(plan=plan, by=by)
    workflow.plan_approve(plan=plan, by=by)
    workflow.plan_publish(plan=plan, by=by)
    return plan


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests create many logins; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed_paper(prefix: str) -> Path:
    """One of the council papers in shared/seeds beside the checkout, by its number ("003")."""
    folder = Path(django_settings.BASE_DIR).parent / "shared" / "seeds"
    found = sorted(folder.glob(f"{prefix}_*"))
    if not found:
        pytest.fail(f"No seed paper {prefix}_* in {folder}: the tests need shared/seeds")
    return found[0]
