"""Layouts of our own making: what is visible is extracted, nothing is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from stocktake.imports.model import ImportFailed
from stocktake.imports.services import preview_document

CELL_PER_LINE = """Customer Contact Improvement Plan

Ref
Action
Lead Officer
Target Date
Status
1
Publish new opening hours
Jo Bloggs
June 2010
Complete
2
Survey residents about the website
Sam Smith / Alex Jones
Q3 2010/11
In progress
3
Train reception staff
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_table_with_one_cell_per_line_is_read_by_its_header(tmp_path: Path) -> None:
    p = preview_document(_write(tmp_path, "plan.txt", CELL_PER_LINE))
    assert [i["ref"] for i in p["items"]] == ["1", "2", "3"]
    assert p["items"][1]["owners"] == ["Sam Smith", "Alex Jones"]
    assert p["items"][0]["status_code"] == "complete"
    assert p["items"][0]["due_date"] == "2010-06-30"


def test_a_document_cut_off_part_way_keeps_the_visible_part_and_flags_it(tmp_path: Path) -> None:
    p = preview_document(_write(tmp_path, "plan.txt", CELL_PER_LINE))
    last = p["items"][-1]
    assert last["text"] == "Train reception staff"
    assert "incomplete_row" in last["flags"]
    assert "unassigned" in last["flags"]


def test_a_tab_table_cut_off_mid_row_invents_nothing(tmp_path: Path) -> None:
    text = (
        "Action No\tAction\tLead Officer\tTarget Date\n"
        "1.1\tAgree the plan\tJo Bloggs\tMay 2009\n"
        "1.2\tConsult on the pl"
    )
    p = preview_document(_write(tmp_path, "cut.txt", text))
    assert [i["ref"] for i in p["items"]] == ["1.1", "1.2"]
    assert p["items"][1]["text"] == "Consult on the pl"
    assert "incomplete_row" in p["items"][1]["flags"]


def test_a_stated_total_is_not_a_row_count_or_a_section(tmp_path: Path) -> None:
    text = (
        "Ref\tAction\tOwner\n"
        "1\tFirst thing\tJo Bloggs\n"
        "2\tSecond thing\tSam Smith\n"
        "Total: 57 actions\t\t\n"
    )
    p = preview_document(_write(tmp_path, "total.txt", text))
    assert len(p["items"]) == 2
    assert p["tables"][0]["rows"] == 2
    assert p["sections"] == []
    assert any("stated total" in w for w in p["warnings"])


def test_unknown_columns_are_kept_in_fields_and_marked_ignore(tmp_path: Path) -> None:
    text = "Ref\tAction\tWibble\tOwner\n1\tDo it\tx-ray\tJo Bloggs\n"
    p = preview_document(_write(tmp_path, "odd.txt", text))
    assert p["tables"][0]["roles"]["Wibble"] == "ignore"
    assert p["items"][0]["fields"]["Wibble"] == "x-ray"


def test_a_table_without_a_recognisable_header_is_refused(tmp_path: Path) -> None:
    text = "Apples\tPears\tPlums\n1\t2\t3\n4\t5\t6\n"
    with pytest.raises(ImportFailed, match="no recognisable table"):
        preview_document(_write(tmp_path, "fruit.txt", text))


def test_a_csv_in_cp1252_with_a_semicolon_delimiter_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(
        "Ref;Action;Lead Officer\n1;Review café opening – hours;Jo Bloggs\n".encode("cp1252")
    )
    p = preview_document(path)
    assert p["format"] == "csv"
    assert p["items"][0]["text"] == "Review café opening – hours"


def test_a_tsv_with_a_utf8_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.tsv"
    path.write_bytes("\ufeffRef\tAction\tOwner\nR1\tDo it\tJo Bloggs\n".encode())
    p = preview_document(path)
    assert p["tables"][0]["header"][0] == "Ref"
    assert p["items"][0]["ref"] == "R1"
