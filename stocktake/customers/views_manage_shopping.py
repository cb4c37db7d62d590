"""Managing service standards and mystery shopping (performance officers and administrators),
including correcting and deleting them. Short views: gatekeeper → form → service → redirect
(Post/Redirect/Get); a deletion is confirmed on a page of its own and happens on POST only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import access, selectors_manage, services, services_manage
from .forms_manage import CheckForm, ExerciseActionsForm, ExerciseForm, StandardForm
from .models_feedback import ShoppingExercise


def standards(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    context = {
        "organisation": organisation,
        "standards": selectors_manage.managed_standards(organisation),
    }
    return render(request, "customers/manage/standards.html", context)


@require_http_methods(["GET", "POST"])
def standard_new(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    indicators = selectors_manage.indicator_choices(organisation)
    form = StandardForm(request.POST or None, indicators=indicators)
    if request.method == "POST" and form.is_valid():
        try:
            services.standard_create(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Service standard added.")
            return redirect("customers:manage_standards", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form, "standard": None}
    return render(request, "customers/manage/standard_form.html", context)


@require_http_methods(["GET", "POST"])
def standard_edit(request: HttpRequest, standard_uuid: str) -> HttpResponse:
    standard = access.standard_for_manager(request.user, standard_uuid)
    organisation = standard.organisation
    form = StandardForm(
        request.POST or None,
        indicators=selectors_manage.indicator_choices(organisation),
        initial=StandardForm.initial_for(standard),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_manage.standard_update(standard=standard, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Service standard saved.")
            return redirect("customers:manage_standards", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form, "standard": standard}
    return render(request, "customers/manage/standard_form.html", context)


@require_http_methods(["GET", "POST"])
def standard_delete(request: HttpRequest, standard_uuid: str) -> HttpResponse:
    standard = access.standard_for_manager(request.user, standard_uuid)
    organisation = standard.organisation
    refusal: list[str] = []
    if request.method == "POST":
        try:
            services_manage.standard_delete(standard=standard, by=request.user)
        except ValidationError as error:
            refusal = error.messages
        else:
            messages.success(request, f"Service standard deleted: {standard.title}")
            return redirect("customers:manage_standards", organisation_uuid=organisation.uuid)
    context = {
        "organisation": organisation,
        "standard": standard,
        "checks": standard.checks.count(),
        "refusal": refusal,
    }
    return render(request, "customers/manage/standard_delete.html", context)


def exercises(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    context = {
        "organisation": organisation,
        "exercises": selectors_manage.exercises(organisation),
    }
    return render(request, "customers/manage/exercises.html", context)


@require_http_methods(["GET", "POST"])
def exercise_new(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    form = ExerciseForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = services.exercise_create(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{exercise.name} set up. Record its checks below.")
            return redirect("customers:exercise_detail", exercise_uuid=exercise.uuid)
    context = {"organisation": organisation, "form": form, "exercise": None}
    return render(request, "customers/manage/exercise_form.html", context)


@require_http_methods(["GET", "POST"])
def exercise_edit(request: HttpRequest, exercise_uuid: str) -> HttpResponse:
    exercise = access.exercise_for_manager(request.user, exercise_uuid)
    organisation = exercise.organisation
    form = ExerciseForm(
        request.POST or None,
        organisation=organisation,
        initial=ExerciseForm.initial_for(exercise),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_manage.exercise_update(exercise=exercise, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Exercise saved.")
            return redirect("customers:exercise_detail", exercise_uuid=exercise.uuid)
    context = {"organisation": organisation, "form": form, "exercise": exercise}
    return render(request, "customers/manage/exercise_form.html", context)


@require_http_methods(["GET", "POST"])
def exercise_delete(request: HttpRequest, exercise_uuid: str) -> HttpResponse:
    exercise = access.exercise_for_manager(request.user, exercise_uuid)
    organisation = exercise.organisation
    if request.method == "POST":
        checks = services_manage.exercise_delete(exercise=exercise, by=request.user)
        messages.success(
            request, f"{exercise.name} deleted, with its {checks} check{pluralize(checks)}."
        )
        return redirect("customers:exercises", organisation_uuid=organisation.uuid)
    context = {
        "organisation": organisation,
        "exercise": exercise,
        "checks": exercise.checks.count(),
    }
    return render(request, "customers/manage/exercise_delete.html", context)


def _exercise_page(
    request: HttpRequest,
    exercise: ShoppingExercise,
    *,
    check_form: CheckForm | None = None,
    actions_form: ExerciseActionsForm | None = None,
) -> HttpResponse:
    organisation = exercise.organisation
    if check_form is None:
        check_form = CheckForm(
            organisation=organisation, actions=selectors_manage.action_choices(organisation)
        )
        check_form.initial_date(exercise, timezone.localdate())
    linked = list(selectors_manage.exercise_actions(exercise))
    if actions_form is None:
        actions_form = ExerciseActionsForm(
            actions=selectors_manage.action_choices(organisation),
            initial={"actions": [a.pk for a in linked]},
        )
    context = {
        "organisation": organisation,
        "exercise": exercise,
        "results": selectors_manage.exercise_results(exercise),
        "checks": selectors_manage.exercise_checks(exercise),
        "linked": linked,
        "check_form": check_form,
        "actions_form": actions_form,
    }
    return render(request, "customers/manage/exercise.html", context)


def exercise_detail(request: HttpRequest, exercise_uuid: str) -> HttpResponse:
    exercise = access.exercise_for_manager(request.user, exercise_uuid)
    return _exercise_page(request, exercise)


@require_POST
def check_add(request: HttpRequest, exercise_uuid: str) -> HttpResponse:
    exercise = access.exercise_for_manager(request.user, exercise_uuid)
    organisation = exercise.organisation
    form = CheckForm(
        request.POST,
        organisation=organisation,
        actions=selectors_manage.action_choices(organisation),
    )
    if form.is_valid():
        try:
            services.check_record(exercise=exercise, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Check recorded.")
            return redirect("customers:exercise_detail", exercise_uuid=exercise.uuid)
    return _exercise_page(request, exercise, check_form=form)


@require_POST
def exercise_actions(request: HttpRequest, exercise_uuid: str) -> HttpResponse:
    exercise = access.exercise_for_manager(request.user, exercise_uuid)
    choices = selectors_manage.action_choices(exercise.organisation)
    form = ExerciseActionsForm(request.POST, actions=choices)
    if form.is_valid():
        try:
            services_manage.exercise_actions_set(
                exercise=exercise, actions=list(form.cleaned_data["actions"]), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Follow-up actions saved.")
            return redirect("customers:exercise_detail", exercise_uuid=exercise.uuid)
    return _exercise_page(request, exercise, actions_form=form)


@require_http_methods(["GET", "POST"])
def check_edit(request: HttpRequest, check_uuid: str) -> HttpResponse:
    check = access.check_for_manager(request.user, check_uuid)
    exercise = check.exercise
    organisation = exercise.organisation
    form = CheckForm(
        request.POST or None,
        organisation=organisation,
        actions=selectors_manage.action_choices(organisation),
        initial=CheckForm.initial_for(check),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_manage.check_update(check=check, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Check saved.")
            return redirect("customers:exercise_detail", exercise_uuid=exercise.uuid)
    context = {"organisation": organisation, "exercise": exercise, "check": check, "form": form}
    return render(request, "customers/manage/check_form.html", context)


@require_http_methods(["GET", "POST"])
def check_delete(request: HttpRequest, check_uuid: str) -> HttpResponse:
    check = access.check_for_manager(request.user, check_uuid)
    exercise = check.exercise
    if request.method == "POST":
        services_manage.check_delete(check=check, by=request.user)
        messages.success(request, "Check deleted.")
        return redirect("customers:exercise_detail", exercise_uuid=exercise.uuid)
    context = {"organisation": exercise.organisation, "exercise": exercise, "check": check}
    return render(request, "customers/manage/check_delete.html", context)
