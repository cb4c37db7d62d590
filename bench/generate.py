"""Generate a council's worth of realistic data through the services, with a progress bar.

Run: .venv/bin/python bench/generate.py --size district|county|national [--scale F]

district: 30 plans, 3,000 actions, 30,000 updates, 400 indicators x 40 quarters, 300 risks,
500,000 contacts; county: five times that; national: a district plus the same indicators'
values for 149 peer organisations (150 in all), for benchmarking. `--scale 0.01` makes a tiny
version in seconds. Writes to DATABASE_URL (the project's own database when it is unset), so
point it at a throw-away database.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench.datasets import SIZES, Council, council_build  # noqa: E402


def generate(size: str, scale: float = 1.0, *, name: str = "", quiet: bool = False) -> Council:
    chosen = SIZES[size].scaled(scale)
    label = name or f"Generated {size} council {time.strftime('%Y%m%d-%H%M%S')}"
    with tqdm(total=chosen.rows(), unit="row", disable=quiet, desc=size) as bar:
        return council_build(label, chosen, tick=bar.update)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="district")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every count")
    parser.add_argument("--name", default="", help="the council's name")
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    council = generate(options.size, options.scale, name=options.name)
    seconds = time.perf_counter() - started
    made = ", ".join(f"{count:,} {thing}" for thing, count in council.counts.items())
    print(f"{council.organisation.name}: {made} in {seconds:.1f} s")
    print(f"sign in as {council.officer.username} (password in bench/datasets.py)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
