"""Named business rules for API tokens and requests, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError


def token_needs_name(name: str) -> None:
    """A token says what uses it, so its owner can revoke the right one."""
    if not name.strip():
        raise ValidationError({"name": "Enter what will use the token, for example Power BI"})


def token_only_where_member(is_member: bool) -> None:
    """A token acts within an organisation its owner belongs to, never beyond."""
    if not is_member:
        raise ValidationError({"organisation": "Choose an organisation you belong to"})


def version_is_readable(version: str) -> None:
    """A change names the version it was made against, exactly as the API gave it."""
    try:
        dt.datetime.fromisoformat(version)
    except ValueError:
        raise ValidationError(
            {"version": "Send the `version` exactly as you read it from the action"}
        ) from None
