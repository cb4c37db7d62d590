"""Import throughput of each reader, and the time to render a report to PDF and to Word.

The same generated plan is written as text, HTML, Word, PDF, Excel and CSV (the test suite's
own writers), then previewed by the importer: rows/s counts the plan's actions found.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User

from bench.datasets import plan_document_text
from stocktake.imports.read_text import read_text
from stocktake.imports.services import preview_document
from stocktake.imports.tests import writers
from stocktake.plans.models import Plan
from stocktake.reports.build import build_report
from stocktake.reports.render import report_pdf
from stocktake.reports.selectors import Spec
from stocktake.reports.word import report_docx

READERS = ("text", "html", "word", "pdf", "excel", "csv")


def _as_csv(text: str) -> str:
    out = io.StringIO()
    lines = csv.writer(out)
    for line in text.splitlines():
        lines.writerow(line.split("\t") if line else [])
    return out.getvalue()


def write_documents(folder: Path, rows: int) -> dict[str, Path]:
    text = plan_document_text(rows)
    document = read_text(text)
    paths = {
        "text": folder / "plan.txt",
        "html": folder / "plan.html",
        "word": folder / "plan.docx",
        "pdf": folder / "plan.pdf",
        "excel": folder / "plan.xlsx",
        "csv": folder / "plan.csv",
    }
    paths["text"].write_text(text, encoding="utf-8")
    paths["html"].write_text(writers.to_html(document), encoding="utf-8")
    writers.to_docx(document, paths["word"])
    writers.to_pdf(document, paths["pdf"])
    writers.to_xlsx(document, paths["excel"])
    paths["csv"].write_text(_as_csv(text), encoding="utf-8")
    return paths


def reader_throughput(rows: int, runs: int) -> list[dict[str, Any]]:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for reader, path in write_documents(Path(folder), rows).items():
            times, items = [], 0
            for _ in range(runs):
                start = time.perf_counter()
                items = sum(1 for i in preview_document(path)["items"] if i["kind"] == "action")
                times.append(time.perf_counter() - start)
            seconds = statistics.median(times)
            size = path.stat().st_size
            results.append(
                {
                    "reader": reader,
                    "rows": items,
                    "bytes": size,
                    "seconds": seconds,
                    "rows_per_s": items / seconds,
                    "mb_per_s": size / 1e6 / seconds,
                }
            )
    return results


def report_times(plan: Plan) -> dict[str, Any]:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    spec = Spec(plans=[plan], layout="performance", as_at=dt.date(2025, 3, 31))
    user = User(username="bench", is_superuser=True)  # sees every indicator, public or not
    start = time.perf_counter()
    data = build_report(spec, user=user, today=dt.date(2025, 4, 1))
    gathered = time.perf_counter()
    pdf = report_pdf(data)
    pdf_done = time.perf_counter()
    docx = report_docx(data)
    docx_done = time.perf_counter()
    return {
        "rows": sum(len(g["rows"]) for g in data["groups"]),
        "indicators": len(data["indicators"]),
        "data_s": gathered - start,
        "pdf_s": pdf_done - gathered,
        "pdf_kib": len(pdf) // 1024,
        "word_s": docx_done - pdf_done,
        "word_kib": len(docx) // 1024,
    }
