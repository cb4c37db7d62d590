"""Moving in: 200,000 rows of quarterly indicator history from a long CSV export.

Run: .venv/bin/python bench/movein_speed.py   (a throw-away SQLite database unless
DATABASE_URL is set). The file is 2,500 indicators x 80 quarters (2000/01 to 2019/20) in the
shape of a Pentana-style export, with a status column to reconcile. The import runs for real
(not a dry run): values written, every series' status and arrows worked out, the report
built. Prints rows/s; the bar is the whole file in under 60 seconds.
"""

from __future__ import annotations

import csv
import os
import random
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

from django.core.management import call_command  # noqa: E402

from stocktake.accounts import services as accounts  # noqa: E402
from stocktake.indicators.models import Measurement  # noqa: E402
from stocktake.movein.engine import movein_run  # noqa: E402
from stocktake.movein.shipped import shipped_mapping  # noqa: E402

INDICATORS = int(os.environ.get("BENCH_INDICATORS", "2500"))
YEARS = range(2000, 2020)
BAR_SECONDS = 60.0


def write_export(path: Path) -> int:
    rng = random.Random(10)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["PI Code", "Short Name", "Period", "Value", "Target", "Status", "Note"])
        for n in range(INDICATORS):
            base = rng.uniform(20, 80)
            for year in YEARS:
                label = f"{year}/{(year + 1) % 100:02d}"
                for quarter in range(1, 5):
                    value = f"{base + rng.uniform(-5, 5):.1f}"
                    status = rng.choice(["OK", "Warning", "Alert", "Data Only"])
                    target = f"{base:.0f}" if quarter == 4 else ""
                    out.writerow(
                        [
                            f"B{n:05d}",
                            f"Measure {n}",
                            f"Q{quarter} {label}",
                            value,
                            target,
                            status,
                            "",
                        ]
                    )
                    rows += 1
    return rows


def main() -> None:
    call_command("migrate", verbosity=0)
    council = accounts.organisation_get_or_create(name="Bench District Council")
    folder = Path(tempfile.mkdtemp())
    path = folder / "export.csv"
    rows = write_export(path)
    mapping = shipped_mapping("pentana-indicators")
    assert mapping is not None
    mapping["unmatched"] = "create"
    start = time.perf_counter()
    report = movein_run(path=path, organisation=council, mapping=mapping, by=None)
    seconds = time.perf_counter() - start
    stored = Measurement.objects.filter(organisation=council).exclude(direction="not_comparable")
    print(
        f"{rows:,} rows, {report['created'].get('indicators', 0):,} indicators, "
        f"{len(report['periods'])} periods in {seconds:.1f} s = {rows / seconds:,.0f} rows/s "
        f"(bar: {rows:,} in {BAR_SECONDS:.0f} s); {stored.count():,} values with an arrow; "
        f"{report['difference_count']:,} of {report['compared']:,} source statuses differ"
    )
    # The machine is shared: say how busy it was, as the bar assumes it to ourselves.
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ok = seconds < BAR_SECONDS
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
