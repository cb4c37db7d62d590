"""A confirmation step before each act on a cycle that cannot be undone: opening it (emails
every owner), closing it, locking its period and revoking an owner's link.

GET says what will happen and to whom; POST does it, like the deletes elsewhere. A refusal
(say, a cycle opened meanwhile in another tab) is shown on the same page and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from stocktake.accounts.models import Person
from stocktake.core.ids import parse_uuid

from . import access, selectors, services
from .models import CycleRequest, Outbox, ReportingCycle, UpdateLink


def _confirm(
    request: HttpRequest,
    cycle: ReportingCycle,
    template: str,
    act: Callable[[], str],
    context: Callable[[], dict[str, Any]],
) -> HttpResponse:
    """Do `act` on POST (it returns the success message) and go back to the cycle; otherwise,
    or when a rule refuses, show the confirmation page."""
    refusal: list[str] = []
    if request.method == "POST":
        try:
            done = act()
        except ValidationError as error:
            refusal = error.messages
        else:
            messages.success(request, done)
            return redirect("cycles:cycle_detail", cycle_uuid=cycle.uuid)
    page = {"cycle": cycle, "refusal": refusal, **context()}
    return render(request, f"cycles/confirm/{template}.html", page)


@require_http_methods(["GET", "POST"])
def cycle_open(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)

    def act() -> str:
        early = request.POST.get("early") == "yes"  # the page said the date moves
        owners = services.cycle_open(cycle=cycle, by=request.user, now=timezone.now(), early=early)
        return f"Cycle opened: requests queued for {owners} owners"

    def context() -> dict[str, Any]:
        if cycle.status != ReportingCycle.Status.DRAFT:
            return {"owners": [], "unassigned": 0, "no_email": 0}
        early = {"today": timezone.localdate(), "early": timezone.localdate() < cycle.opens_on}
        asks = selectors.items_to_ask(cycle, timezone.localdate())
        ids = {person for ask in asks for person in ask.people}
        owners = list(Person.objects.filter(pk__in=ids).order_by("name", "id"))
        return {
            **early,
            "owners": owners,
            "unassigned": sum(1 for ask in asks if not ask.people),
            "no_email": sum(1 for owner in owners if not owner.email),
        }

    return _confirm(request, cycle, "open", act, context)


@require_http_methods(["GET", "POST"])
def cycle_close(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)

    def act() -> str:
        services.cycle_close(cycle=cycle, by=request.user, now=timezone.now())
        return "Cycle closed: its links no longer work"

    def context() -> dict[str, Any]:
        requests = list(selectors.requests_with_progress(cycle))
        waiting = [r for r in requests if selectors.state_of(r) != selectors.RESPONDED]
        reminders = Outbox.objects.filter(
            cycle=cycle,
            status=Outbox.Status.PENDING,
            kind__in=[Outbox.Kind.REMINDER_BEFORE, Outbox.Kind.REMINDER_AFTER],
        ).count()
        live = UpdateLink.objects.filter(cycle=cycle, revoked_at__isnull=True).count()
        return {"waiting": waiting, "reminders": reminders, "live": live}

    return _confirm(request, cycle, "close", act, context)


@require_http_methods(["GET", "POST"])
def cycle_lock(request: HttpRequest, cycle_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)

    def act() -> str:
        services.cycle_lock(cycle=cycle, by=request.user, now=timezone.now())
        return "Period locked: updates dated inside it now need a reason"

    return _confirm(request, cycle, "lock", act, dict)


@require_http_methods(["GET", "POST"])
def link_revoke(request: HttpRequest, cycle_uuid: str, request_uuid: str) -> HttpResponse:
    cycle = access.cycle_for_officer(request.user, cycle_uuid)
    found = get_object_or_404(
        CycleRequest.objects.select_related("owner"),
        cycle=cycle,
        uuid=parse_uuid(request_uuid),
    )

    def act() -> str:
        services.link_revoke(cycle=cycle, owner=found.owner, by=request.user, now=timezone.now())
        return f"{found.owner}'s link no longer works"

    def context() -> dict[str, Any]:
        live = UpdateLink.objects.filter(cycle=cycle, owner=found.owner, revoked_at__isnull=True)
        return {"request": found, "live": live.exists()}

    return _confirm(request, cycle, "revoke", act, context)
