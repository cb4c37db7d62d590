"""The one-click form: an owner's link opens every item they were asked about, no sign-in.

The token is in the path, so these pages are never cached and never leak it as a referrer.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from . import access, links, selectors, services
from .forms import IndicatorValueForm, ItemUpdateForm, RiskReviewForm
from .models import RequestItem, UpdateLink


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


AnyItemForm = ItemUpdateForm | IndicatorValueForm | RiskReviewForm
_FIELDS = (
    set(ItemUpdateForm.base_fields)
    | set(IndicatorValueForm.base_fields)
    | set(RiskReviewForm.base_fields)
)


def _submitted_items(request: HttpRequest) -> set[str]:
    """Every item the post names, in the hidden list or in a field's prefix."""
    named = set(request.POST.getlist("item"))
    for key in request.POST:
        prefix, _, field = key.rpartition("-")
        if prefix and field in _FIELDS:
            named.add(prefix)
    return named


def _key(item: RequestItem) -> str:
    """The form prefix of an item: the uuid of the action, indicator or risk it asks about."""
    thing = item.action or item.indicator or item.risk
    assert thing is not None
    return str(thing.uuid)


def _form(item: RequestItem, data: QueryDict | None, locked: object = None) -> AnyItemForm:
    if item.action is not None:
        return ItemUpdateForm(data, prefix=_key(item), locked=locked)
    if item.indicator is not None:
        return IndicatorValueForm(data, prefix=_key(item), locked=locked)
    assert item.risk is not None
    return RiskReviewForm(data, prefix=_key(item), matrix=item.risk.matrix)


@require_http_methods(["GET", "POST"])
def update_form(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = access.link_for_token(token)
    except Http404:
        return _private(render(request, "cycles/link_unknown.html", status=404))
    except access.LinkGone as gone:
        return _private(render(request, "cycles/link_gone.html", {"reason": gone}, status=410))
    items = selectors.items_by_owner(link.cycle, [link.owner_id]).get(link.owner_id, [])
    data = request.POST if request.method == "POST" else None
    if data is not None and not _submitted_items(request) <= {_key(i) for i in items}:
        refused = {"link": link, "cycle": link.cycle}
        return _private(render(request, "cycles/link_refused.html", refused, status=403))
    today = timezone.localdate()
    locks = selectors.locks_on_items(items, today)
    forms = [(item, _form(item, data, locks.get(item.pk))) for item in items]
    if data is not None:
        response = _save(request, link, forms)
        if response is not None:
            return response
    errors = [(item, form) for item, form in forms if form.errors]
    returned = selectors.returned_updates(link.cycle, [i.action_id for i in items if i.action_id])
    waiting = selectors.provisional_updates(link.cycle).filter(
        action_id__in=[i.action_id for i in items if i.action_id]
    )
    context: dict[str, object] = {
        "link": link,
        "cycle": link.cycle,
        "forms": [(item, form, returned.get(item.action_id or 0)) for item, form in forms],
        "errors": errors,
        "late": today > link.cycle.deadline,
        "works_until": links.last_day(link.expires_at),
        "waiting": set(waiting.values_list("action_id", flat=True)),
    }
    return _private(render(request, "cycles/update_form.html", context))


def _save(
    request: HttpRequest, link: UpdateLink, forms: list[tuple[RequestItem, AnyItemForm]]
) -> HttpResponse | None:
    if not all(form.is_valid() for _, form in forms):
        return None
    entries = [(item, form.cleaned_data) for item, form in forms if form.is_filled()]
    if not entries:
        messages.error(request, "Nothing was saved: fill in at least one item")
        return None
    try:
        saved = services.updates_from_link(link=link, entries=entries, today=timezone.localdate())
    except ValidationError as error:
        _place(error, forms)
        return None
    done = f"{saved} update{'s' if saved != 1 else ''} saved. Thank you."
    if link.cycle.needs_sign_off and any(item.action is not None for item, _ in entries):
        done += " Progress updates wait for sign-off by your performance team before they count."
    messages.success(request, done)
    return redirect(request.path)


def _place(
    error: ValidationError,
    forms: list[tuple[RequestItem, AnyItemForm]],
) -> None:
    """Show a rule's refusal (say, a red value without commentary) on the item it concerns;
    the service names that item on the error."""
    failed = getattr(error, "item", None)
    for item, form in forms:
        if failed is None or item.pk == failed:
            fields = getattr(error, "error_dict", {})
            for field, messages_ in fields.items():
                form.add_error(field if field in form.fields else None, messages_)
            if not fields:
                form.add_error(None, error)
            return
