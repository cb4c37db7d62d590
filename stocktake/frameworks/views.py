"""Framework pages: the list, one framework's tree and rule, upload and download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from stocktake.core.auth import signed_in_user

from . import access, formats, scoring, selectors, services
from .forms import FrameworkUploadForm
from .models import Framework


def framework_list(request: HttpRequest) -> HttpResponse:
    signed_in_user(request)
    context = {
        "frameworks": Framework.objects.order_by("code", "version"),
        "can_load": access.can_load_frameworks(request.user),
    }
    return render(request, "frameworks/framework_list.html", context)


def framework_detail(request: HttpRequest, framework_uuid: str) -> HttpResponse:
    framework = access.framework_for_viewer(request.user, framework_uuid)
    labels = selectors.labels_for(framework)
    context = {
        "framework": framework,
        "scale": framework.scale.all(),
        "themes": selectors.framework_tree(framework),
        "rule": scoring.rule_in_words(framework.rule, labels.get(framework.threshold, "")),
        "target": labels.get(framework.target, ""),
        "levels": list(enumerate(framework.level_names or [], start=1)),
    }
    return render(request, "frameworks/framework_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def framework_upload(request: HttpRequest) -> HttpResponse:
    if not access.can_load_frameworks(request.user):
        raise PermissionDenied("Only administrators load frameworks")
    form = FrameworkUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = formats.read_framework_file(upload.name, upload.read())
            framework = services.framework_load(data=data, by=request.user)
        except ValidationError as error:
            form.add_error("file", " ".join(error.messages))
        else:
            messages.success(request, f"Loaded {framework}")
            return redirect("frameworks:framework_detail", framework_uuid=framework.uuid)
    context = {"form": form, "columns": formats.COLUMNS}
    return render(request, "frameworks/framework_upload.html", context)


CONTENT = {
    "json": "application/json",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def framework_download(request: HttpRequest, framework_uuid: str, fmt: str) -> HttpResponse:
    framework = access.framework_for_viewer(request.user, framework_uuid)
    data = selectors.framework_as_data(framework)
    body: str | bytes = (
        formats.to_json(data)
        if fmt == "json"
        else formats.to_csv(data)
        if fmt == "csv"
        else formats.to_xlsx(data)
    )
    response = HttpResponse(body, content_type=CONTENT[fmt])
    name = f"{framework.code}-{framework.version}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
