"""Performance report speed: 100 actions and 50 indicators with trend charts, to PDF and Word.

Run: .venv/bin/python bench/report_speed.py. Uses a throw-away SQLite database unless
DATABASE_URL is set. Prints seconds to gather the data and to render each output.
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
import logging  # noqa: E402

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402

from stocktake.accounts import services as accounts  # noqa: E402
from stocktake.reports.build import build_report  # noqa: E402
from stocktake.reports.fixtures import performance_plan  # noqa: E402
from stocktake.reports.render import report_pdf  # noqa: E402
from stocktake.reports.selectors import Spec  # noqa: E402
from stocktake.reports.word import report_docx  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    council = accounts.organisation_get_or_create(name="Bench District Council")
    plan = performance_plan(organisation=council, by=None, actions=100, indicator_count=50)
    spec = Spec(
        plans=[plan],
        layout="performance",
        as_at=dt.date(2009, 3, 31),
        compare_on=dt.date(2008, 7, 1),
    )
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    user = User(username="bench", is_superuser=True)  # sees every indicator, public or not
    started = time.perf_counter()
    data = build_report(spec, user=user, today=dt.date(2009, 4, 1))
    gathered = time.perf_counter()
    pdf = report_pdf(data)
    pdf_done = time.perf_counter()
    docx = report_docx(data)
    docx_done = time.perf_counter()
    rows = sum(len(g["rows"]) for g in data["groups"])
    print(f"rows {rows}, indicators {len(data['indicators'])}")
    print(f"data  {gathered - started:6.2f} s")
    print(f"pdf   {pdf_done - gathered:6.2f} s  ({len(pdf) // 1024} KiB)")
    print(f"word  {docx_done - pdf_done:6.2f} s  ({len(docx) // 1024} KiB)")


if __name__ == "__main__":
    main()
