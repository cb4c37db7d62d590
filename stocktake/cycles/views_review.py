"""Sign-off page: a reviewer accepts or returns each provisional update of a cycle (PRG)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from stocktake.core.ids import parse_uuid

from . import access, selectors, services_review
from .changes import changes_of
from .forms import ReviewForm


def cycle_review(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_reviewer(request.user, cycle_uuid)
    updates = changes_of(list(selectors.provisional_updates(cycle)))
    rows = [(u, changes, ReviewForm(prefix=str(u.uuid))) for u, changes in updates]
    context = {"cycle": cycle, "rows": rows}
    return render(request, "cycles/cycle_review.html", context)


@require_POST
def update_review(request: HttpRequest, cycle_uuid: str, update_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_reviewer(request.user, cycle_uuid)
    update = get_object_or_404(selectors.provisional_updates(cycle), uuid=parse_uuid(update_uuid))
    form = ReviewForm(request.POST, prefix=str(update.uuid))
    if not form.is_valid():
        messages.error(request, "Choose accept or return")
        return redirect("cycles:cycle_review", cycle_uuid=cycle.uuid)
    comment = form.cleaned_data["comment"]
    now = timezone.now()
    try:
        if form.cleaned_data["decision"] == "accept":
            services_review.update_accept(update=update, by=request.user, now=now, comment=comment)
            messages.success(request, f"Update on {update.action} accepted")
        else:
            services_review.update_return(
                update=update, cycle=cycle, by=request.user, now=now, comment=comment
            )
            told = f": {update.author} will be emailed" if update.author else ""
            messages.success(request, f"Update on {update.action} returned to its owner{told}")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("cycles:cycle_review", cycle_uuid=cycle.uuid)
