"""The evidence pack renders as a page, a PDF and a Word file that parse back whole."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from docx import Document

from stocktake.frameworks import services, services_evidence

from .conftest import AssessWorld, rate_all


def _pack(client: Client, world: AssessWorld, officer: User, name: str) -> bytes:
    rate_all(world.assessment, {"4.3": 0}, default=2)
    services_evidence.evidence_add(
        rating=world.rating("2.1"), title="Cabinet minute", url="https://example.org/m", by=None
    )
    client.force_login(officer)
    response = client.get(reverse(f"frameworks:{name}", args=[world.assessment.uuid]))
    assert response.status_code == 200
    return response.content


def _every_criterion_in(text: str, world: AssessWorld) -> None:
    flat = " ".join(text.split())
    for criterion in world.assessment.framework.criteria.all():
        assert f"{criterion.ref} {criterion.title}" in flat, criterion.ref
    assert "Cabinet minute" in flat
    assert "Level 1: Developing" in flat


def test_the_pdf_parses_back_with_every_criterion(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    content = _pack(client, assess_world, officer, "pack_pdf")
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    _every_criterion_in(text, assess_world)


def test_the_word_file_parses_back_with_every_criterion(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    content = _pack(client, assess_world, officer, "pack_docx")
    document = Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    _every_criterion_in(text, assess_world)
    assert len(document.tables) == 20


def test_the_pack_page_lists_every_criterion(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    content = _pack(client, assess_world, officer, "pack").decode()
    assert content.count('class="st-criterion"') == 20


def test_a_re_assessment_puts_the_result_chart_in_every_form(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    first = assess_world.assessment
    rate_all(first, {"1.1": 0}, default=2)
    second = services.assessment_create(
        organisation=first.organisation,
        unit=first.unit,
        framework=first.framework,
        title="Re-assessment",
        as_at=dt.date(2010, 3, 31),
        by=officer,
    )
    rate_all(second, {}, default=2)
    client.force_login(officer)
    page = client.get(reverse("frameworks:pack", args=[second.uuid])).content.decode()
    assert page.count("<svg") == 1
    docx = client.get(reverse("frameworks:pack_docx", args=[second.uuid])).content
    assert len(Document(io.BytesIO(docx)).inline_shapes) == 1
    pdf = client.get(reverse("frameworks:pack_pdf", args=[second.uuid])).content
    with pdfplumber.open(io.BytesIO(pdf)) as parsed:
        assert "Level 3: Excellent" in parsed.pages[0].extract_text()
