"""Opening a reporting cycle for 500 owners and 5,000 actions: requests, links and emails queued.

Run: .venv/bin/python bench/cycle_open.py. Uses a throw-away SQLite database unless
DATABASE_URL is set. Prints the seconds cycle_open took (target: under 30), its SQL query
count, and, for information, how long rendering and sending the first 500 emails took
through the in-memory email backend.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

import datetime as dt  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from stocktake.accounts import services as accounts  # noqa: E402
from stocktake.accounts.models import Organisation, Person, Post, PostHolding  # noqa: E402
from stocktake.cycles import services as cycles  # noqa: E402
from stocktake.cycles.models import Outbox  # noqa: E402
from stocktake.cycles.sending import outbox_send  # noqa: E402
from stocktake.plans import services as plans  # noqa: E402
from stocktake.plans.models import Action, ActionOwner  # noqa: E402

OWNERS = 500
ACTIONS = 5_000


def build(council: Organisation, officer: object) -> object:
    """Setup goes straight to the tables: only the opening is being measured."""
    plan = plans.plan_create(organisation=council, title="Corporate plan", by=officer)  # type: ignore[arg-type]
    people = Person.objects.bulk_create(
        Person(organisation=council, name=f"Owner {i}", email=f"owner{i}@example.org")
        for i in range(OWNERS)
    )
    posts = Post.objects.bulk_create(
        Post(organisation=council, title=f"Post {i}") for i in range(OWNERS // 10)
    )
    PostHolding.objects.bulk_create(
        PostHolding(post=post, person=people[i]) for i, post in enumerate(posts)
    )
    actions = Action.objects.bulk_create(
        Action(organisation=council, plan=plan, ref=f"{i}", text=f"Action {i}", position=i)
        for i in range(ACTIONS)
    )
    owners = []
    for i, action in enumerate(actions):
        if i % 10 == 0:  # owned through a post: its holder answers
            owners.append(ActionOwner(action=action, post=posts[i % len(posts)]))
            continue
        owners.append(ActionOwner(action=action, person=people[i % OWNERS]))
        if i % 3 == 0:  # with an updater, who answers instead
            owners.append(
                ActionOwner(action=action, person=people[(i + 7) % OWNERS], kind="updater")
            )
    ActionOwner.objects.bulk_create(owners, batch_size=1000)
    return plan


def main() -> None:
    call_command("migrate", verbosity=0)
    council = accounts.organisation_get_or_create(name="Bench Council")
    officer, _ = accounts.user_with_person_create(
        organisation=council,
        username="officer",
        name="Officer",
        email="o@example.org",
        password="bench-only",  # noqa: S106
    )
    plan = build(council, officer)
    cycle = cycles.cycle_create(
        organisation=council,
        plan=plan,  # type: ignore[arg-type]
        name="This quarter",
        # Today's cycle: one whose links had already expired could not be opened.
        opens_on=timezone.localdate(),
        deadline=timezone.localdate() + dt.timedelta(days=25),
        by=officer,
    )
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        owners = cycles.cycle_open(cycle=cycle, by=officer, now=timezone.now())
    seconds = time.perf_counter() - start
    queued = Outbox.objects.filter(cycle=cycle).count()
    print(f"cycle_open: {owners} owners, {ACTIONS} actions, {queued} emails queued")
    print(f"cycle_open: {seconds:.2f} s, {len(queries)} queries (target under 30 s)")
    start = time.perf_counter()
    sent = outbox_send(now=timezone.now(), limit=500)
    print(f"outbox_send: {sent} emails rendered and sent in {time.perf_counter() - start:.2f} s")
    if seconds >= 30 or queued != owners:
        sys.exit(1)


if __name__ == "__main__":
    main()
