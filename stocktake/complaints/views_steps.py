"""One page per step a handler takes on a complaint, all with the same shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import access, services, services_after
from .forms import (
    AcknowledgeForm,
    DecisionForm,
    EscalateForm,
    ExtendForm,
    LearningForm,
    OmbudsmanDecisionForm,
    ReferForm,
    RespondForm,
    SatisfactionForm,
    attach_errors,
)
from .models import Complaint


def _decide(complaint: Complaint, by: Any, data: dict[str, Any]) -> object:
    if data["decision"] == "refuse":
        return services.complaint_refuse(
            complaint=complaint, on=data["on"], reason=data["reason"], by=by
        )
    return services.complaint_accept(complaint=complaint, on=data["on"], by=by)


def _ombudsman_decide(complaint: Complaint, by: Any, data: dict[str, Any]) -> object:
    return services_after.ombudsman_decide(by=by, **data)


@dataclass(frozen=True)
class Step:
    title: str
    button: str
    done: str
    form: Callable[..., forms.Form]
    call: Callable[[Complaint, Any, dict[str, Any]], object]


def _org_form(form: Callable[..., forms.Form]) -> Callable[..., forms.Form]:
    return lambda data, complaint: form(data, organisation=complaint.organisation)


def _plain(form: type[forms.Form]) -> Callable[..., forms.Form]:
    return lambda data, complaint: form(data)


STEPS: dict[str, Step] = {
    "decide": Step(
        "Accept or refuse", "Save decision", "Decision recorded", _plain(DecisionForm), _decide
    ),
    "acknowledge": Step(
        "Acknowledge", "Acknowledge", "Complaint acknowledged", _org_form(AcknowledgeForm),
        lambda c, by, d: services.complaint_acknowledge(complaint=c, by=by, **d),
    ),
    "respond": Step(
        "Record the response", "Save response", "Response recorded", _plain(RespondForm),
        lambda c, by, d: services.stage_respond(complaint=c, by=by, **d),
    ),
    "escalate": Step(
        "Escalate to the next stage", "Escalate", "Complaint escalated", _org_form(EscalateForm),
        lambda c, by, d: services.complaint_escalate(complaint=c, by=by, **d),
    ),
    "extend": Step(
        "Extend the time to respond", "Extend", "Extension recorded", _plain(ExtendForm),
        lambda c, by, d: services.stage_extend(complaint=c, by=by, **d),
    ),
    "satisfaction": Step(
        "Satisfaction with complaint handling", "Save", "Satisfaction recorded",
        _plain(SatisfactionForm),
        lambda c, by, d: services_after.satisfaction_record(complaint=c, by=by, **d),
    ),
    "refer": Step(
        "Referral to the ombudsman", "Save referral", "Referral recorded", _plain(ReferForm),
        lambda c, by, d: services_after.ombudsman_refer(complaint=c, by=by, **d),
    ),
    "ombudsman-decision": Step(
        "Ombudsman's decision", "Save decision", "Ombudsman decision recorded",
        lambda data, complaint: OmbudsmanDecisionForm(data, complaint=complaint),
        _ombudsman_decide,
    ),
    "learning": Step(
        "Learning from this complaint", "Save learning", "Learning recorded",
        _org_form(LearningForm),
        lambda c, by, d: services_after.learning_add(complaint=c, by=by, **d),
    ),
}  # fmt: skip


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, complaint_uuid: str, step: str) -> HttpResponse:
    chosen = STEPS.get(step)
    if chosen is None:
        raise Http404("No such step")
    complaint = access.complaint_for_handler(request.user, complaint_uuid)
    form = chosen.form(request.POST or None, complaint)
    if request.method == "POST" and form.is_valid():
        try:
            chosen.call(complaint, request.user, form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, chosen.done)
            return redirect("complaints:detail", complaint_uuid=complaint.uuid)
    context = {"complaint": complaint, "form": form, "step": chosen}
    return render(request, "complaints/step.html", context)
