"""Every write of moving in: saving profiles, recording an upload, the dry run and the import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans.models import Plan

from . import rules
from .engine import DatasetUnreadable, MoveInRejected, movein_run
from .fields import suggest_columns
from .models import UNDER_WAY, MappingProfile, MoveIn
from .selectors import scan

SAVED_KEYS = ("columns", "statuses", "periods", "date_periods", "unmatched")


@transaction.atomic
def profile_save(
    *, organisation: Organisation, name: str, kind: str, mapping: dict[str, Any], by: Actor
) -> MappingProfile:
    """Save (or replace) a named mapping for the organisation's next export of this shape."""
    rules.profile_needs_name(name)
    profile = MappingProfile.objects.filter(
        organisation=organisation, name=name.strip()
    ).first() or MappingProfile(organisation=organisation, name=name.strip())
    profile.kind = kind
    profile.mapping = {k: mapping[k] for k in SAVED_KEYS if k in mapping}
    save_recorded(profile, by)
    return profile


@transaction.atomic
def movein_upload(
    *,
    organisation: Organisation,
    kind: str,
    upload: UploadedFile,
    by: Actor,
    plan: Plan | None = None,
    mapping: dict[str, Any] | None = None,
) -> MoveIn:
    """Keep the file and start its mapping: a profile's, or one suggested from its headings."""
    rules.updates_need_plan(kind, plan is not None)
    name = Path(upload.name or "export").name
    movein = MoveIn(
        organisation=organisation, plan=plan, kind=kind, source=name[:300], by=acting_user(by)
    )
    movein.file.save(name, upload, save=False)
    try:
        found = scan(Path(movein.file.path))
    except DatasetUnreadable:
        movein.file.delete(save=False)
        raise
    movein.mapping = {"kind": kind, "unmatched": "error"} | (mapping or {})
    movein.mapping["kind"] = kind
    if not movein.mapping.get("columns"):
        movein.mapping["columns"] = suggest_columns(kind, found.headers)
    movein.save()
    return movein


@transaction.atomic
def movein_remap(*, movein: MoveIn, mapping: dict[str, Any], by: Actor) -> MoveIn:
    """Keep a changed mapping without checking it yet: new columns bring new words to map."""
    rules.imported_once(movein.state)
    rules.one_run_at_a_time(movein.jobs.filter(status__in=UNDER_WAY).exists())
    movein.mapping = mapping | {"kind": movein.kind}
    movein.state = MoveIn.State.UPLOADED
    movein.save()
    return movein


Progress = Callable[[int], object] | None


def movein_check(
    *, movein: MoveIn, mapping: dict[str, Any], by: Actor, progress: Progress = None
) -> dict[str, Any]:
    """The dry run: the whole import worked out and rolled back; its report kept for the preview.

    The web runs it in the background worker (jobs.py); `progress` hears of rows as they go.
    """
    rules.imported_once(movein.state)
    movein.mapping = mapping | {"kind": movein.kind}
    try:
        report = _run(movein, by, dry_run=True, progress=progress)
    except MoveInRejected as error:
        report = error.report.as_json()
        movein.state = MoveIn.State.UPLOADED
    except DatasetUnreadable as error:
        report = {"unreadable": str(error), "error_count": 1, "errors": [str(error)]}
        movein.state = MoveIn.State.UPLOADED
    else:
        movein.state = MoveIn.State.CHECKED
    movein.report = report
    movein.save()
    return report


@transaction.atomic
def movein_confirm(*, movein: MoveIn, by: Actor, progress: Progress = None) -> dict[str, Any]:
    """The import itself, all or nothing. MoveInRejected/DatasetUnreadable if it cannot run.

    The move-in is marked imported in the same transaction as its rows, so a run that stops
    part-way leaves it unimported and nothing written.
    """
    rules.imported_once(movein.state)
    rules.checked_before_import(movein.state)
    report = _run(movein, by, dry_run=False, progress=progress)
    movein.report = report
    movein.state = MoveIn.State.IMPORTED
    movein.save()
    return report


def _run(movein: MoveIn, by: Actor, *, dry_run: bool, progress: Progress) -> dict[str, Any]:
    return movein_run(
        path=Path(movein.file.path),
        organisation=movein.organisation,
        plan=movein.plan,
        mapping=movein.mapping,
        by=by,
        dry_run=dry_run,
        source=movein.source,
        progress=progress,
    )
