"""The one-click form: an owner's link opens every item they were asked about, no sign-in.

The token is in the path, so these pages are never cached and never leak it as a referrer.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from stocktake.plans.models import Action

from . import access, selectors, services
from .forms import ItemUpdateForm
from .models import UpdateLink


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _submitted_items(request: HttpRequest) -> set[str]:
    """Every item the post names, in the hidden list or in a field's prefix."""
    named = set(request.POST.getlist("item"))
    for key in request.POST:
        prefix, _, field = key.rpartition("-")
        if prefix and field in ItemUpdateForm.base_fields:
            named.add(prefix)
    return named


@require_http_methods(["GET", "POST"])
def update_form(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = access.link_for_token(token)
    except Http404:
        return _private(render(request, "cycles/link_unknown.html", status=404))
    except access.LinkGone as gone:
        return _private(render(request, "cycles/link_gone.html", {"reason": gone}, status=410))
    actions = selectors.items_by_owner(link.cycle, [link.owner_id]).get(link.owner_id, [])
    if request.method == "POST":
        if not _submitted_items(request) <= {str(a.uuid) for a in actions}:
            refused = {"link": link, "cycle": link.cycle}
            return _private(render(request, "cycles/link_refused.html", refused, status=403))
        forms = [(a, ItemUpdateForm(request.POST, prefix=str(a.uuid))) for a in actions]
        response = _save(request, link, forms)
        if response is not None:
            return response
    else:
        forms = [(a, ItemUpdateForm(prefix=str(a.uuid))) for a in actions]
    errors = [(a, f) for a, f in forms if f.errors]
    context: dict[str, object] = {
        "link": link,
        "cycle": link.cycle,
        "forms": forms,
        "errors": errors,
    }
    return _private(render(request, "cycles/update_form.html", context))


def _save(
    request: HttpRequest, link: UpdateLink, forms: list[tuple[Action, ItemUpdateForm]]
) -> HttpResponse | None:
    if not all(form.is_valid() for _, form in forms):
        return None
    entries = [(a, form.cleaned_data) for a, form in forms if form.is_filled()]
    if not entries:
        messages.error(request, "Nothing was saved: fill in at least one item")
        return None
    try:
        saved = services.updates_from_link(link=link, entries=entries, today=timezone.localdate())
    except ValidationError as error:
        forms[0][1].add_error(None, error)
        return None
    messages.success(request, f"{saved} update{'s' if saved != 1 else ''} saved. Thank you.")
    return redirect(request.path)
