"""Performance officers' pages: change an indicator's definition and targets, publish it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from . import access, services
from .forms_editing import DefinitionForm, TargetForm, target_initial
from .models import Indicator


def _back(indicator: Indicator) -> HttpResponse:
    return redirect("indicators:indicator_detail", indicator_uuid=indicator.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def definition_edit(request: HttpRequest, indicator_uuid: str) -> HttpResponse:
    indicator = access.definition_for_editor(request.user, indicator_uuid)
    definition = indicator.definition
    # Bound to a copy, so a failed save leaves the stored definition untouched for the service.
    form = DefinitionForm(
        request.POST or None, instance=type(definition).objects.get(pk=definition.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.definition_edit(
                definition=definition,
                by=request.user,
                effective_from=form.cleaned_data["effective_from"],
                changes=form.changes(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if saved.pk != definition.pk:
                messages.success(request, f"Version {saved.version} of the definition started")
            else:
                messages.success(request, "Definition saved")
            return _back(indicator)
    context = {"indicator": indicator, "form": form}
    return render(request, "indicators/definition_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def target_add(request: HttpRequest, indicator_uuid: str) -> HttpResponse:
    indicator = access.indicator_for_editor(request.user, indicator_uuid)
    form = TargetForm(request.POST or None)
    return _target_page(request, indicator, form, heading="Add a target")


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, indicator_uuid: str, target_uuid: str) -> HttpResponse:
    indicator = access.indicator_for_editor(request.user, indicator_uuid)
    target = access.target_for_editor(request.user, indicator, target_uuid)
    form = TargetForm(request.POST or None, initial=target_initial(target), fixed=True)
    return _target_page(request, indicator, form, heading="Change a target")


def _target_page(
    request: HttpRequest, indicator: Indicator, form: TargetForm, *, heading: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            target = services.target_set(
                indicator=indicator, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Target saved for {target.period_label}")
            return _back(indicator)
    context = {"indicator": indicator, "form": form, "heading": heading}
    return render(request, "indicators/target_form.html", context)


@login_required
@require_POST
def indicator_publish(request: HttpRequest, indicator_uuid: str) -> HttpResponse:
    indicator = access.indicator_for_viewer(request.user, indicator_uuid)
    if not access.can_publish(request.user, indicator):
        raise PermissionDenied("You cannot publish this indicator")
    public = request.POST.get("public") == "yes"
    if public != indicator.is_public:
        services.indicator_publish(indicator=indicator, is_public=public, by=request.user)
    if public:
        messages.success(request, "Indicator published: it shows on its public plan page")
    else:
        messages.success(request, "Indicator no longer published")
    return _back(indicator)
