"""Import a dataset on the web: upload and preview (a dry run), then confirm (PRG throughout)."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.core.auth import signed_in_user

from . import access
from .dataset_import import DatasetRejected, DatasetUnreadable, dataset_import
from .forms import DatasetUploadForm
from .models import DatasetImport


@login_required
@require_http_methods(["GET", "POST"])
def dataset_upload(request: HttpRequest) -> HttpResponse:
    organisations = access.organisations_for_importer(request.user)
    if not organisations:
        raise PermissionDenied("You cannot import datasets")
    form = DatasetUploadForm(
        request.POST or None, request.FILES or None, organisations=organisations
    )
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        record = DatasetImport(
            organisation=form.cleaned_data["organisation"],
            source=Path(upload.name).name[:300],
            by=signed_in_user(request),
        )
        record.file.save(Path(upload.name).name, upload, save=False)
        try:
            record.summary = _run(record, request, dry_run=True)
        except DatasetUnreadable as error:
            form.add_error("file", str(error))
        except DatasetRejected as error:
            form.add_error("file", f"{error}; nothing was saved")
            errors = error.summary.errors
        else:
            record.save()
            return redirect("indicators:dataset_preview", dataset_uuid=record.uuid)
        record.file.delete(save=False)
    return render(request, "indicators/dataset_upload.html", {"form": form, "row_errors": errors})


@login_required
@require_http_methods(["GET", "POST"])
def dataset_preview(request: HttpRequest, dataset_uuid: str) -> HttpResponse:
    record = access.dataset_for_importer(request.user, dataset_uuid)
    if record.state == DatasetImport.State.IMPORTED:
        messages.info(request, f"{record.source} has already been imported")
        return redirect("indicators:indicator_list")
    if request.method == "POST":
        try:
            record.summary = _run(record, request, dry_run=False)
        except DatasetUnreadable as error:
            messages.error(request, f"{record.source}: {error}; nothing was saved")
            return redirect("indicators:dataset_preview", dataset_uuid=record.uuid)
        except DatasetRejected as error:
            first = "".join(f". {message}" for message in error.summary.errors[:1])
            messages.error(request, f"{record.source}: {error}; nothing was saved{first}")
            return redirect("indicators:dataset_preview", dataset_uuid=record.uuid)
        record.state = DatasetImport.State.IMPORTED
        record.save()
        summary = record.summary
        messages.success(
            request,
            f"Imported {summary['measurements']} values of {summary['indicators']} indicators "
            f"from {record.source}",
        )
        return redirect("indicators:indicator_list")
    return render(
        request, "indicators/dataset_preview.html", {"record": record, "summary": record.summary}
    )


def _run(record: DatasetImport, request: HttpRequest, *, dry_run: bool) -> dict[str, object]:
    # Files are kept under MEDIA_ROOT, so the reader streams from disk as the command does.
    # Rights are checked row by row for whoever imports now, at preview and again at confirm.
    return dataset_import(
        path=Path(record.file.path),
        by=record.by,
        organisation=record.organisation,
        dry_run=dry_run,
        source=record.source,
        may_write=access.organisations_writable_by_importer(request.user),
    )
