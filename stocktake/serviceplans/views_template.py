"""The council's service plan template: the performance team and administrators change it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in
from stocktake.core.ids import parse_uuid

from . import services
from .forms_template import TemplateSectionForm
from .models import TemplateSection


def _may_change(user: AnyUser, organisation_id: int) -> bool:
    capabilities = capabilities_in(user, organisation_id, None)
    return Capability.EDIT_ALL in capabilities or Capability.ADMINISTER in capabilities


@login_required
@require_http_methods(["GET", "POST"])
def template_detail(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = Organisation.objects.filter(
        uuid=parse_uuid(organisation_uuid, "organisation")
    ).first()
    if organisation is None:
        raise Http404("No such organisation")
    if not _may_change(request.user, organisation.pk):
        raise PermissionDenied("Only the performance team changes the template")
    template = services.template_ensure(organisation=organisation, by=request.user)
    form = TemplateSectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        key = slugify(changes["heading"])[:40].replace("-", "_") or "section"
        if template.sections.filter(key=key).exists():
            form.add_error("heading", "The template already has a section with this heading")
        else:
            services.template_section_add(template=template, key=key, by=request.user, **changes)
            messages.success(request, "Section added to the template")
            return redirect("serviceplans:template", organisation_uuid=organisation.uuid)
    context = {"organisation": organisation, "template": template, "form": form}
    return render(request, "serviceplans/template.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def template_section_edit(request: HttpRequest, template_section_uuid: str) -> HttpResponse:
    section = (
        TemplateSection.objects.select_related("organisation")
        .filter(uuid=parse_uuid(template_section_uuid, "section"))
        .first()
    )
    if section is None:
        raise Http404("No such section")
    if not _may_change(request.user, section.organisation_id):
        raise PermissionDenied("Only the performance team changes the template")
    form = TemplateSectionForm(request.POST or None, section=section)
    if request.method == "POST" and form.is_valid():
        services.template_section_edit(section=section, by=request.user, **form.changes())
        messages.success(request, "Template section saved")
        return redirect("serviceplans:template", organisation_uuid=section.organisation.uuid)
    return render(
        request, "serviceplans/template_section_form.html", {"section": section, "form": form}
    )
