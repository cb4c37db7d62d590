"""Records are addressed by UUID in every URL; a malformed one is simply not found."""

from __future__ import annotations

import uuid

from django.http import Http404


def parse_uuid(value: str | uuid.UUID, what: str = "item") -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404(f"No such {what}") from None
