"""Targets from an export, upserted in one executemany: as many as values, so built the same way.

Compiling bulk_create's SQL cost more than the rest of a move-in's targets (measured on 50,000);
this prepares each value once with the field's own get_db_prep_save, as the indicators app's
`dataset_write` does for values. The upsert reads the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import connection, models
from django.utils import timezone

from stocktake.indicators.models import Target

_COLUMNS = [
    "uuid", "created_at", "updated_at", "organisation", "indicator", "period_label",
    "period_start", "period_end", "name", "is_primary", "value", "text", "tolerance_kind",
]  # fmt: skip
_REPLACED = ["updated_at", "period_label", "value", "text"]
_UNIQUE = ["indicator", "period_start", "period_end", "name"]


def _field(name: str) -> models.Field[Any, Any]:
    found = Target._meta.get_field(name)
    assert isinstance(found, models.Field)
    return found


def _column(name: str) -> str:
    return connection.ops.quote_name(_field(name).get_attname_column()[1] or name)


def _sql() -> str:
    table = connection.ops.quote_name(Target._meta.db_table)
    columns = ", ".join(_column(c) for c in _COLUMNS)
    marks = ", ".join(["%s"] * len(_COLUMNS))
    unique = ", ".join(_column(c) for c in _UNIQUE)
    replaced = ", ".join(f"{_column(c)} = excluded.{_column(c)}" for c in _REPLACED)
    # Only the model's own table and column names go into the text; values are parameters.
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) "  # noqa: S608  # nosec
        f"ON CONFLICT ({unique}) DO UPDATE SET {replaced}"
    )


def _other_primaries(targets: list[Target]) -> set[tuple[int, Any, Any]]:
    """Periods whose primary target is already another kind (an LAA or stretch target)."""
    found = Target.objects.filter(
        indicator_id__in={t.indicator_id for t in targets},
        is_primary=True,
    ).exclude(name=Target.Name.LOCAL)
    return set(found.values_list("indicator_id", "period_start", "period_end"))


def upsert_targets(targets: list[Target]) -> None:
    """Insert or replace each period's local target (absolute tolerance). It is the period's
    primary target unless the period already has another kind as primary, which stays so."""
    now = _field("created_at").get_db_prep_save(timezone.now(), connection)
    taken = _other_primaries(targets) if targets else set()
    day = _field("period_start")
    native = connection.features.has_native_uuid_field
    params = [
        (
            uuid.uuid4() if native else uuid.uuid4().hex,
            now,
            now,
            t.organisation_id,
            t.indicator_id,
            t.period_label,
            day.get_db_prep_save(t.period_start, connection),
            day.get_db_prep_save(t.period_end, connection),
            Target.Name.LOCAL.value,
            (t.indicator_id, t.period_start, t.period_end) not in taken,
            t.value,
            t.text,
            Target.ToleranceKind.ABSOLUTE.value,
        )
        for t in targets
    ]
    if params:
        with connection.cursor() as cursor:
            cursor.executemany(_sql(), params)
