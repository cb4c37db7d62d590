"""Equality impact assessment pages: the programme and the assessment form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import access, selectors, services
from . import services_equality as equality
from .equality import EqualityAssessment
from .forms import AssessmentForm


def programme(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_programme(request.user, organisation_uuid)
    assessments = list(selectors.programme(request.user, organisation))
    editable = {a.pk for a in assessments if access.can_edit_assessment(request.user, a)}
    context = {
        "organisation": organisation,
        "assessments": assessments,
        "summary": selectors.programme_summary(assessments),
        "statuses": EqualityAssessment.Status.choices,
        "editable": editable,
        "can_add": access.can_add(request.user, organisation),
    }
    return render(request, "risks/programme.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_adding(request.user, organisation_uuid)
    available = equality.characteristics_available(organisation.pk, services.today())
    form = AssessmentForm(
        request.POST or None, organisation=organisation, characteristics=available
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            equality.assessment_create(organisation=organisation, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Assessment added")
            return redirect("risks:programme", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form, "assessment": None}
    return render(request, "risks/assessment_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request: HttpRequest, assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_editor(request.user, assessment_uuid)
    organisation = assessment.organisation
    available = equality.characteristics_available(organisation.pk, services.today())
    form = AssessmentForm(
        request.POST or None,
        instance=assessment,
        organisation=organisation,
        characteristics=available,
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save_edit(request, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Assessment saved")
            return redirect("risks:programme", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form, "assessment": assessment}
    return render(request, "risks/assessment_form.html", context)


@transaction.atomic
def _save_edit(request: HttpRequest, form: AssessmentForm) -> None:
    data = dict(form.cleaned_data)
    equality.assessment_edit(assessment=form.instance, by=request.user, **data)
