"""Single sign-on with OpenID Connect (Microsoft Entra ID, Google…) beside password sign-in.

Nobody registers themselves: the provider's verified email must belong to an active login, or to a
person who has no login yet (who then gets one). Everyone else is refused with a message saying why.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from mozilla_django_oidc.auth import (  # type: ignore[import-untyped]
    OIDCAuthenticationBackend,
    default_username_algo,
)
from mozilla_django_oidc.views import (  # type: ignore[import-untyped]
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from stocktake.core.recording import save_recorded

from .models import Person

BACKEND = "stocktake.accounts.oidc.StocktakeOIDCBackend"
ASK = "Ask your performance officer"
LOGGER = logging.getLogger(__name__)


def oidc_enabled() -> bool:
    """Settings add the backend only when a provider is fully configured."""
    return BACKEND in settings.AUTHENTICATION_BACKENDS


def sign_in_options(request: HttpRequest) -> dict[str, object]:
    """Context processor: the provider's name for the "Sign in with …" button, when there is one."""
    return {"oidc_provider_name": settings.OIDC_PROVIDER_NAME} if oidc_enabled() else {}


class StocktakeOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    request: HttpRequest

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> User | None:
        # Django offers every backend every set of credentials; only the OIDC callback's are ours.
        if request is None or set(credentials) - {"nonce", "code_verifier"}:
            return None
        user: User | None = super().authenticate(request, **credentials)
        return user

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        try:
            return self.user_for_claims(self.get_userinfo(access_token, id_token, payload))
        except Refused as refusal:
            LOGGER.info("OpenID Connect sign-in refused: %s", refusal)
            messages.error(self.request, str(refusal), fail_silently=True)
            return None

    def user_for_claims(self, claims: dict[str, Any]) -> User:
        """The login these claims from the provider belong to; Refused says why there is none."""
        email = str(claims.get("email") or "").strip()
        if not email:
            raise Refused(f"{provider()} did not tell Stocktake your email address. {ASK}.")
        if claims.get("email_verified", True) in (False, "false"):
            raise Refused(
                f"{provider()} has not verified your email address, {email}, "
                "so Stocktake cannot sign you in with it."
            )
        users = list(
            User.objects.filter(Q(email__iexact=email) | Q(person__email__iexact=email)).distinct()
        )
        if len(users) == 1:
            if not self.user_can_authenticate(users[0]):
                raise Refused(f"Your Stocktake login has been switched off. {ASK}.")
            return users[0]
        people = list(
            Person.objects.filter(
                email__iexact=email, user__isnull=True, merged_into__isnull=True
            ).exclude(left_on__lte=timezone.localdate())
        )
        if len(users) > 1 or len(people) > 1:
            raise Refused(
                f"More than one person in Stocktake has the email address {email}. "
                f"{ASK} to remove the duplicate."
            )
        if not people:
            raise Refused(
                f"Your email address, {email}, is not known to Stocktake. "
                f"{ASK} to add you, then sign in again."
            )
        return user_for_person_create(person=people[0], email=email)

    def get_user(self, user_id: int) -> User | None:
        # A login switched off after signing in loses its session at the next request.
        user: User | None = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class Refused(Exception):
    """Single sign-on found no login for someone; the message tells them why and what to do."""


@transaction.atomic
def user_for_person_create(*, person: Person, email: str) -> User:
    """A login for a person who had none, named after them, with no password."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.user_id is not None:  # linked a moment ago, by another sign-in or an administrator
        raise Refused("Stocktake has just given you a login. Sign in again.")
    username = email.lower()
    if User.objects.filter(username__iexact=username).exists():
        username = default_username_algo(email)
    first, _, last = person.name.partition(" ")
    user = User.objects.create_user(username, email=email, first_name=first, last_name=last)
    person.user = user
    save_recorded(person, user)
    return user


def provider() -> str:
    return str(settings.OIDC_PROVIDER_NAME)


class AuthenticationRequestView(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """Sends the browser to the provider; there is no such page when single sign-on is off."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not oidc_enabled():
            raise Http404("Single sign-on is not set up")
        response: HttpResponse = super().dispatch(request, *args, **kwargs)
        return response


class CallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """Where the provider sends the browser back; a failure returns to the sign-in page."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not oidc_enabled():
            raise Http404("Single sign-on is not set up")
        response: HttpResponse = super().dispatch(request, *args, **kwargs)
        return response

    @property
    def failure_url(self) -> str:
        return reverse("login")

    def login_failure(self) -> HttpResponse:
        if not len(messages.get_messages(self.request)):
            messages.error(
                self.request,
                f"Signing in with {provider()} did not finish. "
                "Try again, or sign in with your username and password.",
            )
        response: HttpResponse = super().login_failure()
        return response
