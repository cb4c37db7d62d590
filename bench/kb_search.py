"""Knowledge-base search over 50,000 entries must answer in under 200 ms (issue 14).

Run: .venv/bin/python bench/kb_search.py. Uses a throw-away SQLite database unless
DATABASE_URL is set. Entries are bulk-loaded (the services would write 50,000 history rows
first); search_text is filled by the same function the services use.
"""

from __future__ import annotations

import os
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
import random  # noqa: E402

from django.core.management import call_command  # noqa: E402

from stocktake.accounts import services as accounts  # noqa: E402
from stocktake.consultations.models import Entry  # noqa: E402
from stocktake.consultations.selectors_kb import search  # noqa: E402
from stocktake.consultations.services_kb import search_text  # noqa: E402

ENTRIES = 50_000
BUDGET_MS = 200
WORDS = [
    "bin",
    "collection",
    "council",
    "tax",
    "benefit",
    "housing",
    "repair",
    "parking",
    "permit",
    "planning",
    "application",
    "licence",
    "noise",
    "complaint",
    "pest",
    "control",
    "library",
    "opening",
    "hours",
    "leisure",
    "swimming",
    "garden",
    "waste",
    "recycling",
    "bulky",
    "item",
    "blue",
    "badge",
    "debt",
    "advice",
    "energy",
    "grant",
    "flood",
    "drainage",
    "street",
    "lighting",
]
QUERIES = ["debt advice", "garden waste", "blue badge", "zzz-not-there", "parking"]


def main() -> None:
    call_command("migrate", verbosity=0)
    council = accounts.organisation_get_or_create(name="Bench County Council")
    other = accounts.organisation_get_or_create(name="Bench Other Council")
    rng = random.Random(14)
    batch = []
    for i in range(ENTRIES):
        entry = Entry(
            organisation=council if i % 5 else other,
            question=" ".join(rng.choices(WORDS, k=6)) + f" {i}?",
            answer=" ".join(rng.choices(WORDS, k=60)),
            tags=", ".join(rng.choices(WORDS, k=3)),
            review_on=dt.date(2026, 1, 1) + dt.timedelta(days=i % 700),
        )
        entry.search_text = search_text(entry)
        batch.append(entry)
    Entry.objects.bulk_create(batch, batch_size=2000)
    worst = 0.0
    for query in QUERIES:
        search(council, query)  # warm the page cache as a running server would be
        started = time.perf_counter()
        found = search(council, query)
        elapsed = (time.perf_counter() - started) * 1000
        worst = max(worst, elapsed)
        print(f"{query!r:18} {len(found):3} results {elapsed:7.1f} ms")
    print(f"worst {worst:.1f} ms for {ENTRIES} entries (budget {BUDGET_MS} ms)")
    if worst > BUDGET_MS:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
