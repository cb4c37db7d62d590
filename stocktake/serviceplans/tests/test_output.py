"""The plan as Word and PDF in the shape of the paper; the Word file reads back the same."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.serviceplans.document import plan_document
from stocktake.serviceplans.models import ServicePlan
from stocktake.serviceplans.output import docx_sections, plan_docx, plan_pdf

pytestmark = pytest.mark.django_db


def test_the_imported_seed_exported_to_word_reads_back_with_the_same_sections_and_rows(
    plan_003: ServicePlan,
) -> None:
    document = plan_document(plan_003)
    read = docx_sections(plan_docx(document))
    assert [s["heading"] for s in read] == [s["heading"] for s in document["sections"]]
    for written, back in zip(document["sections"], read, strict=True):
        assert back["text"] == "\n".join(
            line for line in written["text"].splitlines() if line.strip()
        ), written["key"]
        assert back["points"] == written.get("points", []), written["key"]
        if "cells" in written:
            assert back["rows"] == written["cells"], written["key"]
        if "rows" in written:
            assert back["columns"] == written["columns"], written["key"]
            assert back["rows"] == written["rows"], written["key"]
    by_key = {s["key"]: s for s in document["sections"]}
    assert len(by_key["risks"]["rows"]) == 16
    assert len(by_key["workforce"]["rows"]) == 21


def test_the_pages_and_files_are_served_to_readers(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    page = client.get(reverse("serviceplans:plan_detail", args=[small_plan.uuid]))
    html = page.content.decode()
    assert "We answer the phones." in html
    assert "Set up user groups" in html
    assert "needs_review" not in html  # sections render as prose and tables, not as data
    word = client.get(reverse("serviceplans:plan_docx", args=[small_plan.uuid]))
    assert word["Content-Type"].startswith("application/vnd.openxmlformats")
    headings = [s["heading"] for s in docx_sections(word.content)]
    assert headings[:2] == ["Key functions and responsibilities", "External drivers"]
    pdf = plan_pdf(plan_document(small_plan))
    assert pdf.startswith(b"%PDF")
