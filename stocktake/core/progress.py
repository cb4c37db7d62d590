"""Progress of long background work, written where the status page can see it.

Long work that must be all or nothing runs in one transaction, so a count written on its own
connection would only show once it had finished. On PostgreSQL the count goes through a second,
autocommitting connection instead. SQLite allows one writer at a time, so there the count is
written in the work's own transaction and shows when the work ends.
"""

from __future__ import annotations

import time

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
        if connection.vendor != "postgresql" or not connection.in_atomic_block:
            rows = self.model._default_manager.filter(pk=self.job_id)
            rows.update(**{self.field: self.rows, "updated_at": now})
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
