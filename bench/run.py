"""`make bench`: one table of the key pages against their SQL floors, import throughput per
reader and report rendering time, written also to bench/results/<timestamp>-<vendor>.json.

Run: .venv/bin/python bench/run.py. A throw-away SQLite database unless DATABASE_URL is set
(then use a throw-away PostgreSQL database: two councils are added to it). BENCH_SCALE
(default 1) multiplies the data: at 1 the plan page has 500 actions with 1,500 updates and the
scorecard 40 indicators of 40 quarters; each page's queries are also counted on the generator's
tiny district (`generate.py --scale 0.01`: 30 actions, 4 indicators), to show whether the
count depends on the data.
BENCH_RUNS (default 15) is how many warm requests each page gets.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = (
        f"sqlite:///{tempfile.mkdtemp(prefix='stocktake-bench-')}/bench.sqlite3"
    )

import django

# WhiteNoise warns on every test Client request until collectstatic has run; the bench reads none.
warnings.filterwarnings("ignore", message="No directory at")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.datasets import SIZES, Council, Size, council_build  # noqa: E402
from bench.floors import FLOORS  # noqa: E402
from bench.throughput import reader_throughput, report_times  # noqa: E402
from bench.trivial import URL as TRIVIAL_URL  # noqa: E402
from stocktake.indicators.models import Indicator  # noqa: E402

THROWAWAY = "stocktake-bench-"  # the prefix of the SQLite database's folder made above
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
RUNS = max(3, int(os.environ.get("BENCH_RUNS", "15")))
FLOOR_LIMIT = 3.0
RESULTS = Path(__file__).resolve().parent / "results"


def size_at(scale: float) -> Size:
    actions = max(5, round(500 * scale))
    return Size(
        plans=1,
        actions=actions,
        updates=3 * actions,
        indicators=max(2, round(40 * scale)),
        quarters=40,
        risks=max(2, round(30 * scale)),
        contacts=0,
    )


def pages(council: Council) -> dict[str, tuple[str, bool]]:
    """Each key page's address, and whether it is read signed in."""
    plan = council.plans[0]
    indicator = Indicator.objects.filter(plan=plan).order_by("pk").first()
    assert indicator is not None
    found = {
        "plan page": (f"/plans/{plan.uuid}/", True),
        "indicator scorecard": (f"/scorecards/plans/{plan.uuid}/", True),
        "indicator page": (f"/indicators/{indicator.uuid}/", True),
        "health-card dashboard": (f"/organisations/{council.organisation.uuid}/dashboard/", True),
        "public scorecard": (f"/public/plans/{plan.uuid}/", False),
    }
    if (Path(__file__).resolve().parents[1] / "stocktake" / "api").is_dir():
        found["API list"] = (f"/api/actions/?plan={plan.uuid}&limit=100", True)
    return found


def ids_of(council: Council) -> dict[str, Any]:
    plan = council.plans[0]
    indicator = Indicator.objects.filter(plan=plan).order_by("pk").first()
    assert indicator is not None
    return {
        "plan": plan.pk,
        "organisation": council.organisation.pk,
        "indicator": indicator.pk,
        "today": timezone.localdate(),
    }


class Recorder:
    """Keeps each statement a request runs, to replay its reads alone afterwards."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, *args: Any) -> Any:
        self.statements.append((sql, params))
        return execute(sql, params, *args)


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 in ms, after one warming run (caches, templates, database pages)."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def replay(statements: list[tuple[str, Any]]) -> None:
    """The page's own reads, fetched in full: timing the driver's execute alone would miss
    SQLite, which computes rows as they are fetched."""
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()


def page_reads(client: Client, url: str) -> list[tuple[str, Any]]:
    recorder = Recorder()
    with connection.execute_wrapper(recorder):
        client.get(url)
    return [(sql, p) for sql, p in recorder.statements if sql.lstrip().upper().startswith("SELECT")]


def queries_of(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def measure_pages(big: Council, small: Council) -> list[dict[str, Any]]:
    rows = []
    clients = {}
    for council in (big, small):
        signed_in = Client()
        signed_in.force_login(council.officer)
        clients[council.organisation.pk] = {True: signed_in, False: Client()}
    small_pages = pages(small)
    for name, (url, signed) in pages(big).items():
        client = clients[big.organisation.pk][signed]
        median, p95 = timed(partial(client.get, url), RUNS)
        sql, _ = timed(partial(replay, page_reads(client, url)), RUNS)
        floor, _ = timed(partial(FLOORS[name], ids_of(big)), RUNS)
        small_url, _ = small_pages[name]
        queries = queries_of(client, url)
        small_queries = queries_of(clients[small.organisation.pk][signed], small_url)
        rows.append(
            {
                "page": name,
                "url": url,
                "median_ms": median,
                "p95_ms": p95,
                "queries": queries,
                "queries_small": small_queries,
                "constant": queries == small_queries,
                "sql_ms": sql,
                "floor_ms": floor,
                "ratio": median / floor,
                "sql_ratio": sql / floor,
            }
        )
    return rows


def measure_trivial(council: Council) -> dict[str, float]:
    """A signed-in page with no data: what every page costs before its own work."""
    client = Client()
    client.force_login(council.officer)
    with override_settings(ROOT_URLCONF="bench.trivial"):
        assert client.get(TRIVIAL_URL).status_code == 200
        median, p95 = timed(partial(client.get, TRIVIAL_URL), RUNS)
    return {"median_ms": median, "p95_ms": p95}


def machine() -> dict[str, Any]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        version = cursor.fetchone()[0]
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": connection.vendor,
        "database_version": version,
        "scale": SCALE,
        "runs": RUNS,
    }


def print_table(result: dict[str, Any]) -> None:
    about = result["machine"]
    print(
        f"\nStocktake bench — {about['database']} {about['database_version']}, "
        f"{about['cpu_count']} CPUs, Python {about['python']}, scale {SCALE:g}, {RUNS} runs"
    )
    print(
        f"{'page':22} {'median ms':>9} {'p95 ms':>7} {'queries':>7} {'(small)':>7} "
        f"{'SQL ms':>7} {'floor ms':>8} {'x floor':>7} {'SQL x floor':>11}"
    )
    for row in result["pages"]:
        mark = "  > 3x floor" if row["ratio"] > FLOOR_LIMIT else ""
        mark += "" if row["constant"] else "  queries grow with data"
        print(
            f"{row['page']:22} {row['median_ms']:9.1f} {row['p95_ms']:7.1f} {row['queries']:7d} "
            f"{row['queries_small']:7d} {row['sql_ms']:7.2f} {row['floor_ms']:8.2f} "
            f"{row['ratio']:7.1f} {row['sql_ratio']:11.1f}{mark}"
        )
    print(f"\n{'import reader':24} {'rows':>9} {'KiB':>8} {'seconds':>7} {'rows/s':>9} {'MB/s':>7}")
    for row in result["readers"]:
        print(
            f"{row['reader']:24} {row['rows']:9d} {row['bytes'] // 1024:8d} "
            f"{row['seconds']:7.3f} {row['rows_per_s']:9.0f} {row['mb_per_s']:7.3f}"
        )
    report = result["report"]
    print(
        f"\nreport ({report['rows']} actions, {report['indicators']} indicators): "
        f"data {report['data_s']:.2f} s, PDF {report['pdf_s']:.2f} s "
        f"({report['pdf_kib']} KiB), Word {report['word_s']:.2f} s ({report['word_kib']} KiB)"
    )
    trivial = result["trivial"]["median_ms"]
    print(
        f"a trivial signed-in page (session, user, navigation, base template, no data): "
        f"{trivial:.1f} ms; a floor under {trivial / FLOOR_LIMIT:.2f} ms asks any page for less "
        f"than {FLOOR_LIMIT:g}x it: "
        + (
            ", ".join(r["page"] for r in result["pages"] if r["floor_ms"] * FLOOR_LIMIT < trivial)
            or "none"
        )
    )
    over = [r["page"] for r in result["pages"] if r["ratio"] > FLOOR_LIMIT]
    growing = [r["page"] for r in result["pages"] if not r["constant"]]
    sql_over = [r["page"] for r in result["pages"] if r["sql_ratio"] > FLOOR_LIMIT]
    print(f"pages over {FLOOR_LIMIT:g}x their SQL floor: {', '.join(over) or 'none'}")
    print("SQL ms: the page's own SELECTs replayed and fetched; floor ms: hand-written SQL")
    print(
        f"pages whose own SQL takes over {FLOOR_LIMIT:g}x the floor: "
        f"{', '.join(sql_over) or 'none'} "
        "(the rest of a page's time is Python: access checks, charts, templates)"
    )
    print(
        "query counts constant in data size (tiny district alongside): "
        + ("yes, every page" if not growing else f"no: {', '.join(growing)}")
    )


def main() -> int:
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    # The bench reads the API more often than a person would; throttling would measure 429s.
    settings.API_THROTTLE_RATES = {"anonymous": "100000/min", "caller": "100000/min"}
    stamp = time.strftime("%Y%m%d-%H%M%S")
    big = council_build(f"Bench council {stamp}", size_at(SCALE))
    # The generator's tiny district (`generate.py --scale 0.01`): far fewer rows of everything.
    small = council_build(f"Bench small council {stamp}", SIZES["district"].scaled(0.01 * SCALE))
    built = time.perf_counter() - started
    result: dict[str, Any] = {"machine": machine(), "seconds_to_build": built}
    result["pages"] = measure_pages(big, small)
    result["trivial"] = measure_trivial(big)
    result["readers"] = reader_throughput(max(25, round(300 * SCALE)), runs=3)
    result["report"] = report_times(big.plans[0])
    result["seconds"] = time.perf_counter() - started
    print_table(result)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stamp}-{connection.vendor}.json"
    path.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    print(
        f"written to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
        f" ({result['seconds']:.0f} s in all, {built:.0f} s of it building the data)"
    )
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    finally:
        folder = Path(str(connection.settings_dict["NAME"])).parent
        connection.close()
        if connection.vendor == "sqlite" and folder.name.startswith(THROWAWAY):
            shutil.rmtree(folder, ignore_errors=True)
