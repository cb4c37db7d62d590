"""Report builder, saved definitions and published snapshots: gatekeeper, form, service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST

from . import access, services
from . import render as out
from .build import build_report
from .forms import ReportForm, definition_query
from .models import ReportDefinition, ReportJob, ReportSnapshot
from .word import report_docx

FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}

DOWNLOADS = [
    ("pdf", "PDF"),
    ("docx", "Word"),
    ("xlsx", "Excel"),
    ("csv", "CSV"),
    ("json", "Data (JSON)"),
]


def _file(data: dict[str, Any], kind: str) -> HttpResponse:
    maker = {
        "pdf": out.report_pdf,
        "docx": report_docx,
        "xlsx": out.report_xlsx,
        "csv": out.report_csv,
    }[kind]
    content_type, extension = FORMATS[kind]
    response = HttpResponse(maker(data), content_type=content_type)
    name = slugify(data["title"])[:80] or "report"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def _form(request: HttpRequest, data: QueryDict | None) -> ReportForm:
    plans = access.plans_for_reports(request.user)
    return ReportForm(data, plans=plans, today=services.today())


def _run(
    request: HttpRequest, form: ReportForm, definition: ReportDefinition | None = None
) -> HttpResponse:
    data = build_report(form.spec(), user=request.user, today=services.today())
    kind = request.GET.get("format", "")
    if kind == "json":
        return JsonResponse(data)
    if kind in FORMATS:
        return _file(data, kind)
    organisation_id = form.spec().plans[0].organisation_id
    context = {
        "form": form,
        "body": out.report_html(data),
        "query": request.GET.urlencode() if definition is None else "",
        "definition": definition,
        "downloads": DOWNLOADS,
        "saved_fields": [(k, v) for k, v in request.GET.lists() if k != "format"],
        "can_save": definition is None and access.can_save(request.user, organisation_id),
        "can_publish": definition is not None and access.can_publish(request.user, organisation_id),
    }
    return render(request, "reports/report.html", context)


@login_required
def report_builder(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.GET or None)
    if form.is_bound and form.is_valid():
        return _run(request, form)
    return render(request, "reports/builder.html", {"form": form})


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    organisations = access.reader_organisations(request.user)
    if getattr(request.user, "is_superuser", False):
        definitions = ReportDefinition.objects.all()
        snapshots = ReportSnapshot.objects.all()
    else:
        definitions = ReportDefinition.objects.filter(organisation_id__in=organisations)
        snapshots = ReportSnapshot.objects.filter(organisation_id__in=organisations)
    context = {
        "definitions": definitions.select_related("organisation"),
        "snapshots": snapshots.select_related("organisation", "published_by")[:50],
        # A prepared file holds what its requester could see, so each person sees only theirs.
        "jobs": ReportJob.objects.filter(requested_by_id=request.user.pk)[:20],
    }
    return render(request, "reports/report_list.html", context)


@login_required
@require_POST
def definition_save(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.POST)
    if not form.is_valid():
        return render(request, "reports/builder.html", {"form": form})
    spec = form.spec()
    if not access.can_save(request.user, spec.plans[0].organisation_id):
        raise PermissionDenied("You cannot save reports for this council")
    try:
        definition = services.definition_save(
            title=form.cleaned_data.get("title") or out_title(spec),
            layout=spec.layout,
            plans=spec.plans,
            as_at=form.cleaned_data.get("as_at"),
            compare_on=spec.compare_on,
            filters=form.filters(),
            by=request.user,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "reports/builder.html", {"form": form})
    messages.success(request, "Report saved")
    return redirect("reports:definition_detail", definition_uuid=definition.uuid)


def out_title(spec: Any) -> str:
    return f"{', '.join(p.title for p in spec.plans)[:250]}: {spec.layout} report"


@login_required
def definition_detail(request: HttpRequest, definition_uuid: str) -> HttpResponse:
    definition = access.definition_for_viewer(request.user, definition_uuid)
    form = _form(request, _query(definition))
    if not form.is_valid():
        return render(request, "reports/builder.html", {"form": form, "definition": definition})
    return _run(request, form, definition)


def _query(definition: ReportDefinition) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in definition_query(definition).items():
        if isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        else:
            query[key] = str(value)
    return query


@login_required
@require_http_methods(["GET", "POST"])
def definition_publish(request: HttpRequest, definition_uuid: str) -> HttpResponse:
    """GET says what publishing will do, and whether the copy will be public; POST does it."""
    definition = access.definition_for_publisher(request.user, definition_uuid)
    form = _form(request, _query(definition))
    if not form.is_valid():
        return render(request, "reports/builder.html", {"form": form, "definition": definition})
    spec = form.spec()
    if request.method == "POST":
        snapshot = services.snapshot_publish(spec=spec, definition=definition, by=request.user)
        where = "It is public: anyone can read it" if snapshot.is_public else "It is not public"
        messages.success(request, f"Report published: this copy will not change. {where}.")
        return redirect("reports:snapshot_detail", snapshot_uuid=snapshot.uuid)
    context = {
        "definition": definition,
        "spec": spec,
        "public": services.snapshot_would_be_public(spec.plans),
        "unpublished": [p for p in spec.plans if not p.is_published],
    }
    return render(request, "reports/publish_confirm.html", context)


def snapshot_detail(request: HttpRequest, snapshot_uuid: str) -> HttpResponse:
    snapshot = access.snapshot_for_viewer(request.user, snapshot_uuid)
    kind = request.GET.get("format", "")
    if kind == "json":
        return JsonResponse(snapshot.data)
    if kind in FORMATS:  # charts are redrawn from the stored data, so they match too
        return _file(snapshot.data, kind)
    return render(request, "reports/snapshot.html", {"snapshot": snapshot})
