"""`make loadtest`: signed-in users reading pages and posting action updates against a real
server on loopback, measured by a light asyncio client (stdlib only, so it leaves the cores to
the server).

Run: DATABASE_URL=postgres://… .venv/bin/python bench/load.py [--users 50] [--seconds 60]

It migrates that (throw-away) database, generates a tiny district (`generate.py --scale`),
starts gunicorn when it is installed (else Django's runserver, labelled as not a production
server, so the script can still be tried), and runs each user for `--seconds`: pause 1–3 s,
then a page read (80%) or an action update (20%: the update form, a pause, then the form
posted back with its CSRF token). Prints throughput, p50/p95 and errors by kind, and writes
them to bench/results/<timestamp>-load-<server>.json. Targets: 0 errors, p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.datasets import SIZES, Council, council_build, council_create  # noqa: E402
from stocktake.indicators.models import Indicator  # noqa: E402
from stocktake.plans.models import Action  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
P95_TARGET_MS = 300
ROUTE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass
class Sample:
    kind: str
    status: int
    ms: float
    ok: bool
    route: str = ""


@dataclass
class Target:
    port: int
    reads: list[str]
    actions: list[str]
    sessions: list[str]
    samples: list[Sample] = field(default_factory=list)


async def request(
    port: int, method: str, path: str, cookies: dict[str, str], body: str = ""
) -> tuple[int, dict[str, list[str]], bytes]:
    """One HTTP/1.1 request on a fresh loopback connection (Connection: close)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
        if cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        data = body.encode()
        if method == "POST":
            head += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(data)}",
            ]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    header, _, content = raw.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers: dict[str, list[str]] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    for cookie in headers.get("set-cookie", []):
        name, _, rest = cookie.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return status, headers, content


async def timed(
    target: Target,
    kind: str,
    method: str,
    path: str,
    cookies: dict[str, str],
    expect: int,
    body: str = "",
) -> bytes:
    start = time.perf_counter()
    status, content, location = 0, b"", ""
    try:
        status, headers, content = await request(target.port, method, path, cookies, body)
        location = headers.get("location", [""])[0]
    except OSError:
        pass  # counted as an error: status 0
    ms = (time.perf_counter() - start) * 1000
    # A redirect to the sign-in page is a refusal, not a saved update.
    ok = status == expect and "sign-in" not in location
    target.samples.append(Sample(kind, status, ms, ok, ROUTE.sub("<id>", path.split("?")[0])))
    return content


async def user(target: Target, n: int, until: float, rng: random.Random) -> None:
    cookies = {"sessionid": target.sessions[n % len(target.sessions)]}
    await asyncio.sleep(rng.uniform(0, 3))  # users arrive over the first seconds
    while time.monotonic() < until:
        if rng.random() < 0.8:
            await timed(target, "read", "GET", rng.choice(target.reads), cookies, 200)
        else:
            action = rng.choice(target.actions)
            form = await timed(
                target, "update form", "GET", f"/actions/{action}/update/", cookies, 200
            )
            token = CSRF.search(form.decode("utf-8", "replace"))
            await asyncio.sleep(rng.uniform(1, 3))
            fields = {
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "as_at": timezone.localdate().isoformat(),
                "position": f"Load test position from user {n} at {time.time():.0f}",
                "progress_status": "in_progress",
                "rag": rng.choice(["green", "amber", "red"]),
            }
            body = urllib.parse.urlencode(fields)
            await timed(
                target, "update post", "POST", f"/actions/{action}/update/", cookies, 302, body
            )
        await asyncio.sleep(rng.uniform(1, 3))


async def warm(target: Target, workers: int) -> None:
    """Every page once per worker before the clock starts, as a server in service would be:
    the first request in a process pays for imports (matplotlib, weasyprint) and templates."""
    cookies = {"sessionid": target.sessions[0]}
    for path in dict.fromkeys(target.reads):
        for _ in range(workers * 2):
            await request(target.port, "GET", path, dict(cookies))


async def drive(target: Target, users: int, seconds: float) -> float:
    rng = random.Random(16)
    start = time.monotonic()
    until = start + seconds
    await asyncio.gather(
        *(user(target, n, until, random.Random(rng.random())) for n in range(users))
    )
    return time.monotonic() - start


def prepare(scale: float, accounts_n: int) -> tuple[Council, list[str]]:
    """The data, and a signed-in session for each account (signing in through the form would
    measure the password hash 50 times over, not the pages)."""
    call_command("migrate", verbosity=0)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    council = council_build(f"Load test council {stamp}", SIZES["district"].scaled(scale))
    users = [council.officer]
    for n in range(1, accounts_n):
        # The same council's name: another Performance officer of it.
        extra = council_create(council.organisation.name, username=f"load-{stamp}-{n}")
        users.append(extra.officer)
    sessions = []
    for account in users:
        store = SessionStore()
        store[SESSION_KEY] = str(account.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = account.get_session_auth_hash()
        store.create()
        sessions.append(str(store.session_key))
    return council, sessions


def reads_of(council: Council) -> tuple[list[str], list[str]]:
    plan = council.plans[0]
    actions = [
        str(u) for u in Action.objects.filter(plan__in=council.plans).values_list("uuid", flat=True)
    ]
    indicators = Indicator.objects.filter(organisation=council.organisation).values_list(
        "uuid", flat=True
    )
    reads = [
        "/plans/",
        f"/plans/{plan.uuid}/",
        f"/scorecards/plans/{plan.uuid}/",
        f"/organisations/{council.organisation.uuid}/dashboard/",
        f"/public/plans/{plan.uuid}/",
        "/my/actions/",
    ]
    reads += [f"/actions/{a}/" for a in actions[:10]]
    reads += [f"/indicators/{i}/" for i in list(indicators)[:3]]
    if (ROOT / "stocktake" / "api").is_dir():
        reads.append(f"/api/actions/?plan={plan.uuid}&limit=100")
    return reads, actions


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, workers: int) -> tuple[subprocess.Popen[bytes], str, str]:
    env = os.environ | {"DEBUG": "false", "DATABASE_CONN_MAX_AGE": "60"}
    if importlib.util.find_spec("gunicorn") is not None:
        command = [
            sys.executable, "-m", "gunicorn", "stocktake.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--worker-class", "gthread", "--threads", "4", "--log-level", "warning",
            "--preload",
        ]  # fmt: skip
        server = f"gunicorn ({workers} workers x 4 threads)"
    else:
        command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        server = "runserver (NOT a production server: gunicorn is not installed)"
    # A file, not a pipe: runserver logs every request, and a full pipe would stall it.
    log = tempfile.NamedTemporaryFile(prefix="stocktake-load-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped: {Path(log.name).read_text()[-2000:]}")
        try:
            status, _, _ = asyncio.run(request(port, "GET", "/healthz", {}))
            if status == 200:
                return process, server, log.name
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not answer /healthz within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)  # its own session: the server and its workers only
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def summarise(samples: list[Sample], seconds: float, by: str = "kind") -> list[dict[str, Any]]:
    rows = []
    names = sorted({getattr(s, by) for s in samples})
    for kind in [*names, "all"] if by == "kind" else names:
        chosen = [s for s in samples if kind in ("all", getattr(s, by))]
        if not chosen:
            continue
        times = sorted(s.ms for s in chosen)
        rows.append(
            {
                "kind": kind,
                "requests": len(chosen),
                "errors": sum(not s.ok for s in chosen),
                "per_s": len(chosen) / seconds,
                "p50_ms": statistics.median(times),
                "p95_ms": times[min(len(times) - 1, int(len(times) * 0.95))],
                "max_ms": times[-1],
                "statuses": sorted({s.status for s in chosen if not s.ok}),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--scale", type=float, default=0.01, help="of a district (generate.py)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print("The load test needs PostgreSQL: set DATABASE_URL to a throw-away database.")
        return 2
    started = time.perf_counter()
    council, sessions = prepare(options.scale, min(options.users, 10))
    reads, actions = reads_of(council)
    connection.close()  # the server's workers are the database's clients from here on
    print(f"data ready in {time.perf_counter() - started:.0f} s; starting the server")
    port = free_port()
    process, server, log = start_server(port, options.workers)
    target = Target(port, reads, actions, sessions)
    try:
        asyncio.run(warm(target, options.workers))
        seconds = asyncio.run(drive(target, options.users, options.seconds))
        # Others' work on a shared machine shows here: the one-minute load average at the end.
        load_average = os.getloadavg()[0]
    finally:
        stop_server(process)
    rows = summarise(target.samples, seconds)
    print(
        f"\nLoad test: {options.users} users, {seconds:.0f} s, server {server}, PostgreSQL, "
        f"load average {load_average:.1f} on {os.cpu_count()} CPUs at the end"
    )
    print(
        f"{'kind':12} {'requests':>8} {'errors':>6} {'req/s':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}"
    )
    for row in rows:
        print(
            f"{row['kind']:12} {row['requests']:8d} {row['errors']:6d} {row['per_s']:6.1f} "
            f"{row['p50_ms']:7.1f} {row['p95_ms']:7.1f} {row['max_ms']:7.1f}"
            + (f"  statuses {row['statuses']}" if row["statuses"] else "")
        )
    routes = summarise(target.samples, seconds, by="route")
    slowest = sorted(routes, key=lambda r: -r["p95_ms"])[:4]
    print("slowest by p95: " + "; ".join(f"{r['kind']} {r['p95_ms']:.0f} ms" for r in slowest))
    overall = rows[-1]
    verdict = overall["errors"] == 0 and overall["p95_ms"] < P95_TARGET_MS
    print(f"target 0 errors and p95 under {P95_TARGET_MS} ms: {'met' if verdict else 'NOT met'}")
    RESULTS.mkdir(exist_ok=True)
    name = "gunicorn" if server.startswith("gunicorn") else "runserver"
    path = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-load-{name}.json"
    about = {"cpu_count": os.cpu_count(), "platform": platform.platform(),
             "python": platform.python_version(), "server": server,
             "load_average": load_average}  # fmt: skip
    options_used = vars(options) | {"seconds_run": seconds}
    path.write_text(
        json.dumps(
            {"machine": about, "options": options_used, "rows": rows, "routes": routes}, indent=2
        )
    )
    print(f"written to {path}; the server's log is {log}")
    return 0 if overall["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
