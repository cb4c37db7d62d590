"""Approval steps, versions and their comparison, roll-forward and the corporate assembly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in
from stocktake.core.ids import parse_uuid

from . import access, rollforward, rules, selectors
from . import services_workflow as workflow
from .assembly import assemble
from .compare import documents_compare
from .document import plan_document
from .forms import CommentForm, TransitionForm
from .models import ServicePlan, Status

# step → (who may: "write" or a capability, service, target status, message)
STEPS: dict[str, tuple[str, Callable[..., Any], str, str]] = {
    "submit": ("write", workflow.plan_submit, Status.SUBMITTED, "Plan submitted for approval"),
    "return": (Capability.APPROVE, workflow.plan_return, Status.RETURNED, "Plan returned"),
    "approve": (Capability.APPROVE, workflow.plan_approve, Status.APPROVED, "Plan approved"),
    "publish": (Capability.PUBLISH, workflow.plan_publish, Status.PUBLISHED, "Plan published"),
    "reopen": (Capability.EDIT_ALL, workflow.plan_reopen, Status.DRAFT, "Plan reopened"),
}


def available_transitions(user: AnyUser, plan: ServicePlan) -> list[str]:
    capabilities = capabilities_in(user, plan.organisation_id, plan.unit_id)
    allowed = rules.next_statuses(plan.status)
    writer = access.can_write(user, plan)
    return [
        name
        for name, (who, _, target, _) in STEPS.items()
        if target in allowed and (writer if who == "write" else who in capabilities)
    ]


def roll_forward_available(user: AnyUser, plan: ServicePlan) -> bool:
    """Whether the plan page offers to start next year's plan from this one."""
    if not access.can_write(user, plan):
        return False
    next_year = ServicePlan.objects.filter(
        organisation_id=plan.organisation_id, unit_id=plan.unit_id, year=plan.year + 1
    )
    return rules.rolls_forward(plan.status, next_year.exists())


def _transition_form(plan: ServicePlan, name: str, data: Any = None) -> TransitionForm:
    # Each step's form on the plan page has its own field ids.
    return TransitionForm(data, organisation_id=plan.organisation_id, auto_id=f"{name}-%s")


def detail_context(
    request: HttpRequest, plan: ServicePlan, failed: tuple[str, TransitionForm] | None = None
) -> dict[str, Any]:
    """The plan page; `failed` is a step whose form is shown again with its errors."""
    can_write = access.can_write(request.user, plan)
    can_comment = access.can_comment(request.user, plan)
    comments = list(plan.comments.select_related("section", "by"))
    forms = {
        name: _transition_form(plan, name) for name in available_transitions(request.user, plan)
    }
    if failed is not None:
        forms[failed[0]] = failed[1]
    return {
        "plan": plan,
        "document": plan_document(plan),
        "editable": can_write and plan.status in rules.EDITABLE,
        "can_write": can_write,
        "can_comment": can_comment,
        "comments": comments if (can_write or can_comment) else [],
        "comment_form": CommentForm(sections=plan.template.sections.all()),
        "transitions": forms,
        "failed_form": failed[1] if failed else None,
        "can_roll_forward": roll_forward_available(request.user, plan),
        "last_transition": plan.transitions.select_related("by").last(),
    }


@login_required
@require_POST
def plan_transition(request: HttpRequest, serviceplan_uuid: str, name: str) -> HttpResponse:
    if name not in STEPS:
        raise Http404("No such step")
    who, service, target, done = STEPS[name]
    plan = access.plan_for(request.user, serviceplan_uuid, who)
    try:
        rules.transition_allowed(plan.status, target)
    except ValidationError as error:
        # A step the plan's status no longer allows (a page left open): nothing to correct.
        messages.error(request, " ".join(error.messages))
        return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)
    form = _transition_form(plan, name, request.POST)
    if form.is_valid():
        arguments = workflow.step_arguments(name, form.cleaned_data)
        try:
            service(plan=plan, by=request.user, **arguments)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, done)
            return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)
    # Shown again with the errors beside the fields and what was typed kept.
    plan.refresh_from_db()
    context = detail_context(request, plan, failed=(name, form))
    return render(request, "serviceplans/plan_detail.html", context)


def _attach(form: TransitionForm, error: ValidationError) -> None:
    """A service's refusal: beside the field when the form has it, otherwise at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def plan_versions(request: HttpRequest, serviceplan_uuid: str) -> HttpResponse:
    """Versions and a side-by-side comparison: two versions, since the last version kept
    (the last submitted draft), or since last year's plan."""
    plan = access.plan_for_viewer(request.user, serviceplan_uuid)
    versions = list(plan.versions.select_related("by").order_by("-number"))
    by_number = {v.number: v.snapshot for v in versions}
    against = request.GET.get("against", "")
    current = plan_document(plan)
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    old_label, new_label = "", "Now"
    if against == "last-year" and plan.previous and access.can_view(request.user, plan.previous):
        old = selectors.latest_version_snapshot(plan.previous) or plan_document(plan.previous)
        old_label, new = f"Last year's plan ({plan.previous.year_label})", current
    elif request.GET.get("from", "").isdigit() and request.GET.get("to", "").isdigit():
        a, b = int(request.GET["from"]), int(request.GET["to"])
        if a not in by_number or b not in by_number:
            raise Http404("No such version")
        old, new = by_number[a], by_number[b]
        old_label, new_label = f"Version {a}", f"Version {b}"
    elif versions:
        old, new = versions[0].snapshot, current
        old_label = f"Version {versions[0].number} ({versions[0].label.lower()})"
    else:
        old = new = None
    diffs = documents_compare(old, new) if old is not None and new is not None else []
    context = {
        "plan": plan,
        "versions": versions,
        "transitions": plan.transitions.select_related("by"),
        "diffs": [d for d in diffs if d.changed],
        "compared": old is not None,
        "old_label": old_label,
        "new_label": new_label,
    }
    return render(request, "serviceplans/plan_versions.html", context)


@login_required
@require_POST
def plan_roll_forward(request: HttpRequest, serviceplan_uuid: str) -> HttpResponse:
    plan = access.plan_for_writer(request.user, serviceplan_uuid)
    try:
        result = rollforward.plan_roll_forward(plan=plan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)
    left = sum(len(v) for v in result.left.values())
    messages.success(
        request, f"{result.plan.year_label} plan started; {left} finished items left behind"
    )
    return redirect("serviceplans:plan_detail", serviceplan_uuid=result.plan.uuid)


@login_required
def assembly(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = Organisation.objects.filter(
        uuid=parse_uuid(organisation_uuid, "organisation")
    ).first()
    if organisation is None:
        raise Http404("No such organisation")
    years = sorted(
        set(
            ServicePlan.objects.filter(organisation=organisation)
            .filter(access.visible_plans(request.user))
            .values_list("year", flat=True)
        ),
        reverse=True,
    )
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else None
    year = year if year in years else (years[0] if years else None)
    result = assemble(organisation, year, request.user) if year is not None else None
    context = {"organisation": organisation, "years": years, "year": year, "assembly": result}
    return render(request, "serviceplans/assembly.html", context)
