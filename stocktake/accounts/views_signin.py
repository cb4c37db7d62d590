"""The password sign-in page, throttled against guessing (see throttle.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.views import LoginView

from .forms import ThrottledAuthenticationForm


class SignInView(LoginView):
    authentication_form = ThrottledAuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # The login view names the current site itself; ours is the service name from settings.
        return super().get_context_data(**kwargs) | {"site_name": settings.SITE_NAME}
