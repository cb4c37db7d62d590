"""Assessment pages: list, create, the summary, assessors, review and the external verdict."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.accounts.models import Capability, Organisation, Unit
from stocktake.accounts.selectors import capabilities_in, scopes_with
from stocktake.core.auth import signed_in_user

from . import access, charts, selectors, services
from .forms import AssessmentForm, AssessorForm, ExternalForm, ReviewForm
from .models import FrameworkAssessment


def assessment_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    assessments = (
        FrameworkAssessment.objects.filter(access.visible_assessments(user))
        .select_related("organisation", "unit", "framework")
        .distinct()
    )
    can_create = user.is_superuser or any(scopes_with(user, Capability.EDIT_ALL))
    context = {"assessments": assessments, "can_create": can_create}
    return render(request, "frameworks/assessment_list.html", context)


def _creatable_organisations(request: HttpRequest) -> object:
    user = signed_in_user(request)
    if user.is_superuser:
        return Organisation.objects.all()
    organisations, units = scopes_with(user, Capability.EDIT_ALL)
    unit_orgs = Unit.objects.filter(pk__in=units).values_list("organisation_id", flat=True)
    return Organisation.objects.filter(pk__in=set(organisations) | set(unit_orgs))


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest) -> HttpResponse:
    form = AssessmentForm(request.POST or None, organisations=_creatable_organisations(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = data["unit"]
        capabilities = capabilities_in(request.user, data["organisation"].pk, unit and unit.pk)
        if Capability.EDIT_ALL not in capabilities:
            form.add_error("unit", "You may only assess the services you edit")
        else:
            assessment = services.assessment_create(by=request.user, **data)
            messages.success(request, "Assessment started")
            return redirect(
                "frameworks:assessment_detail", framework_assessment_uuid=assessment.uuid
            )
    return render(request, "frameworks/assessment_form.html", {"form": form})


def assessment_detail(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    groups = selectors.assessment_groups(assessment, request.user)
    rows = selectors.rows_of(groups)
    history = selectors.overall_history(assessment, request.user)
    chart = (
        charts.ratings_svg(
            **charts.result_chart_args(assessment.framework.level_names or [], history)
        )
        if len(history) > 1
        else ""
    )
    context = {
        "assessment": assessment,
        "groups": groups,
        "outcome": selectors.outcome_of(assessment, rows),
        "gaps": sum(1 for r in rows if r.below_target),
        "differences": sum(1 for r in rows if r.differs),
        "assessors": assessment.assessors.select_related("user"),
        "chart": chart,
        "can_assess": access.can_assess(request.user, assessment),
        "can_manage": access.can_manage(request.user, assessment),
        "can_review": access.can_review(request.user, assessment)
        and assessment.status == FrameworkAssessment.Status.IN_REVIEW,
    }
    return render(request, "frameworks/assessment_detail.html", context)


def _back(assessment: FrameworkAssessment) -> HttpResponse:
    return redirect("frameworks:assessment_detail", framework_assessment_uuid=assessment.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def assessor_add(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_manager(request.user, framework_assessment_uuid)
    form = AssessorForm(request.POST or None, assessment=assessment)
    if request.method == "POST" and form.is_valid():
        services.assessor_add(
            assessment=assessment, user=form.cleaned_data["user"], by=request.user
        )
        messages.success(request, "Assessor added")
        return _back(assessment)
    context = {"assessment": assessment, "form": form, "heading": "Add an assessor"}
    return render(request, "frameworks/assessment_step_form.html", context)


@login_required
@require_POST
def assessment_submit(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_assessor(request.user, framework_assessment_uuid)
    try:
        services.assessment_submit(assessment=assessment, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Sent for review")
    return _back(assessment)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_review(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_reviewer(request.user, framework_assessment_uuid)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        agree = form.cleaned_data["decision"] == "agree"
        try:
            services.assessment_review(
                assessment=assessment,
                agree=agree,
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Assessment agreed" if agree else "Assessment returned")
            return _back(assessment)
    context = {"assessment": assessment, "form": form, "heading": "Review the assessment"}
    return render(request, "frameworks/assessment_step_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def external_record(request: HttpRequest, framework_assessment_uuid: str) -> HttpResponse:
    assessment = access.assessment_for_manager(request.user, framework_assessment_uuid)
    initial = {
        "assessor_name": assessment.external_assessor,
        "on": assessment.external_on,
        "summary": assessment.external_summary,
    }
    form = ExternalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.external_record(assessment=assessment, by=request.user, **form.cleaned_data)
        messages.success(request, "External assessment recorded")
        return _back(assessment)
    context = {"assessment": assessment, "form": form, "heading": "External assessment"}
    return render(request, "frameworks/assessment_step_form.html", context)
