"""The fast load of a contacts CSV on PostgreSQL: the server parses, checks and converts.

Python sends the file in 1 MB blocks to a `COPY … (FORMAT csv)` into an unlogged table of text
columns, then one statement converts the rows with the parser's checks (checks.py), inserts them
into contacts in day order and adds them to the three tallies. Any row the parser might refuse,
or any row PostgreSQL cannot read (wrong number of fields, a blank line, a day past its month's
end), stops it with an error: the caller then rolls back to its savepoint and loads the file
through the typed row parser, which reports each bad row by line. A clean file never pays for
Python per row; a file with bad rows gets exactly the parser's answers.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable, Iterator
from typing import IO, Any

import psycopg
from django.db import connection

from . import checks
from .hours import LONDON
from .loading import tally_statement, uuid_prefix
from .parsing import Layout

BLOCK = 1 << 20


class NeedsParser(Exception):
    """Input the fast load does not try to read; the typed row parser takes the file."""


def _blocks(source: IO[str]) -> Iterator[str]:
    """The file in blocks, without blank lines at its end (the parser skips them; COPY would
    stop at them)."""
    last = ""
    block = source.read(BLOCK)
    while block:
        following = source.read(BLOCK)
        if not following:
            block = block.rstrip("\r\n") + "\n"
        # A line of just \. ends COPY's data early: leave such a file to the parser.
        if "\\." in last + block:
            raise NeedsParser("a backslash before a full stop")
        last = block[-1]
        yield block
        block = following


def _phase(timings: dict[str, float], name: str, start: float) -> float:
    now = time.perf_counter()
    timings[name] = timings.get(name, 0.0) + now - start
    return now


def fast_load(
    *,
    source: IO[str],
    layout: Layout,
    organisation_id: int,
    load_id: int,
    now: dt.datetime,
    progress: Callable[[int], object] | None,
    timings: dict[str, float],
) -> int:
    """Load the rest of ``source`` (after the header line); returns rows loaded. Raises a
    database error when the parser must take over; call inside a savepoint."""
    raw = f"customers_contact_raw_{secrets.token_hex(6)}"
    columns = [f"c{n}" for n in range(1, layout.width + 1)]
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE UNLOGGED TABLE {raw} ({', '.join(f'{c} text' for c in columns)})")
        # FORCE_NOT_NULL: an empty field is '' as in Python's csv, not NULL.
        options = f"FORMAT csv, FORCE_NOT_NULL ({', '.join(columns)})"
        pycopg: Any = cursor.cursor
        try:
            with pycopg.copy(f"COPY {raw} FROM STDIN ({options})") as copy:
                for block in _blocks(source):
                    copy.write(block)
                    if progress is not None:
                        progress(block.count("\n"))
        except psycopg.Error as error:  # COPY's errors come straight from psycopg
            raise NeedsParser(str(error)) from error
        start = _phase(timings, "copy file", start)
        cursor.execute("SHOW DateStyle")
        date_style = cursor.fetchone()[0]
        # Times without an offset are London wall-clock times (the parser's meaning); the
        # settings go back afterwards, as Django reads timestamps assuming its own zone.
        cursor.execute("SET LOCAL TimeZone = 'Europe/London'")
        cursor.execute("SET LOCAL DateStyle = 'ISO, MDY'")  # for checks.TIME_SHAPED
        cursor.execute("SET LOCAL work_mem = '256MB'")  # the day sort and the tally hashes
        params: dict[str, Any] = {
            **checks.parameters(),
            "organisation": organisation_id,
            "load": load_id,
            "now": now,
            "local_now": now.astimezone(LONDON).replace(tzinfo=None),
            "prefix": uuid_prefix(),
        }
        cursor.execute(tally_statement(checks.converted(raw, layout)), params)
        loaded: int = cursor.fetchone()[0]
        cursor.execute("SELECT set_config('TimeZone', %s, true)", [connection.timezone_name])
        cursor.execute("SELECT set_config('DateStyle', %s, true)", [date_style])
        cursor.execute(f"DROP TABLE {raw}")
        _phase(timings, "check, insert, tally", start)
    return loaded
