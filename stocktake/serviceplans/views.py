"""Short views: gatekeeper → form → service → redirect (Post/Redirect/Get)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.accounts.models import Capability
from stocktake.core.ids import parse_uuid
from stocktake.plans import access as plan_access

from . import access, selectors, services
from .document import plan_document
from .forms import CommentForm, PlanCreateForm, SectionForm
from .importing import service_plan_from_imported_plan
from .models import Kind, SectionContent
from .output import plan_docx, plan_pdf
from .views_workflow import detail_context

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def plan_list(request: HttpRequest) -> HttpResponse:
    context = {
        "plans": selectors.plans_for_list(request.user),
        "can_create": selectors.units_for_creating(request.user).exists(),
        "imported": selectors.imported_plans(request.user),
    }
    return render(request, "serviceplans/plan_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    units = selectors.units_for_creating(request.user)
    if not units.exists():
        raise PermissionDenied("You cannot start a service plan")
    form = PlanCreateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        try:
            plan = services.service_plan_create(
                organisation=unit.organisation,
                unit=unit,
                year=form.cleaned_data["year"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Service plan started")
            return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)
    title = "Start a service plan"
    return render(request, "serviceplans/plan_form.html", {"form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def plan_from_import(request: HttpRequest, plan_uuid: str) -> HttpResponse:
    """A service plan from a plan imported from a paper: its narrative and its tracked items."""
    tracked = plan_access.plan_for(request.user, plan_uuid, Capability.EDIT_ALL)
    units = selectors.units_for_creating(request.user).filter(
        organisation_id=tracked.organisation_id
    )
    form = PlanCreateForm(request.POST or None, units=units, initial={"unit": tracked.unit})
    if request.method == "POST" and form.is_valid():
        try:
            plan = service_plan_from_imported_plan(
                plan=tracked,
                unit=form.cleaned_data["unit"],
                year=form.cleaned_data["year"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Service plan made from the imported paper")
            return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)
    context = {"form": form, "title": f"Make a service plan from {tracked.title}", "plan": tracked}
    return render(request, "serviceplans/plan_form.html", context)


def plan_detail(request: HttpRequest, serviceplan_uuid: str) -> HttpResponse:
    plan = access.plan_for_viewer(request.user, serviceplan_uuid)
    return render(request, "serviceplans/plan_detail.html", detail_context(request, plan))


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, serviceplan_uuid: str, section_uuid: str) -> HttpResponse:
    plan = access.plan_for_writer(request.user, serviceplan_uuid)
    content = (
        plan.contents.select_related("section", "service_plan")
        .filter(uuid=parse_uuid(section_uuid, "section"))
        .first()
    )
    if content is None:
        raise Http404("No such section")
    candidates = selectors.link_candidates(content) if content.section.kind == Kind.LINKS else None
    form = SectionForm(request.POST or None, content=content, candidates=candidates)
    autosave = request.headers.get("X-Autosave") == "1"
    stored_now = None
    if request.method == "POST" and form.is_valid():
        try:
            _section_save(request, content, form)
        except ValidationError as error:
            if autosave:
                return JsonResponse({"saved": False, "errors": error.messages}, status=409)
            form.add_error(None, error)
        except services.SectionChanged:
            if autosave:
                return JsonResponse({"saved": False, "errors": [CHANGED_AUTOSAVE]}, status=409)
            content.refresh_from_db()
            stored_now = content.content
            # The editor's words stay in the form, now against the stored version, so saving
            # them again is a deliberate choice to replace the other editor's.
            data = request.POST.copy()
            data["version"] = content.updated_at.isoformat()
            form = SectionForm(data, content=content, candidates=candidates)
            form.is_valid()
            form.add_error(None, CHANGED)
        else:
            if autosave:
                saved = {"saved": True, "at": f"{timezone.localtime():%H:%M}"}
                return JsonResponse(saved | {"version": content.updated_at.isoformat()})
            messages.success(request, f"{content.section.heading} saved")
            return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)
    elif autosave:
        return JsonResponse({"saved": False, "errors": ["Check the section's entries"]}, status=400)
    comments = plan.comments.filter(section=content.section).select_related("by")
    kind = content.section.link_kind
    context = {
        "plan": plan,
        "content": content,
        "stored_now": stored_now,
        "form": form,
        "comments": comments,
        "aims": selectors.council_aims(plan.organisation_id) if kind == "objectives" else [],
        "indicators": content.indicators.select_related("definition")
        if kind == "indicators"
        else [],
    }
    return render(request, "serviceplans/section_form.html", context)


CHANGED = (
    "Someone else saved this section after you opened it, so your changes were not saved. "
    "What they saved is shown below, and your changes are still in the form: save again to "
    "replace theirs with yours, or go back to the plan to keep theirs."
)
CHANGED_AUTOSAVE = (
    "Someone else saved this section after you opened it. Your changes were not saved "
    "automatically: use the Save button to see both versions."
)


@transaction.atomic
def _section_save(request: HttpRequest, content: SectionContent, form: SectionForm) -> None:
    services.section_save(
        content=content,
        data=form.content_data(),
        by=request.user,
        seen_version=form.cleaned_data["version"],
    )
    if "linked" in form.cleaned_data:
        services.section_links_set(
            content=content, items=list(form.cleaned_data["linked"]), by=request.user
        )


@login_required
@require_POST
def comment_add(request: HttpRequest, serviceplan_uuid: str) -> HttpResponse:
    plan = access.plan_for_commenter(request.user, serviceplan_uuid)
    form = CommentForm(request.POST, sections=plan.template.sections.all())
    if form.is_valid():
        services.comment_add(service_plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, "Comment added")
    else:
        messages.error(request, "Enter your comment")
    return redirect("serviceplans:plan_detail", serviceplan_uuid=plan.uuid)


def plan_word(request: HttpRequest, serviceplan_uuid: str) -> HttpResponse:
    plan = access.plan_for_viewer(request.user, serviceplan_uuid)
    response = HttpResponse(plan_docx(plan_document(plan)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="service-plan-{plan.uuid}.docx"'
    return response


def plan_pdf_view(request: HttpRequest, serviceplan_uuid: str) -> HttpResponse:
    plan = access.plan_for_viewer(request.user, serviceplan_uuid)
    response = HttpResponse(plan_pdf(plan_document(plan)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="service-plan-{plan.uuid}.pdf"'
    return response
