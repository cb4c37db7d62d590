"""Indicator dataset import: speed on a national-style dataset, and memory as the file grows.

Run: .venv/bin/python bench/indicator_import.py   (a throw-away SQLite database unless
DATABASE_URL is set). The small file is 150 organisations x 7 measures x 8 years (8,400 rows);
the large one has ten times the organisations (84,000 rows). Prints rows/s for the small file
(best of three fresh imports; the bar is 10,000 rows/s), then the peak Python memory of each
import under tracemalloc and their ratio (the bar is about 1: the file streams).
"""

from __future__ import annotations

import csv
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from stocktake.indicators.dataset_import import dataset_import  # noqa: E402
from stocktake.indicators.models import Measurement  # noqa: E402

MEASURES = [
    ("BV 8", "Invoices paid within 30 days", "higher", "%"),
    ("NI 14", "Avoidable contact", "lower", "%"),
    ("NI 191", "Residual household waste per household", "lower", "kg"),
    ("NI 192", "Household waste sent for reuse, recycling and composting", "higher", "%"),
    ("NI 157a", "Major planning applications decided within 13 weeks", "higher", "%"),
    ("NI 181", "Time taken to process Housing Benefit claims", "lower", "days"),
    ("LI 1", "Council tax collected", "higher", "%"),
]
YEARS = [f"{y}/{(y + 1) % 100:02d}" for y in range(2015, 2023)]
SPEED_BAR = 10_000


def write_dataset(path: Path, organisations: int, run: int) -> int:
    """A long file: one row per organisation, measure and year. Returns its row count.

    Each run has its own organisations and codes, so every import starts from nothing
    without deleting (deleting organisations cascades through every app's tables).
    """
    rng = random.Random(organisations)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Code", "Title", "Organisation", "GSS code", "Period", "Value", "Polarity"])
        for n in range(organisations):
            name, gss = f"Bench {run} Council {n:05d}", f"E{run}{n:07d}"
            for code, title, polarity, unit in MEASURES:
                base = rng.uniform(20, 90)
                for year in YEARS:
                    value = f"{base + rng.uniform(-5, 5):.1f}{'%' if unit == '%' else ''}"
                    out.writerow([f"{code} r{run}", title, name, gss, year, value, polarity])
                    rows += 1
    return rows


def timed_import(path: Path) -> tuple[float, dict[str, object]]:
    start = time.perf_counter()
    summary = dataset_import(path=path, by=None)
    return time.perf_counter() - start, summary


def peak_memory(path: Path) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    dataset_import(path=path, by=None)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    call_command("migrate", verbosity=0)
    folder = Path(tempfile.mkdtemp())
    smalls = [folder / f"small{run}.csv" for run in range(1, 6)]
    small_rows = max(write_dataset(path, 150, run) for run, path in enumerate(smalls, 1))
    large = folder / "large.csv"
    large_rows = write_dataset(large, 1500, 9)
    runs = [timed_import(path) for path in smalls[:3]]
    seconds, summary = min(runs, key=lambda run: run[0])
    rate = small_rows / seconds
    stored = Measurement.objects.exclude(status="no_data").count()
    print(
        f"small: {small_rows:,} rows, {summary['indicators']} indicators, "
        f"{summary['organisations']} organisations, {len(summary['periods'])} periods "  # type: ignore[arg-type]
        f"in {seconds:.2f} s = {rate:,.0f} rows/s (bar {SPEED_BAR:,}); "
        f"{stored:,} of {3 * small_rows:,} imported values stored with a status"
    )
    large_seconds, _ = timed_import(large)
    large_rate = large_rows / large_seconds
    print(f"large: {large_rows:,} rows in {large_seconds:.2f} s = {large_rate:,.0f} rows/s")
    small_peak = peak_memory(smalls[3])
    write_dataset(large, 1500, 8)
    large_peak = peak_memory(large)
    ratio = large_peak / small_peak
    print(
        f"peak Python memory (tracemalloc): small {small_peak / 1e6:.1f} MB, "
        f"large {large_peak / 1e6:.1f} MB, ratio {ratio:.2f} "
        f"for {large_rows / small_rows:.0f}x the rows"
    )
    ok = rate >= SPEED_BAR and ratio <= 1.5
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
