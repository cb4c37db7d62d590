"""Moving in on the web: upload → map → dry-run preview → confirm → reconciliation (PRG)."""

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

from . import access, selectors, services
from .engine import DatasetUnreadable, MoveInRejected
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
    found = selectors.scan(Path(movein.file.path))
    form = MappingForm(
        request.POST or None,
        kind=movein.kind,
        headers=found.headers,
        mapping=movein.mapping,
        words=selectors.vocabulary_words(found, movein.mapping),
        periods=selectors.period_texts(found, movein.mapping, found.sheets),
    )
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping(movein.kind)
        user = signed_in_user(request)
        if _needs_another_look(found, form, mapping):
            services.movein_remap(movein=movein, mapping=mapping, by=user)
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
        services.movein_check(movein=movein, mapping=mapping, by=user)
        return redirect("movein:movein_preview", movein_uuid=movein.uuid)
    return render(
        request, "movein/map.html", {"movein": movein, "form": form, "sheets": found.sheets}
    )


def _needs_another_look(found: selectors.Scan, form: MappingForm, mapping: dict[str, Any]) -> bool:
    """Columns chosen just now whose words or periods the form has not yet shown."""
    words = selectors.vocabulary_words(found, mapping)
    periods = [text for text, _ in selectors.period_texts(found, mapping, found.sheets)]
    return words != form.words or periods != [text for text, _ in form.periods]


@login_required
@require_http_methods(["GET", "POST"])
def movein_preview(request: HttpRequest, movein_uuid: str) -> HttpResponse:
    movein = access.movein_for_mover(request.user, movein_uuid)
    if movein.state == MoveIn.State.IMPORTED:
        return redirect("movein:movein_report", movein_uuid=movein.uuid)
    if request.method == "POST":
        try:
            report = services.movein_confirm(movein=movein, by=signed_in_user(request))
        except (ValidationError, DatasetUnreadable, MoveInRejected) as error:
            text = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, f"{text}; nothing was saved")
            return redirect("movein:movein_preview", movein_uuid=movein.uuid)
        made = sum(report["created"].values())
        messages.success(request, f"Imported {movein.source}: {made} records created")
        return redirect("movein:movein_report", movein_uuid=movein.uuid)
    return render(request, "movein/preview.html", {"movein": movein, "report": movein.report})


@login_required
@require_http_methods(["GET"])
def movein_report(request: HttpRequest, movein_uuid: str) -> HttpResponse:
    movein = access.movein_for_mover(request.user, movein_uuid)
    if movein.state != MoveIn.State.IMPORTED:
        return redirect("movein:movein_preview", movein_uuid=movein.uuid)
    return render(request, "movein/report.html", {"movein": movein, "report": movein.report})
