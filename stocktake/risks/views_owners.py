"""Items needing new owners: vacant posts and leavers who still own risks or lead assessments,
and items that name no owner at all."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import access, services
from . import selectors_partnerships as selectors
from .forms_partnerships import ReassignForm
from .services_owners import risk_owners_reassign


@login_required
@require_http_methods(["GET", "POST"])
def owners(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_reassigning(request.user, organisation_uuid)
    form = ReassignForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            moved = risk_owners_reassign(
                from_person=data["from_person"],
                from_post=data["from_post"],
                to_person=data["to_person"],
                to_post=data["to_post"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            target = data["to_person"] or data["to_post"]
            messages.success(request, f"{moved} item{'s' if moved != 1 else ''} moved to {target}")
            return redirect("risks:owners", organisation_uuid=organisation.uuid)
    context = {
        "organisation": organisation,
        "form": form,
        "gaps": selectors.needing_new_owners(organisation, services.today()),
        "unowned": selectors.without_owners(organisation),
    }
    return render(request, "risks/owners.html", context)
