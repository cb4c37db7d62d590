"""Pages for performance officers: list, create, open, follow and close reporting cycles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.core.ids import parse_uuid

from . import access, selectors, services, staleness
from .forms import CycleForm
from .models import CycleRequest, ReportingCycle, UpdateLink


def cycle_list(request: HttpRequest) -> HttpResponse:
    organisations = access.officer_organisations(request.user)
    cycles = ReportingCycle.objects.filter(organisation__in=organisations).select_related(
        "organisation", "plan"
    )
    silent = staleness.owners_silent(organisations.values_list("pk", flat=True), at_least=2)
    return render(request, "cycles/cycle_list.html", {"cycles": cycles, "silent": silent})


@login_required
@require_http_methods(["GET", "POST"])
def cycle_create(request: HttpRequest) -> HttpResponse:
    organisations = access.officer_organisations(request.user)
    form = CycleForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Cycle created. Open it to send the requests.")
            return redirect("cycles:cycle_detail", cycle_uuid=cycle.uuid)
    return render(request, "cycles/cycle_form.html", {"form": form})


def cycle_detail(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    requests = list(selectors.requests_with_progress(cycle)) if cycle.opened_at else []
    live = set(
        UpdateLink.objects.filter(cycle=cycle, revoked_at__isnull=True).values_list(
            "owner_id", flat=True
        )
    )
    rows = [(r, selectors.state_of(r), r.owner_id in live) for r in requests]
    context = {
        "cycle": cycle,
        "rows": rows,
        "counts": selectors.dashboard_counts(requests),
        "outbox": selectors.outbox_counts(cycle),
    }
    return render(request, "cycles/cycle_detail.html", context)


@require_POST
def cycle_open(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    try:
        owners = services.cycle_open(cycle=cycle, by=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Cycle opened: requests queued for {owners} owners")
    return redirect("cycles:cycle_detail", cycle_uuid=cycle.uuid)


@require_POST
def cycle_close(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    try:
        services.cycle_close(cycle=cycle, by=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Cycle closed: its links no longer work")
    return redirect("cycles:cycle_detail", cycle_uuid=cycle.uuid)


@require_POST
def cycle_lock(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    try:
        services.cycle_lock(cycle=cycle, by=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Period locked: updates dated inside it now need a reason")
    return redirect("cycles:cycle_detail", cycle_uuid=cycle.uuid)


@require_POST
def link_revoke(request: HttpRequest, cycle_uuid: str, request_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    found = get_object_or_404(
        CycleRequest.objects.select_related("owner"),
        cycle=cycle,
        uuid=parse_uuid(request_uuid),
    )
    services.link_revoke(cycle=cycle, owner=found.owner, by=request.user, now=timezone.now())
    messages.success(request, f"{found.owner}'s link no longer works")
    return redirect("cycles:cycle_detail", cycle_uuid=cycle.uuid)
