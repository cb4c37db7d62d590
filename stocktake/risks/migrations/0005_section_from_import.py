"""The section of risks and equality assessments imported before they kept it.

Read once from each plan's first import: every item of the paper's preview names its section,
and the plan's sections were made from the preview's list in that order (a section's position
is its place in the list). Items are matched by kind and title, two of the same title taking
their sections in the paper's order, as the importer saved them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import migrations

KINDS = (("Risk", "risk"), ("EqualityAssessment", "equality_assessment"))


def _title(text: object) -> str:
    return " ".join(str(text or "").split())[:300]


def _places(preview: dict[str, Any], section_ids: dict[int, int]) -> dict[Any, list[int | None]]:
    """(kind, title) of each item of the paper → the sections they came from, in order."""
    place: dict[str, int] = {}
    for index, entry in enumerate(preview.get("sections") or []):
        # The importer kept the first section of a title.
        place.setdefault(entry.get("title"), index)
    places: dict[Any, list[int | None]] = defaultdict(list)
    for item in preview.get("items") or []:
        index = place.get(item.get("section"))
        found = section_ids.get(index) if index is not None else None
        places[(str(item.get("kind")), _title(item.get("text")))].append(found)
    return places


def sections_from_import(apps: Any, schema_editor: Any) -> None:
    try:
        records = apps.get_model("imports", "ImportRecord").objects
    except LookupError:  # the importer is not installed: nothing was imported
        return
    sections = apps.get_model("plans", "Section").objects
    models = [(apps.get_model("risks", name), kind) for name, kind in KINDS]
    plan_ids: set[int] = set()
    for model, _ in models:
        plan_ids |= set(
            model.objects.filter(plan__isnull=False, section__isnull=True).values_list(
                "plan_id", flat=True
            )
        )
    for plan_id in sorted(plan_ids):
        preview = (
            records.filter(plan_id=plan_id, status="imported")
            .order_by("created_at", "id")
            .values_list("preview", flat=True)
            .first()
        )
        if not isinstance(preview, dict):
            continue
        section_ids: dict[int, int] = {}
        for pk, position in (
            sections.filter(plan_id=plan_id)
            .order_by("position", "id")
            .values_list("pk", "position")
        ):
            section_ids.setdefault(position, pk)
        places = _places(preview, section_ids)
        for model, kind in models:
            rows = model.objects.filter(plan_id=plan_id).order_by("position", "id")
            for pk, title, current in rows.values_list("pk", "title", "section_id"):
                found = places.get((kind, _title(title)))
                section_id = found.pop(0) if found else None
                if current is None and section_id is not None:
                    model.objects.filter(pk=pk).update(section_id=section_id)


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_initial"),
        ("plans", "0004_update_reason_and_sign_off"),
        ("risks", "0004_section"),
    ]

    operations = [migrations.RunPython(sections_from_import, migrations.RunPython.noop)]
