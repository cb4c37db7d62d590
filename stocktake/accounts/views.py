"""People pages for administrators: who owns what, leavers, vacant posts and duplicates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.plans import services_ownership as ownership

from . import access
from .forms import LeaveForm, MergeForm, ReassignForm
from .models import Organisation, Person, Post, PostHolding


def _back(organisation: Organisation, name: str) -> HttpResponse:
    return redirect(f"{reverse(name)}?organisation={organisation.uuid}")


@login_required
def people_list(request: HttpRequest) -> HttpResponse:
    organisation = access.organisation_for_admin(request.user, request.GET.get("organisation"))
    today = timezone.localdate()
    holdings = PostHolding.objects.held_on(today).select_related("post")
    people = (
        Person.objects.filter(organisation=organisation, merged_into__isnull=True)
        .annotate(items=Count("ownerships", distinct=True))
        .select_related("user")
        .prefetch_related(Prefetch("post_holdings", queryset=holdings, to_attr="current"))
    )
    posts = (
        Post.objects.filter(organisation=organisation)
        .annotate(items=Count("ownerships", distinct=True))
        .prefetch_related(
            Prefetch("holdings", queryset=holdings.select_related("person"), to_attr="current")
        )
    )
    context = {
        "organisation": organisation,
        "organisations": access.administered_organisations(request.user),
        "people": people,
        "posts": posts,
        "leave_form": LeaveForm(initial={"left_on": today}),
    }
    return render(request, "accounts/people_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reassign(request: HttpRequest) -> HttpResponse:
    organisation = access.organisation_for_admin(
        request.user, request.GET.get("organisation") or request.POST.get("organisation")
    )
    form = ReassignForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        moved = ownership.owners_reassign(
            from_person=data["from_person"],
            from_post=data["from_post"],
            to_person=data["to_person"],
            by=request.user,
        )
        messages.success(
            request, f"{moved} item{'s' if moved != 1 else ''} moved to {data['to_person']}"
        )
        return _back(organisation, "accounts:reassign")
    listing = ownership.needing_new_owners(organisation)
    people = Person.objects.filter(
        Q(pk__in=[p.pk for p in listing.leavers]), organisation=organisation
    ).annotate(items=Count("ownerships"))
    posts = Post.objects.filter(pk__in=[p.pk for p in listing.vacant_posts]).annotate(
        items=Count("ownerships")
    )
    context = {"organisation": organisation, "form": form, "leavers": people, "vacant": posts}
    return render(request, "accounts/reassign.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def duplicates(request: HttpRequest) -> HttpResponse:
    organisation = access.organisation_for_admin(
        request.user, request.GET.get("organisation") or request.POST.get("organisation")
    )
    form = MergeForm(request.POST or None, organisation=organisation)
    if request.method == "POST":
        if form.is_valid():
            keep = ownership.people_merge(by=request.user, **form.cleaned_data)
            messages.success(request, f"Merged into {keep.name}")
        else:
            messages.error(request, "Those two people cannot be merged")
        return _back(organisation, "accounts:duplicates")
    proposals = ownership.duplicate_people(organisation)
    return render(
        request,
        "accounts/duplicates.html",
        {"organisation": organisation, "proposals": proposals},
    )


@login_required
@require_POST
def person_leave(request: HttpRequest, person_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_admin(request.user, request.POST.get("organisation"))
    person = access.person_in(organisation, person_uuid)
    form = LeaveForm(request.POST)
    if form.is_valid():
        ownership.person_leave(person=person, left_on=form.cleaned_data["left_on"], by=request.user)
        messages.success(request, f"{person.name} recorded as having left")
    else:
        messages.error(request, "Enter a real date for when they left")
    return _back(organisation, "accounts:people")
