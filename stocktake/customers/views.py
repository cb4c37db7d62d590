"""Short views: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import home_organisation

from . import access, charts, ni14, segments, selectors, services_contacts
from .forms import ContactEntryForm, MonthForm, Ni14FeedForm, SamplingPeriodForm
from .models import Channel
from .models_contacts import ContactMonth
from .servicelist import SERVICES


def access_point_list(request: HttpRequest) -> HttpResponse:
    points = selectors.access_point_list(request.user, timezone.now())
    return render(request, "customers/access_point_list.html", {"points": points})


def access_point_detail(request: HttpRequest, access_point_uuid: str) -> HttpResponse:
    point = access.access_point_for_viewer(request.user, access_point_uuid)
    open_now, week = selectors.access_point_week(point, timezone.now())
    context = {"point": point, "open_now": open_now, "week": week}
    return render(request, "customers/access_point_detail.html", context)


def standards(request: HttpRequest) -> HttpResponse:
    context = {"standards": selectors.published_standards()}
    return render(request, "customers/standards.html", context)


@login_required
def my_contacts(request: HttpRequest) -> HttpResponse:
    """The contact dashboard of the user's own council, from the navigation."""
    organisation = home_organisation(request.user)
    if organisation is None:
        raise PermissionDenied("You are not a member of any council")
    return redirect("customers:dashboard", organisation_uuid=organisation.uuid)


def _year_end(form: MonthForm, organisation: Organisation) -> dt.date:
    """The month a page's twelve end with: the one asked for, else the latest with contacts
    (a part-loaded current month would show a misleading dip), else this month."""
    end: dt.date | None = form.cleaned_data.get("end") if form.is_valid() else None
    if end is not None:
        return end
    latest = ContactMonth.objects.filter(organisation=organisation).order_by("-month").first()
    return latest.month if latest else timezone.localdate()


def contact_dashboard(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_reader(request.user, organisation_uuid)
    form = MonthForm(request.GET or None)
    months = selectors.last_months(_year_end(form, organisation))
    board = selectors.dashboard(organisation, months)
    year_end = selectors.month_last_day(months[-1])
    context = {
        "ni14_sampled": ni14.ni14_total(organisation.pk, months[0], year_end),
        "ni14_all": ni14.ni14_total(organisation.pk, months[0], year_end, sampled=False),
        "organisation": organisation,
        "form": form,
        "board": board,
        "volumes_svg": charts.volumes_svg(board),
        "shift_svg": charts.channel_shift_svg(board),
        "rates_svg": charts.rates_svg(board),
        "can_enter": access.can_enter_contacts(request.user, organisation.pk),
        "can_sample": access.can_manage_sampling(request.user, organisation.pk),
    }
    return render(request, "customers/dashboard.html", context)


def ni14_page(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    """NI 14 by service × channel × month, both definitions, sampled or over all contacts."""
    organisation = access.organisation_for_reader(request.user, organisation_uuid)
    form = MonthForm(request.GET or None)
    months = selectors.last_months(_year_end(form, organisation))
    sampled = request.GET.get("all") != "1"
    last = selectors.month_last_day(months[-1])
    services, channels = dict(SERVICES), dict(Channel.choices)
    cells = [
        (services.get(c.service_code, "Not recorded"), channels.get(c.channel, c.channel), c)
        for c in ni14.ni14_table(organisation.pk, months[0], last, sampled=sampled)
    ]
    context = {
        "organisation": organisation,
        "form": form,
        "months": months,
        "sampled": sampled,
        "cells": cells,
        "total": ni14.ni14_total(organisation.pk, months[0], last, sampled=sampled),
        "can_feed": access.can_manage_sampling(request.user, organisation.pk),
    }
    return render(request, "customers/ni14.html", context)


@require_http_methods(["GET", "POST"])
def ni14_feed(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    """Record a period's NI 14 in the council's indicator (performance officers)."""
    organisation = access.organisation_for_sampling(request.user, organisation_uuid)
    form = Ni14FeedForm(request.POST or None, organisation_id=organisation.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = ni14.ni14_record(
                indicator=data["indicator"],
                period=data["period"],
                definition=data["definition"],
                sampled=data["sampled"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"NI 14 for {saved.period_label} recorded: {saved.value}")
            return redirect("indicators:indicator_detail", indicator_uuid=data["indicator"].uuid)
    context = {"organisation": organisation, "form": form}
    return render(request, "customers/ni14_feed.html", context)


def segment_breakdown(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_reader(request.user, organisation_uuid)
    form = MonthForm(request.GET or None)
    months = selectors.last_months(_year_end(form, organisation))
    context = {
        "organisation": organisation,
        "form": form,
        "months": months,
        "rows": segments.contacts_by_segment(organisation, months[0], months[-1]),
        "feedback": segments.feedback_by_segment(organisation),
        "age_bands": segments.feedback_by_age_band(organisation.pk),
        "complaints": segments.complaints_by_segment(
            organisation, months[0], selectors.month_last_day(months[-1])
        ),
        "complainants": segments.complaints_by_equality(
            organisation, months[0], selectors.month_last_day(months[-1])
        ),
        "channels": Channel.choices,
    }
    return render(request, "customers/segments.html", context)


@require_http_methods(["GET", "POST"])
def contact_entry(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_entry(request.user, organisation_uuid)
    points = services_contacts.access_point_codes(organisation)
    form = ContactEntryForm(request.POST or None, access_points=points)
    if request.method == "POST" and form.is_valid():
        services_contacts.contact_record(organisation=organisation, row=form.row, by=request.user)
        messages.success(request, "Contact recorded.")
        return redirect("customers:contact_entry", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "form": form}
    return render(request, "customers/contact_entry.html", context)


@require_http_methods(["GET", "POST"])
def sampling(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_sampling(request.user, organisation_uuid)
    form = SamplingPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_contacts.sampling_period_add(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Sampling period added.")
            return redirect("customers:sampling", organisation_uuid=organisation.uuid)
    context = {
        "organisation": organisation,
        "form": form,
        "periods": selectors.sampling_periods(organisation),
    }
    return render(request, "customers/sampling.html", context)
