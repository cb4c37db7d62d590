"""Saved mapping profiles and the record of each move-in (its file by name only)."""

from __future__ import annotations

from stocktake.exchange.tables import Table

from .models import MappingProfile, MoveIn, MoveInJob

TABLES = [
    Table(
        "movein.mappingprofile",
        MappingProfile,
        lambda org: MappingProfile.objects.filter(organisation=org),
    ),
    Table("movein.movein", MoveIn, lambda org: MoveIn.objects.filter(organisation=org)),
    # Each check or run in the background and its outcome.
    Table(
        "movein.moveinjob",
        MoveInJob,
        lambda org: MoveInJob.objects.filter(movein__organisation=org),
    ),
]
