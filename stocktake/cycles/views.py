"""Pages for performance officers: list, create and follow reporting cycles (the acts on a
cycle, each behind a confirmation, are in views_confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import access, selectors, services, staleness
from .forms import CycleForm
from .models import ReportingCycle, UpdateLink


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
