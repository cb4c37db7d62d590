"""Backing up and restoring the whole database with each database's own tools.

SQLite: the online backup API, which copies a consistent snapshot while the site runs.
PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --single-transaction`, so a
restore either replaces everything or changes nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # nosec B404 - runs PostgreSQL's own client tools with fixed arguments
from pathlib import Path
from typing import Any

from django.db import connections


class BackupFailed(Exception):
    pass


def _settings(alias: str) -> dict[str, Any]:
    return dict(connections[alias].settings_dict)


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupFailed(f"{name} is not installed: install PostgreSQL's client tools")
    return found


def _run(command: list[str], db: dict[str, Any]) -> None:
    done = subprocess.run(  # noqa: S603  # nosec B603 - fixed tool, arguments from settings
        command, env=_pg_env(db), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupFailed(done.stderr.strip() or f"{command[0]} failed")


def _sqlite(alias: str) -> sqlite3.Connection:
    """The live connection: for an in-memory database it is the only way in."""
    connection = connections[alias]
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def backup(target: Path, alias: str = "default") -> None:
    """Write a full copy of the database to `target`."""
    db = _settings(alias)
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        with sqlite3.connect(target) as copy:
            _sqlite(alias).backup(copy)
        copy.close()
    elif vendor == "postgresql":
        _run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", db["NAME"]], db
        )
    else:
        raise BackupFailed(f"No backup procedure for {vendor}")


def restore(source: Path, alias: str = "default") -> None:
    """Replace the whole database with the copy in `source`: all of it or nothing."""
    if not source.is_file():
        raise BackupFailed(f"{source} does not exist")
    db = _settings(alias)
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        try:
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as copy:
                copy.execute("PRAGMA schema_version").fetchone()
                copy.backup(_sqlite(alias))
            copy.close()
        except sqlite3.DatabaseError as error:
            raise BackupFailed(f"{source} is not a SQLite backup: {error}") from error
    elif vendor == "postgresql":
        connections[alias].close()
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={db['NAME']}",
                str(source),
            ],
            db,
        )
    else:
        raise BackupFailed(f"No restore procedure for {vendor}")
