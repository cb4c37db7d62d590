"""Contacts at scale, on PostgreSQL (DATABASE_URL): load rate and dashboard aggregate time,
each against PostgreSQL doing the same work by hand, measured in the same run.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/contacts_load.py [--rows 5000000]

- load ratio = our rows/s (COPY to staging, check and convert, insert, tally) ÷ a bare COPY of
  the same CSV into an unindexed table. Target ≥ 0.3. The load's phases are printed too, and
  two floors: this design's with no checks or indexes, and any design's (checked rows COPYed
  into a table like contacts, with its indexes).
- dashboard ratio = the dashboard's year by service × channel × month (read from the monthly
  tallies) ÷ one hand-written GROUP BY over the bare table. Target ≤ 0.15.
Use a throw-away database: it adds a council with N contacts and leaves a bare table behind
only until the run ends.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from stocktake.accounts import services as accounts  # noqa: E402
from stocktake.customers import selectors  # noqa: E402
from stocktake.customers.parsing import COLUMNS  # noqa: E402
from stocktake.customers.servicelist import SERVICES  # noqa: E402
from stocktake.customers.services_contacts import contacts_load  # noqa: E402

LOAD_TARGET = 0.3
DASHBOARD_TARGET = 0.15
YEAR_START = dt.datetime(2025, 4, 1)
CHANNELS = ["telephone"] * 5 + ["face_to_face"] * 2 + ["email", "web_form", "letter", "kiosk"]
REASONS = ["progress_chasing", "clarification", "wrong_department", "not_online", "repeat"]
RAW = "bench_contacts_raw"


def generate(path: Path, rows: int) -> None:
    """A year of contacts, most not assessed, as a council's own system would export them."""
    rng = random.Random(14)
    services = [code for code, _ in SERVICES]
    areas = [f"E00{n:06d}" for n in range(2000)]
    seconds = 365 * 24 * 3600
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(COLUMNS) + "\n")
        batch = []
        for n in range(rows):
            when = YEAR_START + dt.timedelta(seconds=rng.randrange(seconds))
            assessed = rng.random()
            avoidable, reason = ("", "")
            if assessed < 0.1:
                avoidable, reason = "yes", rng.choice(REASONS)
            elif assessed < 0.3:
                avoidable = "no"
            batch.append(
                f"{when:%Y-%m-%d %H:%M:%S},{rng.choice(CHANNELS)},,{rng.choice(services)},"
                f"enquiry,{'y' if assessed < 0.6 else 'n'},{'y' if n % 3 else ''},{avoidable},"
                f"{reason},{rng.choice(areas)},{'outbound' if n % 50 == 0 else ''}\n"
            )
            if len(batch) == 50_000:
                out.writelines(batch)
                batch = []
        out.writelines(batch)


def raw_copy(path: Path) -> float:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {RAW}")
        cursor.execute(
            f"CREATE TABLE {RAW} (received_at timestamp, channel text, access_point text, "
            "service text, request_type text, resolved_first text, request_resolved text, "
            "avoidable text, avoidable_reason text, area_code text, exclusion text)"
        )
    start = time.perf_counter()
    with (
        connection.cursor() as cursor,
        path.open("rb") as source,
        cursor.cursor.copy(f"COPY {RAW} FROM STDIN (FORMAT csv, HEADER true)") as copy,
    ):
        while chunk := source.read(1 << 20):
            copy.write(chunk)
    return time.perf_counter() - start


def design_floor(path: Path) -> dict[str, float]:
    """The least any load of this design can cost, with no checks and no indexes at all: the
    file into an unlogged staging table, its rows cast and inserted into an unindexed table of
    the contacts' shape, and the two GROUP BYs the tallies need. No real load is faster, so
    raw COPY ÷ the sum is the best load ratio this design can reach on this machine."""
    stage, shaped = f"{RAW}_stage", f"{RAW}_shaped"
    columns = ", ".join(f"{name} text" for name in COLUMNS)
    phases: dict[str, float] = {}
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {stage}, {shaped}")
        cursor.execute(f"CREATE UNLOGGED TABLE {stage} ({columns})")
        cursor.execute(f"CREATE TABLE {shaped} (LIKE customers_contact INCLUDING DEFAULTS)")
        start = time.perf_counter()
        with (
            path.open("rb") as source,
            cursor.cursor.copy(f"COPY {stage} FROM STDIN (FORMAT csv, HEADER true)") as copy,
        ):
            while chunk := source.read(1 << 20):
                copy.write(chunk)
        phases["COPY to staging"] = time.perf_counter() - start
        start = time.perf_counter()
        cursor.execute(
            f"INSERT INTO {shaped} (id, uuid, created_at, updated_at, organisation_id, "  # noqa: S608
            "received_at, received_on, channel, service_code, request_type, resolved_first, "
            "request_resolved, avoidable, avoidable_reason, area_code, exclusion) "
            "SELECT n, ('01a2161f-edb0-77f0-9f7e-' || lpad(to_hex(n), 12, '0'))::uuid, "
            "now(), now(), 1, "
            "received_at::timestamptz, received_at::date, channel, coalesce(service, ''), "
            "coalesce(request_type, ''), resolved_first = 'y', "
            "coalesce(request_resolved, '') = 'y', "
            "coalesce(avoidable, 'unassessed'), coalesce(avoidable_reason, ''), "
            f"coalesce(area_code, ''), coalesce(exclusion, '') "
            f"FROM (SELECT row_number() OVER () AS n, * FROM {stage}) AS s"
        )
        phases["cast and insert"] = time.perf_counter() - start
        start = time.perf_counter()
        cursor.execute(
            "SELECT count(*) FROM (SELECT received_on, service_code, channel, count(*), "  # noqa: S608
            "count(*) FILTER (WHERE avoidable = 'yes') "
            f"FROM {shaped} GROUP BY 1, 2, 3) AS d"
        )
        cursor.execute(
            "SELECT count(*) FROM (SELECT date_trunc('month', received_on), area_code, "  # noqa: S608
            f"channel, count(*) FROM {shaped} GROUP BY 1, 2, 3) AS a"
        )
        phases["two tally GROUP BYs"] = time.perf_counter() - start
        cursor.execute(f"DROP TABLE {stage}")
    phases["rows alone into contacts"] = _rows_alone(shaped)
    return phases


def _rows_alone(shaped: str) -> float:
    """The least any design that keeps the rows can cost: rows already checked and converted,
    written by COPY (PostgreSQL's fastest write) into a table like contacts with its indexes.
    No staging, no checks, no tallies."""
    kept = f"{RAW}_kept"
    with tempfile.TemporaryDirectory() as folder, connection.cursor() as cursor:
        rows = Path(folder) / "rows.copy"
        # In day order with rising UUIDs, as the load writes them: each index's best case.
        rest = (
            "created_at, updated_at, received_at, received_on, channel, service_code, "
            "request_type, resolved_first, request_resolved, avoidable, avoidable_reason, "
            "area_code, exclusion, access_point_id, organisation_id, load_id"
        )
        order = (
            f"COPY (SELECT n, ('01a2161f-edb0-77f0-9f7e-' || lpad(to_hex(n), 12, '0'))::uuid, "  # noqa: S608
            f"{rest} FROM (SELECT row_number() OVER (ORDER BY received_on) AS n, * "
            f"FROM {shaped}) AS s ORDER BY n) TO STDOUT"
        )
        with rows.open("wb") as out, cursor.cursor.copy(order) as copy:
            for chunk in copy:
                out.write(chunk)
        cursor.execute(f"DROP TABLE IF EXISTS {kept}")
        cursor.execute(f"CREATE TABLE {kept} (LIKE customers_contact INCLUDING ALL)")
        start = time.perf_counter()
        with (
            rows.open("rb") as source,
            cursor.cursor.copy(f"COPY {kept} (id, uuid, {rest}) FROM STDIN") as copy,
        ):
            while chunk := source.read(1 << 20):
                copy.write(chunk)
        seconds = time.perf_counter() - start
        cursor.execute(f"DROP TABLE {kept}, {shaped}")
    return seconds


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def hand_written_group_by() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT service, channel, date_trunc('month', received_at) AS month, "  # noqa: S608
            "count(*) FILTER (WHERE exclusion IS NULL), "
            "count(*) FILTER (WHERE exclusion IS NULL AND avoidable = 'yes'), "
            "count(*) FILTER (WHERE exclusion IS NULL AND avoidable = 'no'), "
            "count(*) FILTER (WHERE exclusion IS NULL AND resolved_first = 'y') "
            f"FROM {RAW} WHERE received_at >= %s AND received_at < %s "
            "GROUP BY 1, 2, 3",
            [YEAR_START, YEAR_START.replace(year=YEAR_START.year + 1)],
        )
        cursor.fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark needs PostgreSQL: set DATABASE_URL to a throw-away database.")
        return 2
    call_command("migrate", verbosity=0)
    council = accounts.organisation_get_or_create(name=f"Benchmark council {time.time_ns()}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        start = time.perf_counter()
        generate(path, options.rows)
        print(f"generated {options.rows:,} rows in {time.perf_counter() - start:.1f} s")
        copy_s = raw_copy(path)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {RAW}")
        timings: dict[str, float] = {}
        start = time.perf_counter()
        with path.open(newline="", encoding="utf-8") as lines:
            result = contacts_load(
                organisation=council, lines=lines, source="bench", by=None, timings=timings
            )
        load_s = time.perf_counter() - start
    assert result.loaded == options.rows, result
    months = selectors.last_months(dt.date(2026, 3, 1))
    ours_s = best_of(5, lambda: selectors.dashboard(council, months))
    raw_s = best_of(5, hand_written_group_by)
    load_ratio = copy_s / load_s
    dashboard_ratio = ours_s / raw_s
    print(f"raw COPY:        {copy_s:8.2f} s  {options.rows / copy_s:12,.0f} rows/s")
    print(f"our load:        {load_s:8.2f} s  {options.rows / load_s:12,.0f} rows/s")
    for phase, seconds in timings.items():
        print(f"  {phase + ':':22} {seconds:6.2f} s  {seconds / options.rows * 1e6:6.2f} µs/row")
    print(f"load ratio:      {load_ratio:8.2f}    (target ≥ {LOAD_TARGET})")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        generate(path, options.rows)
        floor = design_floor(path)
    alone = floor.pop("rows alone into contacts")
    for phase, seconds in floor.items():
        print(f"  floor, {phase + ':':24} {seconds:6.2f} s")
    best = copy_s / sum(floor.values())
    print(f"best ratio of this design (no checks, no indexes): {best:.2f}")
    print(f"checked rows COPYed into contacts with its indexes: {alone:.2f} s")
    print(
        f"best ratio of any load that keeps the rows (no staging, checks or tallies): "
        f"{copy_s / alone:.2f}"
    )
    print(f"raw GROUP BY:    {raw_s:8.4f} s")
    print(f"dashboard:       {ours_s:8.4f} s")
    print(f"dashboard ratio: {dashboard_ratio:8.3f}    (target ≤ {DASHBOARD_TARGET})")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {RAW}")
    ok = load_ratio >= LOAD_TARGET and dashboard_ratio <= DASHBOARD_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
