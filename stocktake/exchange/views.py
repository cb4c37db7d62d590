"""The administrators' export download, and open data at stable public URLs."""

from __future__ import annotations

import csv
import io
import tempfile
from typing import Any

from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from . import access, open_data, services


def export_page(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_exporter(request.user, organisation_uuid)
    return render(request, "exchange/export.html", {"organisation": organisation})


@require_GET
def export_download(
    request: HttpRequest, organisation_uuid: str, fmt: str
) -> HttpResponse | StreamingHttpResponse:
    organisation = access.organisation_for_exporter(request.user, organisation_uuid)
    name = slugify(organisation.name)
    response: HttpResponse | StreamingHttpResponse
    # Both are written as they are read, so a council's contacts are never all in memory.
    if fmt == "zip":
        # FileResponse closes the file (and so deletes it) once it has been sent.
        file = tempfile.TemporaryFile()  # noqa: SIM115
        services.write_zip(organisation=organisation, file=file)
        file.seek(0)
        response = FileResponse(file, content_type="application/zip")
    else:
        text = services.export_text(organisation=organisation)
        response = StreamingHttpResponse(
            (part.encode() for part in text), content_type="application/json"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _csv(rows: list[dict[str, Any]], fields: list[str], name: str) -> HttpResponse:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return response


def _json(data: Any) -> JsonResponse:
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


@require_GET
def open_plans(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = open_data.published_plans()
    if fmt == "csv":
        return _csv(rows, open_data.PLAN_FIELDS, "plans")
    return _json({"plans": rows})


@require_GET
def open_plan(request: HttpRequest, plan_uuid: str, fmt: str) -> HttpResponse:
    plan = access.published_plan(plan_uuid)
    actions = open_data.plan_actions(plan)
    if fmt == "csv":
        return _csv(actions, open_data.ACTION_FIELDS, f"plan-{plan.uuid}")
    return _json({"plan": open_data.plan_row(plan), "actions": actions})


@require_GET
def open_indicators(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = open_data.public_indicators()
    if fmt == "csv":
        return _csv(rows, open_data.INDICATOR_FIELDS, "indicators")
    return _json({"indicators": rows})


@require_GET
def open_indicator(request: HttpRequest, indicator_uuid: str, fmt: str) -> HttpResponse:
    indicator = access.public_indicator(indicator_uuid)
    values = open_data.indicator_values(indicator)
    if fmt == "csv":
        return _csv(values, open_data.MEASUREMENT_FIELDS, f"indicator-{indicator.uuid}")
    about = {
        "uuid": str(indicator.uuid),
        "organisation": indicator.organisation.name,
        "code": indicator.definition.code,
        "title": indicator.definition.title,
        "definition": indicator.definition.definition,
        "unit": indicator.definition.unit,
        "polarity": indicator.definition.polarity,
    }
    return _json({"indicator": about, "values": values})
