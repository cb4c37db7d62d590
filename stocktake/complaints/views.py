"""Complaint pages: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.accounts.models import Organisation
from stocktake.core.auth import signed_in_user

from . import access, annual, outputs, selectors, services
from .forms import ReceiveForm, YearForm, attach_errors
from .models import Complaint


def index(request: HttpRequest) -> HttpResponse:
    """Straight to the user's council's complaints; a list when they work for several."""
    user = signed_in_user(request)
    organisations = [o for o in Organisation.objects.all() if access.is_staff_in(user, o)]
    if len(organisations) == 1:
        return redirect("complaints:register", organisation_uuid=organisations[0].uuid)
    if not organisations:
        raise PermissionDenied("You cannot see any council's complaints")
    return render(request, "complaints/index.html", {"organisations": organisations})


def register(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_register(request.user, organisation_uuid)
    status = request.GET.get("status", "")
    status = status if status in Complaint.Status.values else ""
    context = {
        "organisation": organisation,
        "complaints": selectors.register(organisation, status=status),
        "statuses": Complaint.Status.choices,
        "status": status,
        "can_manage": access.can_manage(request.user, organisation),
        "today": services.today(),
    }
    return render(request, "complaints/register.html", context)


def due(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_register(request.user, organisation_uuid)
    today = services.today()
    lists = selectors.due_lists(organisation, today=today)
    context = {"organisation": organisation, "lists": lists, "today": today}
    return render(request, "complaints/due.html", context)


@require_http_methods(["GET", "POST"])
def receive(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_manager(request.user, organisation_uuid)
    form = ReceiveForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            complaint = services.complaint_receive(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, f"Complaint {complaint.reference} recorded")
            return redirect("complaints:detail", complaint_uuid=complaint.uuid)
    return render(request, "complaints/receive.html", {"organisation": organisation, "form": form})


def detail(request: HttpRequest, complaint_uuid: str) -> HttpResponse:
    complaint = access.complaint_for_viewer(request.user, complaint_uuid)
    context = {
        "complaint": complaint,
        "personal": access.can_handle(request.user, complaint),
        "today": services.today(),
        **selectors.detail(complaint),
    }
    return render(request, "complaints/detail.html", context)


def _report_data(request: HttpRequest, organisation: Organisation) -> dict[str, object]:
    form = YearForm(request.GET or None)
    default = selectors.report_year_default(services.today())
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or default
    return annual.annual_report(organisation, year)


def report(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_report(request.user, organisation_uuid)
    data = _report_data(request, organisation)
    context = {"organisation": organisation, "report": data, "chart": outputs.chart_svg(data)}
    return render(request, "complaints/annual.html", context)


def report_pdf(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_report(request.user, organisation_uuid)
    data = _report_data(request, organisation)
    response = HttpResponse(outputs.report_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="complaints-{data["year"]}.pdf"'
    return response


def report_docx(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_report(request.user, organisation_uuid)
    data = _report_data(request, organisation)
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(outputs.report_docx(data), content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="complaints-{data["year"]}.docx"'
    return response
