"""Consultation planner pages: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import access, selectors, services
from .forms import ConsultationForm, FeedbackForm, PlanConsultationForm, ResponseCountForm
from .models import Consultation


def _attach(form: forms.BaseForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, found in error.message_dict.items():
        form.add_error(field if field in form.fields else None, found)


def register(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for(request.user, organisation_uuid)
    status = request.GET.get("status", "")
    status = status if status in Consultation.Status.values else ""
    context = {
        "organisation": organisation,
        "consultations": selectors.register(organisation, status=status),
        "statuses": Consultation.Status.choices,
        "status": status,
        "can_manage": access.can_manage(request.user, organisation.pk),
    }
    return render(request, "consultations/register.html", context)


@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for(request.user, organisation_uuid, manage=True)
    form = PlanConsultationForm(request.POST or None, organisation=organisation)
    similar: list[Consultation] = []
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = dict(form.cleaned_data)
        similar = selectors.similar(
            organisation, title=data["title"], areas=data["areas"], today=services.today()
        )
        try:
            consultation = services.consultation_plan(
                organisation=organisation, by=request.user, **data
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Consultation planned")
            return redirect("consultations:detail", consultation_uuid=consultation.uuid)
    context = {"organisation": organisation, "form": form, "similar": similar}
    return render(request, "consultations/plan.html", context)


def detail(request: HttpRequest, consultation_uuid: str) -> HttpResponse:
    consultation = access.consultation_for_viewer(request.user, consultation_uuid)
    context = {
        "consultation": consultation,
        "counts": consultation.response_counts.all(),
        "feedback": consultation.feedback.select_related("action__plan"),
        "can_edit": access.can_edit_consultation(request.user, consultation),
    }
    return render(request, "consultations/detail.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, consultation_uuid: str) -> HttpResponse:
    consultation = access.consultation_for_editor(request.user, consultation_uuid)
    organisation = consultation.organisation
    initial_status = consultation.status
    form = ConsultationForm(request.POST or None, instance=consultation, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        # The ModelForm has already set the new values on the instance; the service re-checks
        # them against the status it had before.
        consultation.status = initial_status
        try:
            services.consultation_edit(
                consultation=consultation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Consultation saved")
            return redirect("consultations:detail", consultation_uuid=consultation.uuid)
    return _form_page(request, consultation, form, "Edit the consultation", "Save")


def _form_page(
    request: HttpRequest, consultation: Consultation, form: forms.BaseForm, title: str, button: str
) -> HttpResponse:
    context = {"consultation": consultation, "form": form, "title": title, "button": button}
    return render(request, "consultations/form.html", context)


@require_http_methods(["GET", "POST"])
def responses(request: HttpRequest, consultation_uuid: str) -> HttpResponse:
    consultation = access.consultation_for_editor(request.user, consultation_uuid)
    form = ResponseCountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.responses_record(consultation=consultation, by=request.user, **form.cleaned_data)
        messages.success(request, "Response count saved")
        return redirect("consultations:detail", consultation_uuid=consultation.uuid)
    return _form_page(request, consultation, form, "Record responses", "Save count")


@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, consultation_uuid: str) -> HttpResponse:
    consultation = access.consultation_for_editor(request.user, consultation_uuid)
    form = FeedbackForm(request.POST or None, organisation=consultation.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_add(consultation=consultation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, "Feedback added")
            return redirect("consultations:detail", consultation_uuid=consultation.uuid)
    return _form_page(request, consultation, form, "You said, we did", "Add feedback")
