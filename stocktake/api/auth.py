"""Who is calling: a system with a token, a person signed in to the browser, or the public.

A token acts as its owner within its organisation (`request.user` becomes the owner, so every
gatekeeper sees the same person the web pages would). Browser sessions are checked for CSRF on
writes. Reads also answer anonymous callers, who see only published data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth

from stocktake.accounts.selectors import AnyUser

from .models import ApiToken
from .selectors import token_for_secret
from .services import token_touch


@dataclass(frozen=True)
class Caller:
    """The user the API acts as, and the organisation a token confines them to."""

    user: AnyUser
    organisation_id: int | None = None

    def __str__(self) -> str:  # the throttles key on this
        return f"{self.user.pk}:{self.organisation_id}"

    def __bool__(self) -> bool:
        return True


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Caller:
        found: ApiToken | None = token_for_secret(token.strip())
        if found is None:
            # A wrong token is an error, not a quiet fall back to anonymous reading.
            raise AuthenticationError()
        token_touch(token=found)
        request.user = found.user
        return Caller(found.user, found.organisation_id)


CSRF_MISSING = (
    "A write from a signed-in browser needs the CSRF token: send the X-CSRFToken header with "
    "the csrftoken cookie's value, or authenticate with an API token instead"
)


class BrowserSession(SessionAuth):
    def _get_key(self, request: HttpRequest) -> str | None:
        # Without a signed-in session there is nothing to protect from forgery: answer 401.
        if not request.user.is_authenticated:
            return None
        try:
            return super()._get_key(request)
        except HttpError:
            raise PermissionDenied(CSRF_MISSING) from None

    def authenticate(self, request: HttpRequest, key: str | None) -> Caller | None:
        if isinstance(request.user, User) and request.user.is_authenticated:
            return Caller(request.user)
        return None


def anonymous(request: HttpRequest) -> Caller:
    request.user = AnonymousUser()
    return Caller(AnonymousUser())


WRITE = [TokenAuth(), BrowserSession(csrf=True)]
READ = [*WRITE, anonymous]


def caller(request: HttpRequest) -> Caller:
    found = getattr(request, "auth", None)
    assert isinstance(found, Caller), "every operation names READ or WRITE as its auth"
    return found
