"""Prepare a long report's PDF or Word file in the background, watch it, then download it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from . import access, jobs, services
from .forms import ReportForm, definition_query
from .models import JobFormat, ReportDefinition
from .views import FORMATS

_NOT_CHOICES = {"csrfmiddlewaretoken", "format", "definition"}


@login_required
@require_POST
def job_create(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("format", "")
    if kind not in JobFormat.values:
        raise Http404("No such file format")
    definition: ReportDefinition | None = None
    if request.POST.get("definition"):
        definition = access.definition_for_viewer(request.user, request.POST["definition"])
        saved = definition_query(definition)
        query = jobs.as_query({k: v if isinstance(v, list) else [v] for k, v in saved.items()})
    else:
        query = request.POST.copy()
        for name in _NOT_CHOICES:
            query.pop(name, None)
    plans = access.plans_for_reports(request.user)
    form = ReportForm(query, plans=plans, today=services.today())
    if not form.is_valid():
        return render(request, "reports/builder.html", {"form": form, "definition": definition})
    spec = form.spec()
    job = jobs.job_queue(
        params={key: query.getlist(key) for key in query},
        format=kind,
        plans=spec.plans,
        title=spec.title or (definition.title if definition else ""),
        definition=definition,
        by=request.user,
    )
    return redirect("reports:job_detail", job_uuid=job.uuid)


@login_required
def job_detail(request: HttpRequest, job_uuid: str) -> HttpResponse:
    job = access.job_for_viewer(request.user, job_uuid)
    return render(request, "reports/job.html", {"job": job})


@login_required
def job_download(request: HttpRequest, job_uuid: str) -> FileResponse:
    job = access.job_for_viewer(request.user, job_uuid)
    if job.status != "done" or not job.result:
        raise Http404("This report file is not ready")
    content_type, extension = FORMATS[job.format]
    # The stored name may carry a suffix added to keep it unique; the person gets the title.
    name = f"{slugify(job.title)[:80] or 'report'}.{extension}"
    return FileResponse(
        job.result.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
