"""import_document: JSON on stdout and nothing else; errors as one line on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from stocktake.imports.tests.conftest import seed


def test_dry_run_json_prints_only_the_preview(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("import_document", str(seed("004")), "--dry-run", "--json")
    out, err = capsys.readouterr()
    preview = json.loads(out)
    assert preview["format"] == "text"
    assert [i["ref"] for i in preview["items"]] == ["R1", "R2", "R3"]
    assert "warning:" in err


def test_the_as_at_option_dates_current_positions(capsys: pytest.CaptureFixture[str]) -> None:
    call_command(
        "import_document", str(seed("000")), "--dry-run", "--json", "--as-at", "2008-09-30"
    )
    preview = json.loads(capsys.readouterr().out)
    assert preview["as_at"] == "2008-09-30"


def test_an_unreadable_file_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_document", str(tmp_path / "missing.docx"), "--dry-run", "--json")
    out, err = capsys.readouterr()
    assert exit_info.value.code == 1
    assert out == ""
    assert err.strip().splitlines()[-1].startswith("missing.docx: cannot be read")
