"""One criterion of an assessment: its rating, evidence, gap actions and movement over time."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.accounts.selectors import AnyUser
from stocktake.core.ids import parse_uuid
from stocktake.indicators.access import visible_indicators
from stocktake.indicators.models import Indicator
from stocktake.plans.access import can_edit_plan
from stocktake.plans.models import Plan

from . import access, charts, selectors, services, services_evidence
from .forms import EvidenceForm, ExternalRatingForm, GapCreateForm, GapLinkForm, RatingForm
from .models import CriterionRating, FrameworkAssessment


def _editable_plans(user: AnyUser, assessment: FrameworkAssessment) -> Any:
    plans = Plan.objects.filter(organisation_id=assessment.organisation_id)
    allowed = [p.pk for p in plans.select_related("organisation") if can_edit_plan(user, p)]
    return Plan.objects.filter(pk__in=allowed)


def _gap_allowed(user: AnyUser, assessment: FrameworkAssessment) -> bool:
    return access.can_manage(user, assessment) or access.can_assess(user, assessment)


def _page(
    request: HttpRequest, assessment: FrameworkAssessment, rating: CriterionRating
) -> dict[str, Any]:
    user = request.user
    criterion = rating.criterion
    framework = assessment.framework
    labels = selectors.labels_for(framework)
    row = selectors.rows_of(selectors.assessment_groups(assessment, user, criterion=criterion))[0]
    history = selectors.criterion_history(assessment, criterion, user)
    chart = charts.ratings_svg(
        dates=[d for d, _, _ in history],
        series={
            "Self-assessment": [r for _, r, _ in history],
            "External": [e for _, _, e in history],
        },
        ticks=labels,
        target=framework.target,
        title=f"{criterion.ref}: ratings at each assessment",
    )
    initial = {"rating": rating.rating, "commentary": rating.commentary}
    external = {"rating": rating.external_rating, "commentary": rating.external_commentary}
    gap_allowed = _gap_allowed(user, assessment)
    return {
        "assessment": assessment,
        "criterion": criterion,
        "elements": criterion.elements.all(),
        "row": row,
        "target": labels.get(framework.target, ""),
        "chart": chart,
        "rating_form": RatingForm(initial=initial, assessment=assessment)
        if access.can_assess(user, assessment)
        else None,
        "external_form": ExternalRatingForm(initial=external, assessment=assessment)
        if access.can_manage(user, assessment)
        else None,
        "gap_allowed": gap_allowed,
    }


def criterion_detail(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    rating = access.rating_in(assessment, criterion_uuid)
    return render(request, "frameworks/criterion_detail.html", _page(request, assessment, rating))


def _to_criterion(rating: CriterionRating) -> HttpResponse:
    return redirect(
        "frameworks:criterion_detail",
        framework_assessment_uuid=rating.assessment.uuid,
        criterion_uuid=rating.criterion.uuid,
    )


@login_required
@require_POST
def rating_set(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_assessor(request.user, framework_assessment_uuid)
    rating = access.rating_in(assessment, criterion_uuid)
    form = RatingForm(request.POST, assessment=assessment)
    if form.is_valid():
        try:
            services.rating_set(
                rating=rating,
                value=form.cleaned_data["rating"],
                commentary=form.cleaned_data["commentary"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Rating saved")
            return _to_criterion(rating)
    context = _page(request, assessment, rating) | {"rating_form": form}
    return render(request, "frameworks/criterion_detail.html", context, status=400)


@login_required
@require_POST
def external_rating_set(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_manager(request.user, framework_assessment_uuid)
    rating = access.rating_in(assessment, criterion_uuid)
    form = ExternalRatingForm(request.POST, assessment=assessment)
    if form.is_valid():
        services.external_rating_set(
            rating=rating,
            value=form.cleaned_data["rating"],
            commentary=form.cleaned_data["commentary"],
            by=request.user,
        )
        messages.success(request, "External rating saved")
        return _to_criterion(rating)
    context = _page(request, assessment, rating) | {"external_form": form}
    return render(request, "frameworks/criterion_detail.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_assessor(request.user, framework_assessment_uuid)
    rating = access.rating_in(assessment, criterion_uuid)
    organisation_id = assessment.organisation_id
    form = EvidenceForm(
        request.POST or None,
        request.FILES or None,
        actions=selectors.visible_actions(request.user, organisation_id).select_related("plan"),
        indicators=Indicator.objects.filter(organisation_id=organisation_id)
        .filter(visible_indicators(request.user))
        .select_related("definition"),
    )
    if request.method == "POST" and form.is_valid():
        services_evidence.evidence_add(rating=rating, by=request.user, **form.cleaned_data)
        messages.success(request, "Evidence added")
        return _to_criterion(rating)
    context = {"assessment": assessment, "criterion": rating.criterion, "form": form}
    return render(request, "frameworks/evidence_form.html", context)


def evidence_file(request: HttpRequest, framework_evidence_uuid: str) -> HttpResponseBase:
    evidence = access.evidence_for_viewer(request.user, framework_evidence_uuid)
    if not evidence.file:
        if evidence.url:
            return redirect(evidence.url)
        raise PermissionDenied("This evidence has no file")
    suffix = evidence.file.name[evidence.file.name.rfind(".") :]
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=f"{evidence.title}{suffix}",
        content_type=evidence.content_type or "application/octet-stream",
    )


@login_required
@require_http_methods(["GET", "POST"])
def gap_action_create(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    if not _gap_allowed(request.user, assessment):
        raise PermissionDenied("You cannot add actions for this assessment")
    rating = access.rating_in(assessment, criterion_uuid)
    form = GapCreateForm(request.POST or None, plans=_editable_plans(request.user, assessment))
    if request.method == "POST" and form.is_valid():
        services_evidence.gap_action_create(rating=rating, by=request.user, **form.cleaned_data)
        messages.success(request, "Improvement action added to the plan")
        return _to_criterion(rating)
    context = {"assessment": assessment, "criterion": rating.criterion, "form": form}
    return render(
        request, "frameworks/gap_form.html", context | {"heading": "New improvement action"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def gap_action_link(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    if not _gap_allowed(request.user, assessment):
        raise PermissionDenied("You cannot link actions for this assessment")
    rating = access.rating_in(assessment, criterion_uuid)
    actions = selectors.visible_actions(request.user, assessment.organisation_id)
    form = GapLinkForm(request.POST or None, actions=actions.select_related("plan"))
    if request.method == "POST" and form.is_valid():
        services_evidence.gap_action_link(
            rating=rating, action=form.cleaned_data["action"], by=request.user
        )
        messages.success(request, "Plan action linked")
        return _to_criterion(rating)
    context = {"assessment": assessment, "criterion": rating.criterion, "form": form}
    return render(request, "frameworks/gap_form.html", context | {"heading": "Link a plan action"})


@login_required
@require_POST
def gap_action_unlink(
    request: HttpRequest, framework_assessment_uuid: str, criterion_uuid: str, action_uuid: str
) -> HttpResponse:
    assessment = access.assessment_for_viewer(request.user, framework_assessment_uuid)
    if not _gap_allowed(request.user, assessment):
        raise PermissionDenied("You cannot unlink actions for this assessment")
    rating = access.rating_in(assessment, criterion_uuid)
    action = rating.gap_actions.filter(uuid=parse_uuid(action_uuid)).first()
    if action is None:
        raise Http404("That action is not linked here")
    services_evidence.gap_action_unlink(rating=rating, action=action, by=request.user)
    messages.success(request, "Plan action unlinked; the action itself is unchanged")
    return _to_criterion(rating)
