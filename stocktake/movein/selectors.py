"""Reads for the mapping page: what the file's columns are and what words and periods it uses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import shorten
from typing import Any

from stocktake.core import progress
from stocktake.core.periods import Period
from stocktake.plans.models import Action

from .fields import VOCABULARY_FIELDS, normalise
from .models import Kind, MappingProfile, MoveIn, MoveInJob
from .periods import period_in
from .reading import read_sheets
from .shipped import SHIPPED, shipped_mapping

SCANNED_ROWS = 5000  # enough to see an export's status words and periods
DISTINCT = 200  # values kept per column: enough for 16 years of quarters
WORDS = 40  # a column with more different values than this is not a vocabulary
SharedRef = tuple[str, list[tuple[str, str]]]  # a reference, and its actions (UUID, label)


@dataclass
class Scan:
    headers: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)  # normalised header → values

    def distinct(self, header: str) -> list[str]:
        return self.values.get(normalise(header), [])


def scan(path: Path) -> Scan:
    found = Scan()
    seen: dict[str, dict[str, None]] = {}
    rows = 0
    for sheet in read_sheets(path):
        found.sheets.append(sheet.title)
        for header in sheet.header:
            if header.strip() and normalise(header) not in {normalise(h) for h in found.headers}:
                found.headers.append(header.strip())
        for _, cells in sheet.rows:
            rows += 1
            if rows > SCANNED_ROWS:
                break
            for header, cell in zip(sheet.header, cells, strict=False):
                bucket = seen.setdefault(normalise(header), {})
                if cell and len(bucket) <= DISTINCT:
                    bucket.setdefault(cell, None)
    found.values = {k: list(v) for k, v in seen.items() if len(v) <= DISTINCT}
    return found


def vocabulary_words(found: Scan, mapping: dict[str, Any]) -> list[str]:
    columns = mapping.get("columns") or {}
    words: dict[str, None] = {}
    for name in VOCABULARY_FIELDS:
        values = found.distinct(columns.get(name, ""))
        for word in values if len(values) <= WORDS else []:
            words.setdefault(" ".join(word.split()), None)
    return list(words)


def period_texts(
    found: Scan, mapping: dict[str, Any], sheets: list[str]
) -> list[tuple[str, Period | None]]:
    """Each period text the file uses, with what it is read as (None: not understood)."""
    column = (mapping.get("columns") or {}).get("period", "")
    date_periods = mapping.get("date_periods", "")
    overrides = mapping.get("periods") or None
    texts = found.distinct(column) if column else []
    if not column:
        used = {normalise(h) for h in (mapping.get("columns") or {}).values() if h}
        texts = [h for h in found.headers if normalise(h) not in used]
    sheet = sheets[0] if len(sheets) == 1 else ""
    shown = []
    for text in texts:
        period = period_in(text, sheet=sheet, date_periods=date_periods, overrides=overrides)
        if column or period is not None or any(c.isdigit() for c in text):
            shown.append((text, period))
    return shown


def shared_refs(found: Scan, movein: MoveIn, mapping: dict[str, Any]) -> list[SharedRef]:
    """References in the file's action column that more than one action of the plan has, each
    with those actions (UUID, label): the officer says which one its rows mean. When the file
    has too many references to scan, every shared reference of the plan is listed."""
    column = (mapping.get("columns") or {}).get("ref", "")
    if movein.kind != Kind.UPDATES or movein.plan_id is None or not column:
        return []
    actions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    spelt: dict[str, str] = {}
    for ref, uuid, text in Action.objects.filter(
        plan_id=movein.plan_id, organisation_id=movein.organisation_id
    ).values_list("ref", "uuid", "text"):
        if key := ref.strip().casefold():
            actions[key].append((str(uuid), f"{ref.strip()}: {shorten(text, 90)}"))
            spelt.setdefault(key, ref.strip())
    scanned = normalise(column) in found.values
    in_file = {v.strip().casefold(): v.strip() for v in found.distinct(column)}
    return [
        (in_file.get(key, spelt[key]), choices)
        for key, choices in actions.items()
        if len(choices) > 1 and (key in in_file or not scanned)
    ]


def profile_choices(profiles: list[MappingProfile]) -> list[tuple[str, str]]:
    return [
        ("", "Suggest from the column headings"),
        *[(str(p.uuid), f"{p.name} (saved)") for p in profiles],
        *[(key, f"{value['name']} (shipped)") for key, value in SHIPPED.items()],
    ]


def profile_mapping(choice: str, profiles: list[MappingProfile]) -> dict[str, Any] | None:
    if not choice:
        return None
    for profile in profiles:
        if str(profile.uuid) == choice:
            return dict(profile.mapping) | {"kind": profile.kind, "profile": profile.name}
    return shipped_mapping(choice)


def recent_moveins(organisation_ids: list[int]) -> list[MoveIn]:
    return list(
        MoveIn.objects.filter(organisation_id__in=organisation_ids).select_related("organisation")[
            :20
        ]
    )


def latest_job(movein: MoveIn, *, dry_run: bool | None = None) -> MoveInJob | None:
    """The move-in's last run (of either kind, or only dry runs or imports): its status."""
    jobs = MoveInJob.objects.filter(movein=movein)
    if dry_run is not None:
        jobs = jobs.filter(dry_run=dry_run)
    job = jobs.order_by("-created_at", "-id").first()
    if job is not None and job.under_way:
        job.rows_done = progress.shown(job, "rows_done")
    return job
