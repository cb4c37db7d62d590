"""Uploading contacts (loaded in the background, watched on a status page), feedback and peers'
figures (loaded while the page waits) and the national area classification (site administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.core import progress

from . import access, services_upload
from .feedback_import import BadFile, feedback_load, peer_figures_load
from .forms_upload import AreaUploadForm, ContactUploadForm, FeedbackUploadForm
from .models_contacts import ContactLoad
from .models_upload import ContactUpload

RECENT = 10
SHOWN = 200


@require_http_methods(["GET", "POST"])
def contacts_upload(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_entry(request.user, organisation_uuid)
    form = ContactUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = services_upload.contacts_upload_queue(
            organisation=organisation,
            upload=form.cleaned_data["file"],
            skip_bad=form.cleaned_data["skip_bad"],
            by=request.user,
        )
        return redirect(
            "customers:contacts_upload_status",
            organisation_uuid=organisation.uuid,
            upload_uuid=job.uuid,
        )
    context = {
        "organisation": organisation,
        "form": form,
        "uploads": ContactUpload.objects.filter(organisation=organisation).select_related(
            "requested_by"
        )[:RECENT],
        "loads": ContactLoad.objects.filter(organisation=organisation)
        .select_related("by")
        .order_by("-created_at", "-id")[:RECENT],
    }
    return render(request, "customers/upload/contacts.html", context)


def contacts_upload_status(
    request: HttpRequest, organisation_uuid: str, upload_uuid: str
) -> HttpResponse:
    job = access.upload_for_entry(request.user, organisation_uuid, upload_uuid)
    job.rows_read = progress.shown(job, "rows_read")
    context = {"organisation": job.organisation, "job": job, "shown": SHOWN}
    return render(request, "customers/upload/status.html", context)


@require_http_methods(["GET", "POST"])
def feedback_upload(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_entry(request.user, organisation_uuid)
    form = FeedbackUploadForm(request.POST or None, request.FILES or None)
    bad: list[tuple[int, str]] = []
    if request.method == "POST" and form.is_valid():
        peers = form.cleaned_data["kind"] == FeedbackUploadForm.PEERS
        load = peer_figures_load if peers else feedback_load
        try:
            with services_upload.text_lines(form.cleaned_data["file"]) as lines:
                count = load(organisation=organisation, lines=lines, by=request.user)
        except BadFile as failure:
            bad = failure.errors
            form.add_error("file", failure.summary)
        except UnicodeDecodeError:
            form.add_error("file", "The file is not UTF-8 text; nothing was saved")
        else:
            what = "peers' figures" if peers else "feedback ratings"
            messages.success(request, f"Loaded {count} {what}.")
            return redirect("customers:feedback", organisation_uuid=organisation.uuid)
    context = {
        "organisation": organisation,
        "form": form,
        "bad": bad[:SHOWN],
        "bad_total": len(bad),
    }
    return render(request, "customers/upload/feedback.html", context)


@require_http_methods(["GET", "POST"])
def areas_upload(request: HttpRequest) -> HttpResponse:
    access.check_area_loader(request.user)
    form = AreaUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services_upload.areas_upload(
                upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"], by=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, f"Loaded {count} areas.")
            return redirect("customers:areas_upload")
    return render(request, "customers/upload/areas.html", {"form": form})
