"""Storing checked contact rows: into a staging table (PostgreSQL COPY, or batched inserts on
SQLite), then one INSERT … SELECT into contacts and one upsert per tally table, all inside the
caller's transaction, so the tallies always agree with the contacts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.db import connection

from .models_contacts import MEASURES, AvoidableReason
from .parsing import ContactRow

BATCH = 5000
_FIELDS = (
    "received_at, received_on, month, channel, access_point_id, service_code, request_type, "
    "resolved_first, request_resolved, avoidable, avoidable_reason, area_code, exclusion"
)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _create_staging(staging: str) -> None:
    with connection.cursor() as cursor:
        timestamp = "timestamptz" if _postgres() else "text"
        extra = "" if _postgres() else ", uuid char(32)"
        # PostgreSQL: unlogged (no WAL), in shared buffers rather than a session's small
        # temporary buffers. Dropped at the end; a failed load's rollback undoes its creation.
        kind = "UNLOGGED" if _postgres() else "TEMPORARY"
        cursor.execute(
            f"CREATE {kind} TABLE {staging} (received_at {timestamp}, received_on date, "
            "month date, channel varchar(20), access_point_id bigint, service_code varchar(20), "
            "request_type varchar(100), resolved_first boolean, request_resolved boolean, "
            "avoidable varchar(12), avoidable_reason varchar(20), area_code varchar(12), "
            f"exclusion varchar(20){extra})"
        )


def _escape(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


_PG_BOOL = {None: "\\N", True: "t", False: "f"}


def _pg_line(row: ContactRow) -> str:
    day = row.received_at.date()
    point = "\\N" if row.access_point_id is None else str(row.access_point_id)
    return (
        f"{row.received_at.isoformat()}\t{day.isoformat()}\t{day.isoformat()[:8]}01\t"
        f"{row.channel}\t{point}\t{row.service_code}\t{_escape(row.request_type)}\t"
        f"{_PG_BOOL[row.resolved_first]}\t{_PG_BOOL[row.request_resolved]}\t{row.avoidable}\t"
        f"{row.avoidable_reason}\t{row.area_code}\t{row.exclusion}\n"
    )


def _copy_postgres(staging: str, rows: Iterator[ContactRow]) -> int:
    count = 0
    with connection.cursor() as cursor:
        # Times without an offset are London wall-clock times; the server resolves them. The
        # setting is put back after the COPY (a failure rolls it back with everything else):
        # Django reads timestamps assuming its own zone, so an outer transaction must not see it.
        cursor.execute("SET LOCAL TimeZone = 'Europe/London'")
        # Django's cursor wraps psycopg's; COPY needs the real one.
        raw: Any = cursor.cursor
        with raw.copy(f"COPY {staging} ({_FIELDS}) FROM STDIN") as copy:
            while chunk := list(islice(rows, BATCH)):
                copy.write("".join(map(_pg_line, chunk)))
                count += len(chunk)
        cursor.execute("SELECT set_config('TimeZone', %s, true)", [connection.timezone_name])
    return count


def _sqlite_values(row: ContactRow) -> tuple[Any, ...]:
    day = row.received_at.date()
    # Django keeps SQLite datetimes as naive UTC text.
    utc = row.aware_received_at.astimezone(dt.UTC).replace(tzinfo=None)
    return (
        utc.isoformat(sep=" "),
        day.isoformat(),
        day.replace(day=1).isoformat(),
        row.channel,
        row.access_point_id,
        row.service_code,
        row.request_type,
        row.resolved_first,
        row.request_resolved,
        row.avoidable,
        row.avoidable_reason,
        row.area_code,
        row.exclusion,
        uuid.uuid4().hex,
    )


def _insert_sqlite(staging: str, rows: Iterator[ContactRow]) -> int:
    count = 0
    marks = ", ".join(["%s"] * 14)
    sql = f"INSERT INTO {staging} ({_FIELDS}, uuid) VALUES ({marks})"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        while chunk := list(islice(rows, BATCH)):
            cursor.executemany(sql, [_sqlite_values(row) for row in chunk])
            count += len(chunk)
    return count


def _counts(included: str) -> list[str]:
    reasons = [
        f"SUM(CASE WHEN {included} AND avoidable_reason = '{reason}' THEN 1 ELSE 0 END)"
        for reason in AvoidableReason.values
    ]
    return [
        f"SUM(CASE WHEN {included} THEN 1 ELSE 0 END)",
        "SUM(CASE WHEN exclusion <> '' THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {included} AND avoidable = 'yes' THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {included} AND avoidable = 'no' THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {included} AND resolved_first = TRUE THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {included} AND resolved_first IS NOT NULL THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {included} AND request_resolved = TRUE THEN 1 ELSE 0 END)",
        *reasons,
    ]


# SQL below is assembled only from names fixed in this module; values go as parameters.
def _upsert(
    staging: str, table: str, key: str, source_key: str, measures: list[str], sums: list[str]
) -> str:
    adds = ", ".join(f"{m} = {table}.{m} + EXCLUDED.{m}" for m in measures)
    return (
        f"INSERT INTO {table} (organisation_id, {key}, {', '.join(measures)}) "  # noqa: S608  # nosec
        f"SELECT %s, {source_key}, {', '.join(sums)} FROM {staging} GROUP BY {source_key} "
        f"ON CONFLICT (organisation_id, {key}) DO UPDATE SET {adds}"
    )


def _move_and_tally(staging: str, organisation_id: int, load_id: int | None) -> None:
    uuid_sql = "gen_random_uuid()" if _postgres() else "uuid"
    included = "exclusion = ''"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO customers_contact (uuid, created_at, updated_at, organisation_id, "  # noqa: S608  # nosec
            "received_at, received_on, channel, access_point_id, service_code, request_type, "
            "resolved_first, request_resolved, avoidable, avoidable_reason, area_code, exclusion, "
            f"load_id) SELECT {uuid_sql}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %s, received_at, "
            "received_on, channel, access_point_id, service_code, request_type, resolved_first, "
            "request_resolved, avoidable, avoidable_reason, area_code, exclusion, %s "
            f"FROM {staging}",
            [organisation_id, load_id],
        )
        key = "service_code, channel"
        sums = _counts(included)
        cursor.execute(
            _upsert(
                staging,
                "customers_contactday",
                f"day, {key}",
                f"received_on, {key}",
                MEASURES,
                sums,
            ),
            [organisation_id],
        )
        cursor.execute(
            _upsert(
                staging, "customers_contactmonth", f"month, {key}", f"month, {key}", MEASURES, sums
            ),
            [organisation_id],
        )
        area_key = "month, area_code, channel"
        cursor.execute(
            _upsert(
                staging,
                "customers_contactareamonth",
                area_key,
                area_key,
                ["contacts"],
                [f"SUM(CASE WHEN {included} THEN 1 ELSE 0 END)"],
            ),
            [organisation_id],
        )
        cursor.execute(f"DROP TABLE {staging}")


def store_rows(
    *, organisation_id: int, rows: Iterable[ContactRow], load_id: int | None = None
) -> int:
    """Store checked rows and add them to the tallies. Call inside a transaction."""
    # A name of its own, so loads for several councils can run at once.
    staging = f"customers_contact_staging_{uuid.uuid4().hex[:12]}"
    _create_staging(staging)
    stream = iter(rows)
    count = _copy_postgres(staging, stream) if _postgres() else _insert_sqlite(staging, stream)
    _move_and_tally(staging, organisation_id, load_id)
    return count
