"""Moving in on the web: upload → map → dry-run preview → confirm → reconciliation (PRG).

The dry run and the import read the whole file, so both run in the background worker
(jobs.py); the preview and the reconciliation page show their progress until they finish.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.core.auth import signed_in_user

from . import access, jobs, selectors, services
from .engine import DatasetUnreadable
from .forms import MappingForm, UploadForm
from .models import MoveIn


@login_required
@require_http_methods(["GET", "POST"])
def movein_upload(request: HttpRequest) -> HttpResponse:
    organisations = access.require_mover(request.user)
    profiles = [p for o in organisations for p in access.profiles_for(o)]
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        profiles=selectors.profile_choices(profiles),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        mapping = selectors.profile_mapping(data["profile"], profiles)
        try:
            movein = services.movein_upload(
                organisation=data["organisation"],
                kind=(mapping or {}).get("kind") or data["kind"],
                upload=data["file"],
                plan=data["plan"],
                mapping=mapping,
                by=signed_in_user(request),
            )
        except DatasetUnreadable as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("movein:movein_map", movein_uuid=movein.uuid)
    recent = selectors.recent_moveins([o.pk for o in organisations])
    return render(request, "movein/upload.html", {"form": form, "recent": recent})


@login_required
@require_http_methods(["GET", "POST"])
def movein_map(request: HttpRequest, movein_uuid: str) -> HttpResponse:
    movein = access.movein_for_mover(request.user, movein_uuid)
    if movein.state == MoveIn.State.IMPORTED:
        return redirect("movein:movein_report", movein_uuid=movein.uuid)
    job = selectors.latest_job(movein)
    if job is not None and job.under_way:  # the mapping is fixed until its run ends
        if request.method == "POST":
            messages.error(request, "This file is already being checked or imported")
        return redirect("movein:movein_preview", movein_uuid=movein.uuid)
    found = selectors.scan(Path(movein.file.path))
    form = MappingForm(
        request.POST or None,
        kind=movein.kind,
        headers=found.headers,
        mapping=movein.mapping,
        words=selectors.vocabulary_words(found, movein.mapping),
        periods=selectors.period_texts(found, movein.mapping, found.sheets),
        shared=selectors.shared_refs(found, movein, movein.mapping),
    )
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping(movein.kind)
        user = signed_in_user(request)
        if _needs_another_look(found, movein, form, mapping):
            try:
                services.movein_remap(movein=movein, mapping=mapping, by=user)
            except ValidationError as error:  # a run queued since this page was read
                messages.error(request, "; ".join(error.messages))
                return redirect("movein:movein_preview", movein_uuid=movein.uuid)
            messages.info(request, "Say what the status words and periods in those columns mean")
            return redirect("movein:movein_map", movein_uuid=movein.uuid)
        if form.cleaned_data["save_as"].strip():
            profile = services.profile_save(
                organisation=movein.organisation,
                name=form.cleaned_data["save_as"],
                kind=movein.kind,
                mapping=mapping,
                by=user,
            )
            messages.success(request, f"Saved the mapping as “{profile.name}”")
        try:
            jobs.check_queue(movein=movein, mapping=mapping, by=user)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        return redirect("movein:movein_preview", movein_uuid=movein.uuid)
    return render(
        request, "movein/map.html", {"movein": movein, "form": form, "sheets": found.sheets}
    )


def _needs_another_look(
    found: selectors.Scan, movein: MoveIn, form: MappingForm, mapping: dict[str, Any]
) -> bool:
    """Columns chosen just now whose words, periods or shared references the form has not yet
    shown."""
    words = selectors.vocabulary_words(found, mapping)
    periods = [text for text, _ in selectors.period_texts(found, mapping, found.sheets)]
    shared = [ref for ref, _ in selectors.shared_refs(found, movein, mapping)]
    return (
        words != form.words
        or periods != [text for text, _ in form.periods]
        or shared != [ref for ref, _ in form.shared]
    )


@login_required
@require_http_methods(["GET", "POST"])
def movein_preview(request: HttpRequest, movein_uuid: str) -> HttpResponse:
    movein = access.movein_for_mover(request.user, movein_uuid)
    if request.method == "POST":  # refused with a message if imported or under way already
        try:
            jobs.run_queue(movein=movein, by=signed_in_user(request))
        except ValidationError as error:
            messages.error(request, f"{'; '.join(error.messages)}; nothing was changed")
            job = selectors.latest_job(movein)
            if movein.state != MoveIn.State.IMPORTED and not (job and job.importing):
                return redirect("movein:movein_preview", movein_uuid=movein.uuid)
        return redirect("movein:movein_report", movein_uuid=movein.uuid)
    if movein.state == MoveIn.State.IMPORTED:
        return redirect("movein:movein_report", movein_uuid=movein.uuid)
    job = selectors.latest_job(movein)
    if job is not None and job.importing:
        return redirect("movein:movein_report", movein_uuid=movein.uuid)
    context = {"movein": movein, "report": movein.report, "job": job}
    return render(request, "movein/preview.html", context)


@login_required
@require_http_methods(["GET"])
def movein_report(request: HttpRequest, movein_uuid: str) -> HttpResponse:
    """The reconciliation once imported; until then the import's progress, or why it failed."""
    movein = access.movein_for_mover(request.user, movein_uuid)
    if movein.state == MoveIn.State.IMPORTED:
        return render(request, "movein/report.html", {"movein": movein, "report": movein.report})
    job = selectors.latest_job(movein, dry_run=False)
    if job is None:
        return redirect("movein:movein_preview", movein_uuid=movein.uuid)
    return render(request, "movein/run.html", {"movein": movein, "job": job})
