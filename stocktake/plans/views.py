"""Short views: parse the form, ask the gatekeeper, call a service, redirect (Post/Redirect/Get)."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.accounts.models import PostHolding
from stocktake.accounts.selectors import person_for
from stocktake.core.auth import signed_in_user

from . import access, selectors, services
from .flags import action_flags
from .forms import ActionEditForm, PlanFilterForm, PlanListFilterForm, ProgressUpdateForm
from .forms_workflow import TransitionForm
from .related import plan_related
from .rows import plan_rows, rows_html
from .views_workflow import available_transitions


def plan_list(request: HttpRequest) -> HttpResponse:
    organisation_ids = selectors.organisations_with_visible_plans(request.user)
    form = PlanListFilterForm(request.GET or None, organisation_ids=organisation_ids)
    filters = form.cleaned_data if form.is_valid() else {}
    plans = selectors.plans_for_list(request.user, filters)
    groups = selectors.group_plans(plans, filters.get("group") or "organisation")
    return render(request, "plans/plan_list.html", {"groups": groups, "form": form})


def plan_detail(request: HttpRequest, plan_uuid: str) -> HttpResponse:
    plan = access.plan_for_viewer(request.user, plan_uuid)
    today = services.today()
    owners = selectors.plan_owners(plan)
    form = PlanFilterForm(request.GET or None, owners=owners, organisation_id=plan.organisation_id)
    filters = form.cleaned_data.copy() if form.is_valid() else {}
    when = filters.pop("as_at", None) or today
    rows = plan_rows(plan, when=when, today=today, filters=filters)
    related = plan_related(request.user, plan)
    found = selectors.plan_blocks(plan, rows)
    parents = {b.section.parent_id for b in found if b.section is not None}
    blocks = [
        (
            b,
            rows_html(b.actions, when=when),
            related.by_section.get(b.section.pk, []) if b.section else [],
            # A heading over subsections lets them speak; a last one says it has no actions.
            b.section is not None and not b.actions and b.section.pk not in parents,
        )
        for b in found
    ]
    context = {
        "plan": plan,
        "form": form,
        "blocks": blocks,
        "when": when,
        "today": today,
        "is_past": when < today,
        "action_count": len(rows),
        "filtered": any(filters.values()),
        "related": related,
        "can_edit": access.can_edit_plan(request.user, plan),
        "transitions": available_transitions(request, plan),
        "transition_form": TransitionForm(organisation_id=plan.organisation_id),
        "last_transition": plan.transitions.select_related("by", "committee").last(),
        "narrative": plan.narrative.all(),
    }
    return render(request, "plans/plan_detail.html", context)


def action_detail(request: HttpRequest, action_uuid: str) -> HttpResponse:
    action = access.action_for_viewer(request.user, action_uuid)
    context = {
        "action": action,
        "plan": action.plan,
        "updates": action.updates.select_related("author", "entered_by").order_by(
            "-as_at", "-created_at"
        ),
        "revisions": action.due_revisions.select_related("recorded_by").order_by(
            "revised_on", "id"
        ),
        "milestones": action.milestones.all(),
        "ownerships": action.ownerships.prefetch_related(None)
        .select_related("person", "post", "organisation")
        .prefetch_related(
            Prefetch(
                "post__holdings",
                queryset=PostHolding.objects.held_on(services.today()).select_related("person"),
                to_attr="current",
            )
        ),
        "evidence": action.evidence.select_related("added_by"),
        "supersedes": action.supersedes.select_related("plan"),
        "can_close": access.can_edit_action(request.user, action) and not action.is_closed,
        "history": selectors.action_history(action),
        "flags": action_flags(action),
        "can_update": access.can_update_action(request.user, action),
        "can_edit": access.can_edit_action(request.user, action),
        "today": services.today(),
        "staleness": _staleness([action.pk], services.today()).get(action.pk),
    }
    return render(request, "plans/action_detail.html", context)


def _staleness(action_ids: list[int], today: dt.date) -> dict[int, object]:
    """Staleness comes from reporting cycles, imported here so plans loads without them."""
    if not apps.is_installed("stocktake.cycles"):
        return {}
    from stocktake.cycles.staleness import staleness_for

    return dict(staleness_for(action_ids, today))


@login_required
@require_http_methods(["GET", "POST"])
def action_update_add(request: HttpRequest, action_uuid: str) -> HttpResponse:
    action = access.action_for_updater(request.user, action_uuid)
    me = person_for(request.user)
    others = [p for p in selectors.action_people(action) if me is None or p.pk != me.pk]
    form = ProgressUpdateForm(
        request.POST or None, initial={"as_at": services.today()}, owners=others
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        data["author"] = data.get("author") or me
        # Asked for only when a reporting cycle has locked the period, so not a form field.
        reason = request.POST.get("change_reason", "")
        try:
            services.action_update_add(action=action, by=request.user, change_reason=reason, **data)
        except ValidationError as error:
            locked = getattr(error, "error_dict", {}).get("change_reason")
            form.add_error(None, ValidationError(locked) if locked else error)
        else:
            messages.success(request, "Update saved")
            return redirect("plans:action_detail", action_uuid=action.uuid)
    return render(request, "plans/action_update_form.html", {"action": action, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, action_uuid: str) -> HttpResponse:
    action = access.action_for_editor(request.user, action_uuid)
    today = services.today()
    form = ActionEditForm(request.POST or None, instance=action, today=today)
    if request.method == "POST" and form.is_valid() and not form.has_edits():
        messages.info(request, "No changes to save")
        return redirect("plans:action_detail", action_uuid=action.uuid)
    if request.method == "POST" and form.is_valid():
        try:
            _save_action_edit(request, form)
        except ValidationError as error:
            form.add_error(None, error)
        except services.ActionChanged:
            return _action_edit_conflict(request, form, action_uuid)
        else:
            messages.success(request, "Action saved")
            return redirect("plans:action_detail", action_uuid=action.uuid)
    return render(request, "plans/action_edit_form.html", {"action": action, "form": form})


def _action_edit_conflict(
    request: HttpRequest, submitted: ActionEditForm, action_uuid: str
) -> HttpResponse:
    """Nothing was saved: show both versions, and offer the editor's own again, now against the
    stored version, so saving it is a deliberate choice."""
    stored = access.action_for_editor(request.user, action_uuid)
    # Compare first: validating the form below copies the submitted values onto `stored`.
    rows = submitted.comparison(stored)
    data = request.POST.copy()
    data["version"] = stored.updated_at.isoformat()
    again = ActionEditForm(data, instance=stored, today=services.today())
    context = {"action": stored, "form": again, "rows": rows}
    return render(request, "plans/action_edit_conflict.html", context, status=409)


@transaction.atomic
def _save_action_edit(request: HttpRequest, form: ActionEditForm) -> None:
    action = form.instance
    data = form.cleaned_data
    changes = {name: data[name] for name in ActionEditForm.Meta.fields}
    services.action_edit(action=action, by=request.user, unchanged_since=data["version"], **changes)
    services.action_owners_set(action=action, people=list(data["owners"]), by=request.user)
    if form.due_changed():
        services.action_due_revise(
            action=action,
            new_due_text=data["new_due_text"].strip(),
            reason=data["due_reason"],
            agreed_by=data["due_agreed_by"],
            revised_on=data["due_revised_on"],
            by=request.user,
        )


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    today = services.today()
    actions = list(selectors.my_actions(signed_in_user(request), today=today))
    found = _staleness([a.pk for a in actions], today)
    for action in actions:
        action.staleness = found.get(action.pk)  # type: ignore[attr-defined]
        # Every action listed is the user's own; whether they may update it is their grants'.
        action.can_update = access.can_update_action(  # type: ignore[attr-defined]
            request.user, action, owned=True
        )
    return render(request, "plans/my_actions.html", {"actions": actions, "today": today})
