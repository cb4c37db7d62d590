"""The load_contacts command: bad rows listed by line, all or nothing unless --skip-bad."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stocktake.accounts.models import Organisation
from stocktake.customers.models import Contact

from .helpers import csv_lines, row


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text(csv_lines(*rows).getvalue(), encoding="utf-8")
    return path


def test_a_file_with_bad_rows_loads_nothing_and_says_why(
    tmp_path: Path, council: Organisation
) -> None:
    path = _file(tmp_path, row(), row(channel="fax"), row())
    errors = StringIO()
    with pytest.raises(CommandError, match="1 bad rows: nothing was loaded"):
        call_command("load_contacts", council.name, str(path), stderr=errors)
    assert "line 3: channel 'fax'" in errors.getvalue()
    assert not Contact.objects.exists()


def test_skip_bad_loads_the_rest_and_says_how_many_were_skipped(
    tmp_path: Path, council: Organisation
) -> None:
    path = _file(tmp_path, row(), row(channel="fax"), row())
    out = StringIO()
    call_command(
        "load_contacts", council.name, str(path), "--skip-bad", stdout=out, stderr=StringIO()
    )
    assert "Loaded 2 contacts; skipped 1 bad rows." in out.getvalue()
    assert Contact.objects.count() == 2


def test_a_file_without_the_needed_columns_is_refused_at_once(
    tmp_path: Path, council: Organisation
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("when,how\n2026-01-01,phone\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 1: the header lacks received_at, channel"):
        call_command("load_contacts", council.name, str(path), stderr=StringIO())
