"""Storing checked contact rows: into a staging table (PostgreSQL COPY, or batched inserts on
SQLite), then into contacts and the tallies, all inside the caller's transaction, so the tallies
always agree with the contacts. On PostgreSQL one statement (tally_statement) does the move and
the tallies; the fast loader (fastload.py) uses it straight from the CSV's text.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from django.db import connection

from .models_contacts import MEASURES, AvoidableReason
from .parsing import ContactRow

ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

BATCH = 5000
_FIELDS = (
    "received_at, received_on, month, channel, access_point_id, service_code, request_type, "
    "resolved_first, request_resolved, avoidable, avoidable_reason, area_code, exclusion"
)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _create_staging(staging: str) -> None:
    with connection.cursor() as cursor:
        if _postgres():
            # Unlogged (no WAL), in shared buffers rather than a session's small temporary
            # buffers; dropped at the end, and a failed load's rollback undoes its creation.
            cursor.execute(
                f"CREATE UNLOGGED TABLE {staging} (received_at timestamptz, received_on date, "
                "month date, channel varchar(20), access_point_id bigint, "
                "service_code varchar(20), request_type varchar(100), resolved_first boolean, "
                "request_resolved boolean, avoidable varchar(12), avoidable_reason varchar(20), "
                "area_code varchar(12), exclusion varchar(20))"
            )
            return
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} (received_at text, received_on date, "
            "month date, channel varchar(20), access_point_id bigint, service_code varchar(20), "
            "request_type varchar(100), resolved_first boolean, request_resolved boolean, "
            "avoidable varchar(12), avoidable_reason varchar(20), area_code varchar(12), "
            "exclusion varchar(20), uuid char(32))"
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


def _london_copy(cursor: Any, staging: str, fields: str, write: Callable[[Any], None]) -> None:
    # Times without an offset are London wall-clock times; the server resolves them. The
    # setting is put back after the COPY (a failure rolls it back with everything else):
    # Django reads timestamps assuming its own zone, so an outer transaction must not see it.
    cursor.execute("SET LOCAL TimeZone = 'Europe/London'")
    # Django's cursor wraps psycopg's; COPY needs the real one.
    raw: Any = cursor.cursor
    with raw.copy(f"COPY {staging} ({fields}) FROM STDIN") as copy:
        write(copy)
    cursor.execute("SELECT set_config('TimeZone', %s, true)", [connection.timezone_name])


def _copy_postgres(staging: str, rows: Iterator[ContactRow]) -> int:
    count = 0

    def write(copy: Any) -> None:
        nonlocal count
        while chunk := list(islice(rows, BATCH)):
            copy.write("".join(map(_pg_line, chunk)))
            count += len(chunk)

    with connection.cursor() as cursor:
        _london_copy(cursor, staging, _FIELDS, write)
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
    """SQLite: batched rows into contacts, one upsert per tally."""
    uuid_sql = "uuid"
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


def _filtered_counts() -> list[str]:
    included = "exclusion = ''"
    reasons = [
        f"count(*) FILTER (WHERE {included} AND avoidable_reason = '{reason}')"
        for reason in AvoidableReason.values
    ]
    return [
        f"count(*) FILTER (WHERE {included})",
        "count(*) FILTER (WHERE exclusion <> '')",
        f"count(*) FILTER (WHERE {included} AND avoidable = 'yes')",
        f"count(*) FILTER (WHERE {included} AND avoidable = 'no')",
        f"count(*) FILTER (WHERE {included} AND resolved_first)",
        f"count(*) FILTER (WHERE {included} AND resolved_first IS NOT NULL)",
        f"count(*) FILTER (WHERE {included} AND request_resolved)",
        *reasons,
    ]


def _adds(table: str, measures: list[str]) -> str:
    return ", ".join(f"{m} = {table}.{m} + EXCLUDED.{m}" for m in measures)


def _id_sequence() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence('customers_contact', 'id')")
        name = str(cursor.fetchone()[0])
    if not re.fullmatch(r"[a-z_][a-z0-9_.]*", name):
        raise ValueError(f"unexpected sequence name {name!r}")
    return name


def tally_statement(source: str) -> str:
    """One statement: contacts from ``source`` (a SELECT of ts, day, channel, point_id, service,
    request, first, resolved, avoidable, reason, area, excl, ok) in day order, then the three
    tallies from the inserted rows; its one value is how many contacts went in. A row not ok
    stops it with an error. Ids come from the sequence in day order and each UUID is the load's
    prefix plus the id. Parameters: organisation, load, prefix."""
    counts = ", ".join(f"{c} AS {m}" for c, m in zip(_filtered_counts(), MEASURES, strict=True))
    measures = ", ".join(MEASURES)
    sums = ", ".join(f"sum({m})" for m in MEASURES)
    # Through timestamp (no zone): a day's month needs no time-zone arithmetic.
    month = "date_trunc('month', received_on::timestamp)::date"
    day, mon, area = "customers_contactday", "customers_contactmonth", "customers_contactareamonth"
    # A refused row casts text to a number: an error with the row's values, not a silent skip.
    refuse = "CASE WHEN ok THEN true ELSE ('refused ' || coalesce(channel, ''))::int > 0 END"
    return (
        "WITH moved AS (INSERT INTO customers_contact (id, uuid, created_at, updated_at, "  # noqa: S608  # nosec B608
        "organisation_id, received_at, received_on, channel, access_point_id, service_code, "
        "request_type, resolved_first, request_resolved, avoidable, avoidable_reason, "
        "area_code, exclusion, load_id) SELECT n, (%(prefix)s || lpad(to_hex(n), 12, '0'))::uuid, "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, %(organisation)s, ts, day, channel, point_id, "
        "service, request, first, resolved, avoidable, reason, area, excl, %(load)s "
        f"FROM (SELECT nextval('{_id_sequence()}'::regclass) AS n, c.* FROM ({source}) AS c "
        f"WHERE {refuse} ORDER BY day) AS s "
        "RETURNING received_on, service_code, channel, area_code, exclusion, avoidable, "
        "avoidable_reason, resolved_first, request_resolved), "
        f"days AS (SELECT received_on, service_code, channel, {counts} FROM moved "
        "GROUP BY received_on, service_code, channel), "
        f"day_rows AS (INSERT INTO {day} (organisation_id, day, service_code, channel, "
        f"{measures}) SELECT %(organisation)s, received_on, service_code, channel, {measures} "
        "FROM days ON CONFLICT (organisation_id, day, service_code, channel) "
        f"DO UPDATE SET {_adds(day, MEASURES)}), "
        f"month_rows AS (INSERT INTO {mon} (organisation_id, month, service_code, channel, "
        f"{measures}) SELECT %(organisation)s, {month}, service_code, channel, {sums} FROM days "
        f"GROUP BY {month}, service_code, channel "
        "ON CONFLICT (organisation_id, month, service_code, channel) "
        f"DO UPDATE SET {_adds(mon, MEASURES)}), "
        f"area_rows AS (INSERT INTO {area} (organisation_id, month, area_code, channel, contacts) "
        f"SELECT %(organisation)s, {month}, area_code, channel, "
        f"count(*) FILTER (WHERE exclusion = '') FROM moved GROUP BY {month}, area_code, channel "
        # Up to 12 letters and digits: checked once per area here rather than once per row.
        "HAVING CASE WHEN ltrim(area_code, %(alphanumeric)s) = '' THEN true "
        "ELSE ('refused area ' || area_code)::int > 0 END "
        "ON CONFLICT (organisation_id, month, area_code, channel) "
        f"DO UPDATE SET {_adds(area, ['contacts'])}) "
        "SELECT count(*) FROM moved"
    )


def uuid_prefix() -> str:
    """The first 80 bits of a UUIDv7 (now in milliseconds, 26 random bits); the last 48 are the
    contact's id, so UUIDs are unique, rise with the id and keep the unique index's inserts at
    its right-hand end (random UUIDs cost a random index page each, and are slow to make)."""
    stamp = f"{time.time_ns() // 1_000_000:012x}"
    rand = secrets.randbits(26)
    return f"{stamp[:8]}-{stamp[8:]}-7{rand >> 14:03x}-{0x8000 | (rand & 0x3FFF):04x}-"


def move_staged(staging: str, *, organisation_id: int, load_id: int | None) -> int:
    """Move a staging table's rows (PostgreSQL) into contacts and the tallies."""
    source = (
        "SELECT received_at AS ts, received_on AS day, channel, access_point_id AS point_id, "  # noqa: S608  # nosec B608
        "service_code AS service, request_type AS request, resolved_first AS first, "
        "request_resolved AS resolved, avoidable, avoidable_reason AS reason, "
        f"area_code AS area, exclusion AS excl, true AS ok FROM {staging}"
    )
    params = {
        "organisation": organisation_id,
        "load": load_id,
        "prefix": uuid_prefix(),
        "alphanumeric": ALPHANUMERIC,
    }
    with connection.cursor() as cursor:
        cursor.execute(tally_statement(source), params)
        moved: int = cursor.fetchone()[0]
        cursor.execute(f"DROP TABLE {staging}")
    return moved


def new_staging() -> str:
    # A name of its own, so loads for several councils can run at once.
    staging = f"customers_contact_staging_{uuid.uuid4().hex[:12]}"
    _create_staging(staging)
    return staging


def store_rows(
    *, organisation_id: int, rows: Iterable[ContactRow], load_id: int | None = None
) -> int:
    """Store checked rows and add them to the tallies. Call inside a transaction."""
    staging = new_staging()
    stream = iter(rows)
    if _postgres():
        count = _copy_postgres(staging, stream)
        move_staged(staging, organisation_id=organisation_id, load_id=load_id)
        return count
    count = _insert_sqlite(staging, stream)
    _move_and_tally(staging, organisation_id, load_id)
    return count
