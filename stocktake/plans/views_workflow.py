"""Plan workflow, published versions, closure and evidence: the same short PRG views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.accounts.models import Capability
from stocktake.accounts.selectors import capabilities_in
from stocktake.core.ids import parse_uuid

from . import access, rules, selectors
from . import services_workflow as workflow
from .forms_workflow import CloseForm, EvidenceForm, TransitionForm
from .models import Evidence, Plan

# transition name → (capability needed, service, message)
TRANSITIONS: dict[str, tuple[str, Callable[..., Any], str]] = {
    "submit": (Capability.EDIT_ALL, workflow.plan_submit, "Plan submitted for approval"),
    "return": (Capability.APPROVE, workflow.plan_return, "Plan returned with comments"),
    "approve": (Capability.APPROVE, workflow.plan_approve, "Plan approved"),
    "publish": (Capability.PUBLISH, workflow.plan_publish, "Plan published"),
    "reopen": (Capability.EDIT_ALL, workflow.plan_reopen, "Plan reopened as a draft"),
}


TARGETS = {
    "submit": Plan.Status.SUBMITTED,
    "return": Plan.Status.RETURNED,
    "approve": Plan.Status.APPROVED,
    "publish": Plan.Status.PUBLISHED,
    "reopen": Plan.Status.DRAFT,
}


def available_transitions(request: HttpRequest, plan: Plan) -> list[str]:
    """The workflow steps this user may take on this plan now, for the plan page's buttons."""
    capabilities = capabilities_in(request.user, plan.organisation_id, plan.unit_id)
    allowed = rules.PLAN_TRANSITIONS.get(plan.status, frozenset())
    return [
        name
        for name, (capability, _, _) in TRANSITIONS.items()
        if capability in capabilities and TARGETS[name] in allowed
    ]


@login_required
@require_POST
def plan_transition(request: HttpRequest, plan_uuid: str, name: str) -> HttpResponse:
    if name not in TRANSITIONS:
        raise Http404("No such step")
    capability, service, done = TRANSITIONS[name]
    plan = access.plan_for(request.user, plan_uuid, capability)
    form = TransitionForm(request.POST, organisation_id=plan.organisation_id)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("plans:plan_detail", plan_uuid=plan.uuid)
    data = form.cleaned_data
    arguments: dict[str, Any] = {"plan": plan, "by": request.user}
    if name in {"submit", "return", "approve", "reopen"}:
        arguments["comment"] = data["comment"]
    if name == "approve":
        arguments |= {"committee": data["committee"], "decided_on": data["decided_on"]}
    try:
        service(**arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("plans:plan_detail", plan_uuid=plan.uuid)


def plan_versions(request: HttpRequest, plan_uuid: str) -> HttpResponse:
    plan = access.plan_for_viewer(request.user, plan_uuid)
    versions = list(plan.versions.select_related("published_by").order_by("-number"))
    by_number = {v.number: v for v in versions}
    comparison = None
    try:
        old, new = int(request.GET.get("from", "")), int(request.GET.get("to", ""))
    except ValueError:
        old = new = 0
    if old in by_number and new in by_number:
        comparison = workflow.versions_compare(by_number[old], by_number[new])
    elif len(versions) >= 2:
        old, new = versions[1].number, versions[0].number
        comparison = workflow.versions_compare(versions[1], versions[0])
    context = {
        "plan": plan,
        "versions": versions,
        "comparison": comparison,
        "old": old,
        "new": new,
        "transitions": plan.transitions.select_related("by", "committee"),
        "history": selectors.change_history(plan),
    }
    return render(request, "plans/plan_versions.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def action_close(request: HttpRequest, action_uuid: str) -> HttpResponse:
    action = access.action_for_editor(request.user, action_uuid)
    form = CloseForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.action_close(action=action, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Item closed")
            return redirect("plans:action_detail", action_uuid=action.uuid)
    return render(request, "plans/action_close_form.html", {"action": action, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request: HttpRequest, action_uuid: str) -> HttpResponse:
    action = access.action_for_updater(request.user, action_uuid)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        workflow.evidence_add(action=action, by=request.user, **form.cleaned_data)
        messages.success(request, "Evidence added")
        return redirect("plans:action_detail", action_uuid=action.uuid)
    return render(request, "plans/evidence_form.html", {"action": action, "form": form})


def evidence_download(request: HttpRequest, evidence_uuid: str) -> HttpResponseBase:
    evidence = _evidence_for_viewer(request, evidence_uuid)
    if not evidence.file:
        return redirect(evidence.url)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=f"{evidence.title}{evidence.file.name[evidence.file.name.rfind('.') :]}",
        content_type=evidence.content_type or "application/octet-stream",
    )


def _evidence_for_viewer(request: HttpRequest, evidence_uuid: str) -> Evidence:
    evidence = (
        Evidence.objects.select_related("action__plan", "plan")
        .filter(uuid=parse_uuid(evidence_uuid))
        .first()
    )
    if evidence is None:
        raise Http404("No such evidence")
    plan: Plan | None = evidence.plan or (evidence.action.plan if evidence.action else None)
    if plan is None or not access.can_view_plan(request.user, plan):
        raise PermissionDenied("You cannot see this evidence")
    return evidence
