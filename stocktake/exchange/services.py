"""Export and import of a whole organisation; commands and the download call these."""

from __future__ import annotations

import json
from typing import Any

from django.utils.text import slugify

from stocktake.accounts.models import Organisation

from .csvzip import export_zip, write_zip
from .decode import ImportFailed, organisation_import
from .encode import ExportError, organisation_export
from .text import export_text

__all__ = [
    "ExportError",
    "ImportFailed",
    "export_json",
    "export_text",
    "export_zip",
    "organisation_export",
    "organisation_import",
    "organisation_named",
    "write_zip",
]


def export_json(export: dict[str, Any]) -> str:
    """Stable text: keys sorted, two-space indents, so two exports of the same data diff clean."""
    return json.dumps(export, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def organisation_named(text: str) -> Organisation | None:
    """An organisation by UUID, or by its name's slug ("uttlesford-district-council")."""
    found = Organisation.objects.filter(uuid=text).first() if _is_uuid(text) else None
    if found is None:
        matches = [o for o in Organisation.objects.all() if slugify(o.name) == slugify(text)]
        found = matches[0] if len(matches) == 1 else None
    return found


def _is_uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
