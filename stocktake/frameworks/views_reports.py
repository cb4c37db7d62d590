"""The evidence pack as a page, a PDF and a Word document."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import access, pack


def pack_page(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    return render(request, "frameworks/pack.html", pack.pack_context(assessment, request.user))


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def pack_pdf(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    body = pack.pack_pdf(pack.pack_context(assessment, request.user))
    return _download(body, "application/pdf", f"evidence-pack-{assessment.as_at}.pdf")


def pack_docx(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    body = pack.pack_docx(pack.pack_context(assessment, request.user))
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return _download(body, kind, f"evidence-pack-{assessment.as_at}.docx")
