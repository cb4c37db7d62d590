"""Named business rules for organisations and people, one line of policy each."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

# ONS Government Statistical Service codes: an entity letter (E, W, S, N) and eight digits.
GSS_CODE = re.compile(r"[A-Z][0-9]{8}")


def organisation_needs_name(name: str) -> None:
    """An organisation must be called something."""
    if not name.strip():
        raise ValidationError({"name": "Enter the council's name"})


def organisation_name_not_taken(name: str, *, taken: bool) -> None:
    """Names pick organisations out everywhere (admin, exports, imports), so no two share one."""
    if taken:
        raise ValidationError(
            {"name": f"Another organisation is already called {name}; choose a different name"}
        )


def gss_code_is_a_code(code: str) -> None:
    """A GSS code is a letter and eight digits (E07000077), or blank while unknown."""
    if code and not GSS_CODE.fullmatch(code):
        message = "Enter a GSS code as a letter and 8 digits, like E07000077, or leave it blank"
        raise ValidationError({"gss_code": message})
