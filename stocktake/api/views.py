"""Your API tokens: make one (its secret is shown once, then only its hash is kept), revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from stocktake.core.auth import signed_in_user

from . import access, selectors, services
from .forms import TokenForm

_NEW = "api_new_token"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = TokenForm(request.POST or None, organisations=selectors.organisations_for_tokens(user))
    if request.method == "POST" and form.is_valid():
        try:
            _, raw = services.token_create(user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Kept in the session for the one page that shows it, then gone.
            request.session[_NEW] = raw
            messages.success(request, "Token made: copy it now, it will not be shown again")
            return redirect("api_token_list")
    context = {
        "form": form,
        "tokens": selectors.tokens_of(user),
        "new_token": request.session.pop(_NEW, None),
    }
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_uuid: str) -> HttpResponse:
    token = access.token_for_owner(signed_in_user(request), token_uuid)
    services.token_revoke(token=token)
    messages.success(request, f"Token “{token.name}” revoked")
    return redirect("api_token_list")
