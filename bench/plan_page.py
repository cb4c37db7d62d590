"""Plan page speed and query count as the plan grows: 10, 100 and 500 actions with updates.

Run: make bench (or .venv/bin/python bench/plan_page.py). Uses a throw-away SQLite database unless
DATABASE_URL is set. Prints median and p95 server time, SQL queries, and time per action.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

import datetime as dt  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from stocktake.accounts import services as accounts  # noqa: E402
from stocktake.plans import services as plans  # noqa: E402

SIZES = (10, 100, 500)
RUNS = 15


def build(size: int, officer: object, council: object) -> str:
    plan = plans.plan_create(organisation=council, title=f"Plan of {size}", by=officer)  # type: ignore[arg-type]
    section = plans.section_create(plan=plan, title="Objective 1", by=officer)  # type: ignore[arg-type]
    for i in range(size):
        action = plans.action_create(
            plan=plan,
            section=section,
            ref=f"1.{i}",
            text=f"Action {i}",
            due_text="March 2008",
            by=officer,  # type: ignore[arg-type]
        )
        for month in (3, 6, 9):
            plans.action_update_add(
                action=action,
                as_at=dt.date(2008, month, 28),
                position=f"Position {month}",
                progress_status="in_progress",
                rag="green",
                by=officer,  # type: ignore[arg-type]
            )
    return str(plan.uuid)


def main() -> None:
    call_command("migrate", verbosity=0)
    council = accounts.organisation_get_or_create(name="Bench Council")
    user, _ = accounts.user_with_person_create(
        organisation=council,
        username="bench",
        name="Bench Officer",
        email="b@example.org",
        password="bench-password-1",  # noqa: S106
    )
    user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    print(f"{'actions':>8} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'ms/action':>10}")
    for size in SIZES:
        url = f"/plans/{build(size, user, council)}/"
        client.get(url)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{size:>8} {median:>10.1f} {p95:>8.1f} {len(queries):>8} {median / size:>10.2f}")


if __name__ == "__main__":
    main()
