"""A council's own settings page, for its administrators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.complaints import services as complaints

from . import access, services
from .forms import OrganisationSettingsForm


@login_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_settings(request.user, organisation_uuid)
    initial = {
        "name": organisation.name,
        "gss_code": organisation.gss_code,
        "councillors_see_drafts": organisation.councillors_see_drafts,
        "region": complaints.region_for(organisation),
    }
    form = OrganisationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # Both or neither: a half-saved form would leave the page showing something else.
            with transaction.atomic():
                services.organisation_settings_set(
                    organisation=organisation,
                    by=request.user,
                    name=data["name"],
                    gss_code=data["gss_code"],
                    councillors_see_drafts=data["councillors_see_drafts"],
                )
                complaints.region_set(
                    organisation=organisation, region=data["region"], by=request.user
                )
        except ValidationError as error:
            organisation.refresh_from_db()
            form.add_error(None, error)
        else:
            messages.success(request, "Settings saved")
            return redirect("accounts:organisation_settings", organisation_uuid=organisation.uuid)
    return render(
        request, "accounts/organisation_settings.html", {"organisation": organisation, "form": form}
    )
