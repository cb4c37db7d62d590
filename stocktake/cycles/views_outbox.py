"""Emails of a cycle not (yet) sent, with why, and an owner's link for the officer to send
themselves: copied while it works, or issued anew once revoked."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from stocktake.core.ids import parse_uuid

from . import access, links, services
from .models import CycleRequest, Outbox, UpdateLink


def reason(row: Outbox) -> str:
    """Why an email has not gone, in words an officer can act on."""
    if row.status == Outbox.Status.FAILED:
        return f"Not sent: {row.last_error}" if row.last_error else "Not sent"
    if row.status == Outbox.Status.SENDING:
        return "Being sent now"
    if row.attempts:
        tries = f"{row.attempts} attempt{'s' if row.attempts != 1 else ''}"
        return f"Will try again ({tries} so far): {row.last_error or 'the mail server refused'}"
    return "Waiting to be sent"


def cycle_emails(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    unsent = (
        Outbox.objects.filter(cycle=cycle)
        .exclude(status=Outbox.Status.SENT)
        .select_related("owner")
        .order_by("status", "owner__name", "id")
    )
    asked = dict(CycleRequest.objects.filter(cycle=cycle).values_list("owner_id", "uuid"))
    rows = [(row, reason(row), asked.get(row.owner_id)) for row in unsent]
    failed = sum(1 for row in unsent if row.status == Outbox.Status.FAILED)
    context = {"cycle": cycle, "rows": rows, "failed": failed}
    return render(request, "cycles/cycle_emails.html", context)


@require_http_methods(["GET", "POST"])
def owner_link(request: HttpRequest, cycle_uuid: str, request_uuid: str) -> HttpResponse:
    """The link is a credential, so the page is never cached nor sent on as a referrer."""
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    found = get_object_or_404(
        CycleRequest.objects.select_related("owner"), cycle=cycle, uuid=parse_uuid(request_uuid)
    )
    refusal: list[str] = []
    if request.method == "POST":
        try:
            services.link_issue(cycle=cycle, owner=found.owner, now=timezone.now())
        except ValidationError as error:
            refusal = error.messages
        else:
            messages.success(request, f"New link issued for {found.owner}: copy it below")
            return redirect("cycles:owner_link", cycle_uuid=cycle.uuid, request_uuid=found.uuid)
    live = (
        UpdateLink.objects.filter(
            cycle=cycle,
            owner=found.owner,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-id")
        .first()
    )
    context = {
        "cycle": cycle,
        "request": found,
        "link": live,
        "url": links.link_url(live) if live and cycle.status == cycle.Status.OPEN else "",
        "refusal": refusal,
    }
    response = render(request, "cycles/owner_link.html", context)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
