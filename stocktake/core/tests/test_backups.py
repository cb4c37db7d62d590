"""A backup restored gives back exactly the data it was taken from, on either database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection

from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan
from stocktake.testing import World

pytestmark = pytest.mark.django_db(transaction=True)


def _everything() -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, in a stable order."""
    found = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")  # noqa: S608  # nosec
            found[table] = [tuple(str(v) for v in row) for row in cursor.fetchall()]
    return found


@pytest.fixture
def tools() -> None:
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("PostgreSQL's client tools are not installed")


def test_restoring_a_backup_gives_back_exactly_what_was_backed_up(
    world: World, officer: User, tmp_path: Path, tools: None
) -> None:
    plan, action, _ = world
    plans.action_update_add(
        action=action, as_at=action.created_at.date(), position="Begun", by=officer
    )
    before = _everything()
    assert before[Action._meta.db_table]
    file = tmp_path / "stocktake.backup"
    call_command("backup", str(file))
    assert file.stat().st_size > 0

    plans.action_create(plan=plan, text="Made after the backup", by=officer)
    Plan.objects.filter(pk=plan.pk).update(title="Renamed after the backup")
    assert _everything() != before

    call_command("restore", str(file), "--yes")
    assert _everything() == before


def test_a_restore_needs_confirmation_and_a_real_backup(
    world: World, tmp_path: Path, tools: None
) -> None:
    before = _everything()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing"), "--yes")
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"this is not a backup" * 100)
    with pytest.raises(CommandError):
        call_command("restore", str(junk), "--yes")
    assert _everything() == before
