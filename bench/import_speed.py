"""Import speed: dry-run previews of each seed and of generated plans of 10, 100, 1,000 rows.

Run: .venv/bin/python bench/import_speed.py   (prints seconds, rows/s and per-row ratios)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")

import django

django.setup()

from stocktake.imports.services import preview_document  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_LIMIT_S = 2.0
HEADER = (
    "Action No\tDate Added\tAction\tTarget Date\tLead Officer\tTask Status\tUpdate\tDeliverables"
)
STATUSES = ["Complete", "Ongoing", "Not started", "<b>Date Required</b>", "40% year 1 completed"]
OWNERS = ["Caroline Marshall / Helen Walton", "Steve Phipps", "Head of Benefits, Revenues"]


def generated(rows: int) -> str:
    lines = ["**GENERATED IMPROVEMENT PLAN**", ""]
    for n in range(rows):
        if n % 25 == 0:
            lines += ["", f"**OBJECTIVE {n // 25 + 1}: THEME {n // 25 + 1}**", "", HEADER]
        lines.append(
            f"{n // 25 + 1}.{n % 25 + 1}\t\tDo thing {n} <ul><li>first</li><li>second</li></ul>"
            f"\tOct- Nov 2006 Dec – Mar 2007\t{OWNERS[n % 3]}\t{STATUSES[n % 5]}"
            f"\tProgress on {n} (see 1.1)\tDeliverable {n}"
        )
    return "\n".join(lines)


def timed(path: Path, repeat: int = 3) -> tuple[float, int]:
    best = float("inf")
    items = 0
    for _ in range(repeat):
        start = time.perf_counter()
        items = len(preview_document(path)["items"])
        best = min(best, time.perf_counter() - start)
    return best, items


def main() -> int:
    failures = 0
    print("seed                          seconds   items")
    for path in sorted(SEEDS.glob("*.txt")):
        seconds, items = timed(path)
        flag = "" if seconds < SEED_LIMIT_S else "  SLOWER THAN 2 s"
        failures += bool(flag)
        print(f"{path.name:28} {seconds:8.3f} {items:7d}{flag}")
    print("\nrows   seconds    rows/s   s/row (x vs 10 rows)")
    base: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for rows in (10, 100, 1000):
            path = Path(tmp) / f"generated_{rows}.txt"
            path.write_text(generated(rows), encoding="utf-8")
            seconds, items = timed(path)
            assert items == rows, (items, rows)
            per_row = seconds / rows
            base = base or per_row
            ratio = per_row / base
            print(f"{rows:5d} {seconds:9.3f} {rows / seconds:9.0f}   {per_row:.6f} ({ratio:.2f}x)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
