"""Risk pages: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

import uuid as uuid_lib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import person_for

from . import access, charts, selectors, services
from .forms import ReviewForm, RiskCreateForm, RiskFilterForm, RiskForm
from .models import Partnership, Risk


def risk_index(request: HttpRequest) -> HttpResponse:
    """Each organisation whose risk register the user may read; straight there if only one."""
    if not request.user.is_authenticated:
        raise PermissionDenied("Sign in to see risk registers")
    organisations = [
        o for o in Organisation.objects.all() if access.can_read_register(request.user, o)
    ]
    if len(organisations) == 1:
        return redirect("risks:register", organisation_uuid=organisations[0].uuid)
    return render(request, "risks/index.html", {"organisations": organisations})


def register(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_register(request.user, organisation_uuid)
    today = services.today()
    form = RiskFilterForm(request.GET or None, organisation=organisation)
    filters = form.cleaned_data if form.is_valid() else {}
    risks = list(selectors.register(request.user, organisation, today=today, filters=filters))
    matrix = services.matrix_shown(organisation)
    context = {
        "organisation": organisation,
        "form": form,
        "risks": risks,
        "today": today,
        "matrix": matrix,
        "heat_map": charts.heat_map_svg(selectors.heat_map(matrix, risks)),
        "can_add": access.can_add(request.user, organisation),
    }
    return render(request, "risks/register.html", context)


def risks_behind(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_register(request.user, organisation_uuid)
    today = services.today()
    risks = selectors.risks_behind(request.user, organisation, today=today)
    context = {"organisation": organisation, "risks": risks, "today": today}
    return render(request, "risks/risks_behind.html", context)


def risk_detail(request: HttpRequest, risk_uuid: str) -> HttpResponse:
    risk = access.risk_for_viewer(request.user, risk_uuid)
    reviews = list(risk.reviews.select_related("reviewer", "entered_by").order_by("as_at", "id"))
    points = [(r.as_at, r.score) for r in reviews if r.score is not None]
    context = {
        "risk": risk,
        "today": services.today(),
        "reviews": list(reversed(reviews)),
        "chart": charts.score_history_svg(risk.matrix, points, risk.effective_appetite)
        if points
        else "",
        "actions": risk.mitigating_actions.select_related("plan").order_by("plan__title", "id"),
        "children": risk.children.all(),
        "can_edit": access.can_edit_risk(request.user, risk),
        # Named to everyone who sees the risk; linked only for those who may open it.
        "partnership_visible": risk.partnership is not None
        and access.can_read_partnership(request.user, risk.partnership),
    }
    return render(request, "risks/risk_detail.html", context)


def _uuids(text: str | None) -> list[uuid_lib.UUID]:
    try:
        return [uuid_lib.UUID(text or "")]
    except ValueError:
        return []


@login_required
@require_http_methods(["GET", "POST"])
def risk_create(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_adding(request.user, organisation_uuid)
    matrix = services.matrix_for(organisation=organisation, by=request.user)
    # Added from a partnership's page, the risk starts as one of that partnership's.
    partnership = Partnership.objects.filter(
        organisation=organisation, uuid__in=_uuids(request.GET.get("partnership"))
    ).first()
    initial = (
        {"partnership": partnership, "category": Risk.Category.PARTNERSHIP} if partnership else {}
    )
    form = RiskCreateForm(
        request.POST or None, initial=initial, organisation=organisation, matrix=matrix
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions = data.pop("mitigating_actions")
        try:
            risk = services.risk_create(
                organisation=organisation, matrix=matrix, actions=actions, by=request.user, **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Risk added")
            return redirect("risks:risk_detail", risk_uuid=risk.uuid)
    context = {"organisation": organisation, "form": form, "risk": None}
    return render(request, "risks/risk_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, risk_uuid: str) -> HttpResponse:
    risk = access.risk_for_editor(request.user, risk_uuid)
    form = RiskForm(
        request.POST or None, instance=risk, organisation=risk.organisation, matrix=risk.matrix
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save_edit(request, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Risk saved")
            return redirect("risks:risk_detail", risk_uuid=risk.uuid)
    context = {"organisation": risk.organisation, "form": form, "risk": risk}
    return render(request, "risks/risk_form.html", context)


@transaction.atomic
def _save_edit(request: HttpRequest, form: RiskForm) -> None:
    risk: Risk = form.instance
    data = form.cleaned_data
    # Only what the person changed, so an untouched review date can still follow the cycle.
    changes = {n: data[n] for n in form.changed_data if n in data and n != "mitigating_actions"}
    services.risk_edit(risk=risk, by=request.user, **changes)
    if "mitigating_actions" in form.changed_data:
        services.risk_actions_set(risk=risk, actions=data["mitigating_actions"], by=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def risk_review(request: HttpRequest, risk_uuid: str) -> HttpResponse:
    risk = access.risk_for_editor(request.user, risk_uuid)
    initial = {
        "as_at": services.today(),
        "likelihood": risk.residual_likelihood,
        "impact": risk.residual_impact,
        "mitigation": risk.mitigation,
    }
    form = ReviewForm(request.POST or None, initial=initial, matrix=risk.matrix)
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_review_add(
                risk=risk, by=request.user, reviewer=person_for(request.user), **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Review saved")
            return redirect("risks:risk_detail", risk_uuid=risk.uuid)
    return render(request, "risks/review_form.html", {"risk": risk, "form": form})
