"""Managing access points and their hours (performance officers and administrators).
Short views: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import access, selectors, selectors_manage, services, services_manage
from .forms_manage import (
    WEEKDAYS,
    AccessPointForm,
    ExceptionForm,
    ExceptionRemoveForm,
    RetireForm,
    SessionForm,
    SessionRemoveForm,
)
from .models import AccessPoint

DAYS = dict(WEEKDAYS)


def access_points(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    context = {
        "organisation": organisation,
        "points": selectors_manage.managed_access_points(organisation),
    }
    return render(request, "customers/manage/access_points.html", context)


@require_http_methods(["GET", "POST"])
def access_point_new(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    form = AccessPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            point = services.access_point_create(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{point.name} added. Now set its opening hours.")
            return redirect("customers:access_point_hours", access_point_uuid=point.uuid)
    context = {"organisation": organisation, "form": form, "point": None}
    return render(request, "customers/manage/access_point_form.html", context)


@require_http_methods(["GET", "POST"])
def access_point_edit(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    form = AccessPointForm.for_point(point, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_manage.access_point_update(
                access_point=point, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{form.cleaned_data['name']} saved.")
            return redirect("customers:access_point_hours", access_point_uuid=point.uuid)
    context = {"organisation": point.organisation, "form": form, "point": point}
    return render(request, "customers/manage/access_point_form.html", context)


def _hours_page(request: HttpRequest, point: AccessPoint, **forms: Form) -> HttpResponse:
    today = timezone.localdate()
    _, week = selectors.access_point_week(point, timezone.now())
    context = {
        "organisation": point.organisation,
        "point": point,
        "week": week,
        "sessions": [(DAYS[s.weekday], s) for s in point.sessions.all()],
        "exceptions": selectors_manage.upcoming_exceptions(point, today),
        "session_form": forms.get("session_form") or SessionForm(),
        "exception_form": forms.get("exception_form") or ExceptionForm(),
        "remove_form": forms.get("remove_form"),
    }
    return render(request, "customers/manage/hours.html", context)


def access_point_hours(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    return _hours_page(request, point)


def _back_to_hours(request: HttpRequest, point: AccessPoint, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("customers:access_point_hours", access_point_uuid=point.uuid)


@require_POST
def session_add(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            session = services.session_add(access_point=point, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back_to_hours(request, point, f"{DAYS[session.weekday]} session added.")
    return _hours_page(request, point, session_form=form)


def _confirm_remove(request: HttpRequest, point: AccessPoint, **context: object) -> HttpResponse:
    """The confirmation step: the GET of a remove URL; its form posts back to the same URL."""
    context |= {"organisation": point.organisation, "point": point}
    return render(request, "customers/manage/hours_remove.html", context)


@require_http_methods(["GET", "POST"])
def session_remove(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    form = SessionRemoveForm(request.POST if request.method == "POST" else request.GET, point=point)
    if not form.is_valid():
        return _hours_page(request, point, remove_form=form)
    session = form.cleaned_data["session"]
    if request.method == "POST":
        services_manage.session_remove(session=session, by=request.user)
        return _back_to_hours(request, point, f"{DAYS[session.weekday]} session removed.")
    return _confirm_remove(
        request,
        point,
        heading="Remove this session?",
        field="session",
        value=session.pk,
        rows=[
            ("Day", DAYS[session.weekday]),
            ("Hours", f"{session.opens:%H:%M} to {session.closes:%H:%M}"),
        ],
        consequence="It will no longer be shown as open at these times each week.",
        button="Remove session",
    )


@require_POST
def exception_set(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    form = ExceptionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.exception_set(
                access_point=point,
                date=data["date"],
                reason=data["reason"],
                opens=data["opens"],
                closes=data["closes"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back_to_hours(request, point, f"Hours for {data['date']:%-d %B %Y} set.")
    return _hours_page(request, point, exception_form=form)


@require_http_methods(["GET", "POST"])
def exception_remove(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    data = request.POST if request.method == "POST" else request.GET
    form = ExceptionRemoveForm(data, point=point)
    if not form.is_valid():
        return _hours_page(request, point, remove_form=form)
    exception = form.cleaned_data["exception"]
    if request.method == "POST":
        services_manage.exception_remove(exception=exception, by=request.user)
        return _back_to_hours(
            request, point, f"The usual hours apply again on {exception.date:%-d %B %Y}."
        )
    closed = not (exception.opens and exception.closes)
    hours = "Closed" if closed else f"{exception.opens:%H:%M} to {exception.closes:%H:%M}"
    return _confirm_remove(
        request,
        point,
        heading="Remove this closure?" if closed else "Remove these changed hours?",
        field="exception",
        value=exception.pk,
        rows=[
            ("Date", f"{exception.date:%A %-d %B %Y}"),
            ("Hours", hours),
            ("Reason", exception.reason),
        ],
        consequence="The usual hours will apply again on that date.",
        button="Remove closure" if closed else "Remove changed hours",
    )


@require_http_methods(["GET", "POST"])
def access_point_retire(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    form = RetireForm(request.POST or None, initial={"retired_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services_manage.access_point_retire(
                access_point=point, on=form.cleaned_data["retired_on"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{point.name} retired. Its contacts are kept.")
            return redirect(
                "customers:manage_access_points", organisation_uuid=point.organisation.uuid
            )
    context = {"organisation": point.organisation, "point": point, "form": form}
    return render(request, "customers/manage/retire.html", context)


@require_POST
def access_point_reinstate(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_manager(request.user, access_point_uuid)
    services_manage.access_point_reinstate(access_point=point, by=request.user)
    return _back_to_hours(request, point, f"{point.name} is open for contacts again.")
