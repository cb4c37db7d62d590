"""The assessment summary and evidence pack: one context for the page, the PDF and Word.

Every criterion is present, rated or not, so an inspector sees the whole framework.
"""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Cm
from weasyprint import HTML  # type: ignore[import-untyped]

from stocktake.accounts.selectors import AnyUser

from . import charts, selectors
from .models import FrameworkAssessment


def pack_context(assessment: FrameworkAssessment, user: AnyUser) -> dict[str, Any]:
    groups = selectors.assessment_groups(assessment, user)
    rows = selectors.rows_of(groups)
    framework = assessment.framework
    labels = selectors.labels_for(framework)
    history = selectors.overall_history(assessment, user)
    return {
        "assessment": assessment,
        "framework": framework,
        "groups": groups,
        "outcome": selectors.outcome_of(assessment, rows),
        "scale": list(framework.scale.all()),
        "target": labels.get(framework.target, ""),
        "assessors": list(assessment.assessors.select_related("user")),
        "history": history,
        "chart": charts.ratings_svg(
            **charts.result_chart_args(framework.level_names or [], history)
        )
        if len(history) > 1
        else "",
    }


def pack_html(context: dict[str, Any]) -> str:
    return render_to_string("frameworks/_pack_body.html", context)


def pack_pdf(context: dict[str, Any]) -> bytes:
    page = render_to_string("frameworks/pack_print.html", context)
    # Tagged PDF/UA so screen readers get the headings and tables, as the reports app does.
    pdf: bytes = HTML(string=page).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def _person(user: Any) -> str:
    return (user.get_full_name() or user.username) if user else ""


def pack_docx(context: dict[str, Any]) -> bytes:
    assessment: FrameworkAssessment = context["assessment"]
    outcome = context["outcome"]
    document: DocumentObject = Document()
    document.add_heading(f"{assessment.title}: evidence pack", 0)
    document.add_paragraph(
        f"{assessment.organisation}{' – ' + str(assessment.unit) if assessment.unit else ''}. "
        f"Assessed against {assessment.framework} at {assessment.as_at:%d %B %Y}. "
        f"Status: {assessment.get_status_display()}."
    )
    document.add_heading("Result", 1)
    document.add_paragraph(f"Result: {outcome.result}")
    document.add_paragraph(f"Rule: {outcome.rule}")
    if outcome.blocking:
        document.add_paragraph(f"Criteria blocking {outcome.next_step}:")
        for row in outcome.blocking:
            document.add_paragraph(f"{row.ref} {row.title}", style="List Bullet")
    if assessment.external_assessor:
        document.add_paragraph(
            f"External assessment by {assessment.external_assessor}: {assessment.external_summary}"
        )
    history = context["history"]
    if len(history) > 1:
        names = assessment.framework.level_names or []
        png = charts.ratings_png(**charts.result_chart_args(names, history))
        document.add_picture(io.BytesIO(png), width=Cm(15))
    for group in context["groups"]:
        document.add_heading(f"{group.theme.ref} {group.theme.title}", 1)
        for row in group.rows:
            criterion = row.rating.criterion
            document.add_heading(f"{criterion.ref} {criterion.title}", 2)
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            facts = [
                ("Level", str(criterion.level or "")),
                ("Rating", row.label),
                ("Below target", "Yes" if row.below_target else "No"),
                ("Commentary", row.rating.commentary),
                ("External rating", row.external_label),
                ("External commentary", row.rating.external_commentary),
            ]
            for name, value in facts:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = name, value
            for evidence in row.evidence:
                document.add_paragraph(_evidence_line(evidence), style="List Bullet")
            for action in row.actions:
                document.add_paragraph(
                    f"Improvement action {action.ref} {action.text} ({action.plan.title}): "
                    f"{action.get_progress_status_display()}, RAG {action.get_rag_display()}",
                    style="List Bullet",
                )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _evidence_line(evidence: Any) -> str:
    detail = evidence.url or evidence.note
    if evidence.action is not None:
        detail = f"plan action {evidence.action.ref} {evidence.action.text}"
    if evidence.indicator is not None:
        definition = evidence.indicator.definition
        detail = f"indicator {definition.code} {definition.title}"
    if evidence.file:
        detail = f"file ({evidence.size // 1024 or 1} KB)"
    return f"Evidence ({evidence.get_kind_display()}): {evidence.title} – {detail}".strip()
