"""Progress of long background work, written where the status page can see it.

Long work that must be all or nothing runs in one transaction, so a count written on its own
connection would only show once it had finished. On PostgreSQL the count goes through a second,
autocommitting connection instead. SQLite allows one writer at a time, so there the count goes
to a small database file of its own beside the main one (`side_file`), and pages reading a job
take the larger of the two counts (`shown`).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils import timezone


class Meter:
    """Adds up the rows a piece of work reports (a negative number takes rows back, when the
    work starts over) and writes the count to ``field`` of one job row at most every
    ``every`` seconds, and when the count reaches ``total``. Close it when the work ends."""

    def __init__(
        self, model: type[Model], job_id: int, field: str, *, total: int = 0, every: float = 2.0
    ) -> None:
        self.model, self.job_id, self.field = model, job_id, field
        self.total, self.every = total, every
        self.rows = 0
        self.written = time.monotonic()
        self.side: BaseDatabaseWrapper | None = None

    def add(self, rows: int) -> None:
        self.rows = max(self.rows + rows, 0)
        if time.monotonic() - self.written >= self.every or self.rows == self.total:
            self.write()

    def write(self) -> None:
        self.written = time.monotonic()
        now = timezone.now()
        if not connection.in_atomic_block:
            rows = self.model._default_manager.filter(pk=self.job_id)
            rows.update(**{self.field: self.rows, "updated_at": now})
            return
        if connection.vendor != "postgresql":
            with _side() as side:
                side.execute(
                    "INSERT INTO progress (job, rows) VALUES (?, ?) "
                    "ON CONFLICT (job) DO UPDATE SET rows = excluded.rows",
                    [_key(self.model, self.job_id), self.rows],
                )
            return
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        table = connection.ops.quote_name(self.model._meta.db_table)
        field = self.model._meta.get_field(self.field)
        assert isinstance(field, models.Field)
        column = connection.ops.quote_name(field.column)
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column} = %s, updated_at = %s WHERE id = %s",  # noqa: S608  # nosec B608
                [self.rows, now, self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
            self.side = None
        if connection.vendor != "postgresql" and side_file().exists():
            with _side() as side:
                side.execute("DELETE FROM progress WHERE job = ?", [_key(self.model, self.job_id)])


def shown(job: Model, field: str) -> int:
    """The count a page should show for ``job``: its own field, or on SQLite the count a Meter
    wrote beside the database while the job's transaction is still open, if that is larger."""
    stored: int = getattr(job, field)
    if connection.vendor == "postgresql" or not side_file().exists():
        return stored
    with _side() as side:
        found = side.execute(
            "SELECT rows FROM progress WHERE job = ?", [_key(type(job), job.pk)]
        ).fetchone()
    return max(stored, found[0]) if found else stored


def side_file() -> Path:
    """Beside a SQLite database file; for a database in memory (tests), in the temporary
    folder, one per process, as no other process can read that database anyway."""
    name = str(connection.settings_dict["NAME"])
    if "mode=memory" in name or name == ":memory:":
        digest = hashlib.sha256(f"{name}{os.getpid()}".encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"stocktake-progress-{digest}.sqlite3"
    return Path(f"{name}-progress")


def _key(model: type[Model], job_id: int) -> str:
    return f"{model._meta.label_lower}:{job_id}"


class _side:
    """The progress file, opened for one statement and closed again (autocommit)."""

    def __enter__(self) -> sqlite3.Connection:
        self.db = sqlite3.connect(side_file(), timeout=5, isolation_level=None)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS progress (job TEXT PRIMARY KEY, rows INTEGER NOT NULL)"
        )
        return self.db

    def __exit__(self, *exc: object) -> None:
        self.db.close()
