"""Clear JSON errors: 400 with field messages, 401, 403, 404, 409 on an edit conflict, 429.

Only writes that check a version (`LOCKED_WRITE_ERRORS`) can answer 409, so only they say so.

Every error body is `{"detail": "...", "errors": {"field": ["message", ...]}}`; `errors` is
present for 400 only. Django's ValidationError (raised by the named rules) maps field by field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as SchemaError

from stocktake.plans.services import ActionChanged


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


ERRORS: dict[int, type[Schema]] = {
    400: Error,
    401: Error,
    403: Error,
    404: Error,
    429: Error,
}
WRITE_ERRORS: dict[int, type[Schema]] = dict(ERRORS)
LOCKED_WRITE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 409: Error}


class Conflict(Exception):
    """The item changed after the caller read it."""


def field_messages(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if k == "__all__" else k): [str(m) for m in v]
            for k, v in error.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def form_messages(errors: Any) -> dict[str, list[str]]:
    return {
        ("non_field_errors" if k == "__all__" else k): [str(m) for m in v]
        for k, v in errors.items()
    }


_LOCATIONS = ("body", "query", "path", "payload", "filters", "form")


def _schema_messages(error: SchemaError) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in error.errors:
        where = [str(p) for p in item.get("loc", ()) if p not in _LOCATIONS]
        message = _UNKNOWN if item.get("type") == "extra_forbidden" else str(item.get("msg"))
        found.setdefault(".".join(where) or "non_field_errors", []).append(message)
    return found


_UNKNOWN = "This field is not part of this request: leave it out (check its spelling)"


def install(api: NinjaAPI) -> None:
    def reply(request: HttpRequest, status: int, detail: str, **extra: Any) -> HttpResponse:
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return reply(request, 400, "The request was not valid", errors=field_messages(exc))

    @api.exception_handler(SchemaError)
    def malformed(request: HttpRequest, exc: SchemaError) -> HttpResponse:
        return reply(request, 400, "The request was not valid", errors=_schema_messages(exc))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return reply(request, 401, "Give a valid API token, or sign in")

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return reply(request, 403, str(exc) or "You cannot do that")

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return reply(request, 404, str(exc) or "Not found")

    @api.exception_handler(ActionChanged)
    def changed(request: HttpRequest, exc: ActionChanged) -> HttpResponse:
        return reply(
            request,
            409,
            "The action has changed since you read it; fetch it again and resend your change",
        )

    @api.exception_handler(Conflict)
    def conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return reply(request, 409, str(exc))

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        response = reply(request, 429, "Too many requests: wait, then try again")
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return reply(request, exc.status_code, str(exc))
