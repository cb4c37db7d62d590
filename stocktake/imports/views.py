"""Upload a paper, review what was understood, then create or update the plan (PRG throughout)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.core.auth import signed_in_user
from stocktake.plans.models import Plan

from . import access, merges
from .finishing import ASK_AS_AT
from .forms import ROLE_CHOICES, ReviewForm, UploadForm
from .models import ImportRecord
from .naming import proposed_title
from .reimport import plan_reimport
from .save import ImportRejected, guess_kind, needs_as_at, plan_import
from .services import ImportFailed, preview_document


def _preview_file(data: bytes, name: str, roles: dict[str, str] | None = None) -> dict[str, Any]:
    """Preview bytes under their own name (the suffix chooses the reader)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        return preview_document(path, roles=roles)


@login_required
def import_list(request: HttpRequest) -> HttpResponse:
    organisations = access.organisations_for_importer(request.user)
    if not organisations:
        raise PermissionDenied("You cannot import plans")
    records = ImportRecord.objects.filter(organisation__in=organisations).select_related(
        "organisation", "plan", "by"
    )[:50]
    return render(request, "imports/import_list.html", {"records": records})


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    organisations = access.organisations_for_importer(request.user)
    if not organisations:
        raise PermissionDenied("You cannot import plans")
    form = UploadForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            preview = _preview_file(data, upload.name)
        except ImportFailed as error:
            form.add_error("file", str(error))
        else:
            upload.seek(0)
            record = ImportRecord(
                organisation=form.cleaned_data["organisation"],
                source=upload.name[:300],
                preview=preview,
                by=signed_in_user(request),
            )
            record.file.save(Path(upload.name).name, upload, save=False)
            record.save()
            return redirect("imports:review", record_uuid=record.uuid)
    return render(request, "imports/import_start.html", {"form": form})


class RefusedInput(Exception):
    """Posted values the page never offers; each message names the row and field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _overrides(request: HttpRequest, preview: dict[str, Any]) -> dict[str, str]:
    """Column roles the reviewer changed, by header; RefusedInput for a role not offered."""
    valid = {code for code, _ in ROLE_CHOICES}
    changed, problems = {}, []
    for t, table in enumerate(preview["tables"]):
        for c, header in enumerate(table["header"]):
            chosen = request.POST.get(f"role-{t}-{c}")
            if chosen is not None and chosen not in valid:
                problems.append(
                    f"Table {t + 1}, column ‘{header}’: choose what the column holds from the list"
                )
            elif chosen and chosen != table["roles"].get(header):
                changed[header] = chosen
    if problems:
        raise RefusedInput(problems)
    return changed


def _skipped(request: HttpRequest, preview: dict[str, Any]) -> set[int]:
    """Indexes of the items the reviewer unticked; RefusedInput for a row the paper lacks."""
    count = len(preview["items"])
    problems = [
        f"Items, Keep: row ‘{value}’ is not one of the {count} items of this paper"
        for value in request.POST.getlist("all") + request.POST.getlist("keep")
        if not value.isdigit() or int(value) >= count
    ]
    if problems:
        raise RefusedInput(problems)
    listed = {int(i) for i in request.POST.getlist("all")}
    kept = {int(i) for i in request.POST.getlist("keep")}
    return listed - kept


def web_warning(warning: str) -> str:
    """A preview warning as the web page should put it (the command line says --as-at)."""
    ask = "enter it under ‘Date the current positions describe’ below"
    merge = "; choose below whether they are one person"
    return (
        warning.replace(ASK_AS_AT, ask)
        .replace("supply one (--as-at)", ask)
        .replace("; proposed merge", merge)
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request: HttpRequest, record_uuid: str) -> HttpResponse:
    record = access.record_for_importer(request.user, record_uuid)
    if record.status != ImportRecord.Status.PREVIEWED:
        messages.info(request, "This paper has already been imported")
        return (
            redirect("plans:plan_detail", plan_uuid=record.plan.uuid)
            if record.plan
            else (redirect("imports:list"))
        )
    preview = record.preview
    initial = {"title": proposed_title(preview), "kind": guess_kind(preview)}
    form = ReviewForm(request.POST or None, initial=initial, organisation=record.organisation)
    if request.method == "POST" and request.POST.get("step") == "roles":
        try:
            roles = record.summary.get("roles", {}) | _overrides(request, preview)
            with record.file.open("rb") as handle:
                record.preview = _preview_file(handle.read(), record.source, roles)
        except RefusedInput as refused:
            for problem in refused.problems:
                messages.error(request, problem)
        except ImportFailed as error:
            messages.error(request, str(error))
        else:
            record.summary = {"roles": roles}
            record.save()
            messages.success(request, "Preview updated with your column roles")
        return redirect("imports:review", record_uuid=record.uuid)
    proposed = merges.proposals(preview, record.organisation)
    # Read even when the form is refused, so the page shows the choices as the reviewer left them.
    problems = merges.read_choices(request.POST, proposed) if request.method == "POST" else []
    if request.method == "POST" and not form.is_valid():
        for problem in problems:
            form.add_error(None, problem)
    elif request.method == "POST":
        try:
            if problems:
                raise RefusedInput(problems)
            skip = _skipped(request, preview)
            plan = _confirm(request, record, form.cleaned_data, skip, merges.merges(proposed))
        except RefusedInput as refused:
            for problem in refused.problems:
                form.add_error(None, problem)
        except ImportRejected as error:
            asked = "enter that date below"
            form.add_error("as_at", str(error).replace("give an as-at date", asked))
        else:
            return redirect("plans:plan_detail", plan_uuid=plan.uuid)
    context = {
        "record": record,
        "preview": preview,
        "warnings": [web_warning(w) for w in preview.get("warnings") or []],
        "form": form,
        "role_choices": ROLE_CHOICES,
        "needs_as_at": needs_as_at(preview),
        "items": list(enumerate(preview["items"])),
        "merges": proposed,
    }
    return render(request, "imports/import_review.html", context)


@transaction.atomic
def _confirm(
    request: HttpRequest,
    record: ImportRecord,
    data: dict[str, Any],
    skip: set[int],
    merged: dict[str, str],
) -> Plan:
    preview = record.preview
    if data["into"] is not None:
        done = plan_reimport(
            preview=preview,
            plan=data["into"],
            by=request.user,
            as_at=data["as_at"],
            skip=skip,
            record=record,
            merges=merged,
        )
        counts = {key: len(done.summary[key]) for key in ("added", "changed", "skipped")}
        messages.success(
            request,
            f"Plan updated from {record.source}: {counts['added']} added, "
            f"{counts['changed']} changed, {counts['skipped']} left out",
        )
    else:
        done = plan_import(
            preview=preview,
            organisation=record.organisation,
            by=request.user,
            kind=data["kind"],
            as_at=data["as_at"],
            skip=skip,
            title=data["title"],
            record=record,
            merges=merged,
        )
        messages.success(request, f"Plan created from {record.source}")
    assert done.plan is not None
    return done.plan


@login_required
def import_preview_json(request: HttpRequest, record_uuid: str) -> JsonResponse:
    record = access.record_for_importer(request.user, record_uuid)
    return JsonResponse(record.preview, json_dumps_params={"ensure_ascii": False, "indent": 2})
