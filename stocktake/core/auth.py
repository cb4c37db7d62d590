from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in user; anyone else is refused (and sent to sign in by the middleware)."""
    if not isinstance(request.user, User):
        raise PermissionDenied("Sign in to see this page")
    return request.user
