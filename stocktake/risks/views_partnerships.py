"""Partnership register pages: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.accounts.selectors import person_for

from . import access, charts, selectors, services
from . import selectors_partnerships as partnerships
from . import services_partnerships as writes
from .forms_partnerships import PartnershipFilterForm, PartnershipForm, PartnershipReviewForm
from .partnerships import PartnershipReview


def register(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_register(request.user, organisation_uuid)
    today = services.today()
    form = PartnershipFilterForm(request.GET or None, organisation=organisation)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list(
        partnerships.partnership_register(request.user, organisation, today=today, filters=filters)
    )
    context = {
        "organisation": organisation,
        "form": form,
        "partnerships": rows,
        "today": today,
        "share": partnerships.partnership_likelihood_share(organisation, today),
        "low_likelihood": partnerships.LOW_LIKELIHOOD,
        "can_add": access.can_add(request.user, organisation),
    }
    return render(request, "risks/partnership_register.html", context)


def partnership_detail(request: HttpRequest, partnership_uuid: str) -> HttpResponse:
    partnership = access.partnership_for_viewer(request.user, partnership_uuid)
    today = services.today()
    risks = list(partnerships.partnership_risks(request.user, partnership, today))
    matrix = services.matrix_shown(partnership.organisation)
    members = (
        partnership.body.member_links.select_related("member").order_by("member__name")
        if partnership.body
        else []
    )
    context = {
        "partnership": partnership,
        "organisation": partnership.organisation,
        "risks": risks,
        "members": members,
        "reviews": partnership.reviews.select_related("reviewer").order_by("-as_at", "-id"),
        "today": today,
        "matrix": matrix,
        "heat_map": charts.heat_map_svg(selectors.heat_map(matrix, risks)) if risks else "",
        "can_edit": access.can_edit_partnership(request.user, partnership),
        "can_add_risk": access.can_add(request.user, partnership.organisation),
    }
    return render(request, "risks/partnership_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def partnership_create(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_adding(request.user, organisation_uuid)
    form = PartnershipForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = writes.partnership_create(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Partnership added")
            return redirect("risks:partnership_detail", partnership_uuid=partnership.uuid)
    context = {"organisation": organisation, "form": form, "partnership": None}
    return render(request, "risks/partnership_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def partnership_edit(request: HttpRequest, partnership_uuid: str) -> HttpResponse:
    partnership = access.partnership_for_editor(request.user, partnership_uuid)
    form = PartnershipForm(
        request.POST or None, instance=partnership, organisation=partnership.organisation
    )
    if request.method == "POST" and form.is_valid():
        # Only what the person changed, so an untouched review date can still follow the cycle.
        changes = {n: form.cleaned_data[n] for n in form.changed_data}
        try:
            writes.partnership_edit(partnership=partnership, by=request.user, **changes)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Partnership saved")
            return redirect("risks:partnership_detail", partnership_uuid=partnership.uuid)
    context = {"organisation": partnership.organisation, "form": form, "partnership": partnership}
    return render(request, "risks/partnership_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def partnership_review(request: HttpRequest, partnership_uuid: str) -> HttpResponse:
    partnership = access.partnership_for_editor(request.user, partnership_uuid)
    initial = {"as_at": services.today(), "outcome": PartnershipReview.Outcome.CONTINUE}
    form = PartnershipReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            writes.partnership_review_add(
                partnership=partnership,
                by=request.user,
                reviewer=person_for(request.user),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Review saved")
            return redirect("risks:partnership_detail", partnership_uuid=partnership.uuid)
    context = {"partnership": partnership, "form": form}
    return render(request, "risks/partnership_review_form.html", context)
