"""Knowledge-base pages: search, stale entries, add and edit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import access, selectors_kb, services, services_kb
from .forms import EntryForm, SearchForm
from .views import _attach


def search(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for(request.user, organisation_uuid)
    form = SearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    context = {
        "organisation": organisation,
        "form": form,
        "query": query,
        "entries": selectors_kb.search(organisation, query) if query else [],
        "can_manage": access.can_manage(request.user, organisation.pk),
    }
    return render(request, "consultations/kb_search.html", context)


def stale(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for(request.user, organisation_uuid)
    today = services.today()
    entries = selectors_kb.stale(organisation, today=today)
    context = {"organisation": organisation, "entries": entries, "today": today}
    return render(request, "consultations/kb_stale.html", context)


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for(request.user, organisation_uuid, manage=True)
    form = EntryForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services_kb.entry_create(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Entry added")
            return redirect("consultations:kb_search", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form, "title": "Add an entry"}
    return render(request, "consultations/kb_form.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, entry_uuid: str) -> HttpResponse:
    entry = access.entry_for_editor(request.user, entry_uuid)
    organisation = entry.organisation
    form = EntryForm(request.POST or None, instance=entry, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services_kb.entry_edit(entry=entry, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Entry saved")
            return redirect("consultations:kb_search", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form, "title": "Edit the entry"}
    return render(request, "consultations/kb_form.html", context)
