"""The web server and the worker share one SQLite file: a run must wait for the other's write,
not fail with "database is locked" (two dry runs queued close together did)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's locking; PostgreSQL waits for row locks",
)


@pytest.fixture(autouse=True)
def _files_of_our_own(django_db_blocker: Any) -> Any:
    """These tests open their own database files, not the test database."""
    with django_db_blocker.unblock():
        yield


def _session(path: Path, alias: str, options: dict[str, Any]) -> DatabaseWrapper:
    """A connection to the file as configured, registered in this thread as `alias`."""
    wrapper = DatabaseWrapper(
        dict(settings.DATABASES["default"], NAME=str(path), OPTIONS=options), alias=alias
    )
    connections[alias] = wrapper
    return wrapper


def _two_writers(path: Path, options: dict[str, Any]) -> list[BaseException]:
    """The worker writes and holds its transaction open; meanwhile a page reads, then writes."""
    setup = _session(path, "setup", options)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS job (id integer primary key, n integer)")
    setup.close()
    wrote, read = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def worker() -> None:
        session = _session(path, "worker", options)
        try:
            with transaction.atomic(using="worker"), session.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM job")
                cursor.execute("INSERT INTO job (n) VALUES (1)")
                wrote.set()
                read.wait(timeout=0.5)  # the page has read by now (or is waiting to begin)
        finally:
            session.close()

    def page() -> None:
        session = _session(path, "page", options)
        wrote.wait()
        try:
            with transaction.atomic(using="page"), session.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM job")
                read.set()
                cursor.execute("INSERT INTO job (n) VALUES (2)")
        except OperationalError as error:
            failures.append(error)
        finally:
            read.set()
            session.close()

    threads = [threading.Thread(target=worker), threading.Thread(target=page)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return failures


def test_without_the_settings_a_read_then_write_fails_at_once_as_the_qa_run_did(
    tmp_path: Path,
) -> None:
    failures = _two_writers(tmp_path / "plain.sqlite3", {"timeout": 5})
    assert [str(f) for f in failures] == ["database is locked"]


def test_with_the_settings_the_second_writer_waits_its_turn(tmp_path: Path) -> None:
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert _two_writers(tmp_path / "configured.sqlite3", options) == []
    check = _session(tmp_path / "configured.sqlite3", "check", options)
    with check.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()
        cursor.execute("SELECT n FROM job ORDER BY id")
        rows = cursor.fetchall()
    check.close()
    assert mode == ("wal",)
    assert rows == [(1,), (2,)]
