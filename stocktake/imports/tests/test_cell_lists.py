"""Lists and dated steps inside one cell keep a line each, bullets keep their markers, and a
step the paper says was completed is recorded as done."""

from __future__ import annotations

import copy
import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.imports.markup import cell_from_html, cell_from_plain
from stocktake.imports.read_docx import read_docx
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.imports.steps import dated_lines
from stocktake.plans.models import Action, ProgressStatus

_R1_DUE = "10 December 2008 – completed\n23 April 2009 – further report"


def _r1(previews: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = previews["004"]["items"][0]
    return item


def test_a_cell_of_dated_steps_keeps_a_line_for_each_step(previews: dict[str, Any]) -> None:
    assert _r1(previews)["due"] == _R1_DUE


def test_a_step_that_says_only_completed_is_done_on_its_date_and_named_by_its_line(
    previews: dict[str, Any],
) -> None:
    done, next_step = _r1(previews)["milestones"]
    assert done["text"] == "10 December 2008 – completed"
    assert done["completed_on"] == "2008-12-10"
    assert done["status_code"] == "complete"
    assert next_step["text"] == "further report"
    assert next_step["completed_on"] is None


def test_a_step_completed_on_a_date_of_its_own_records_that_date() -> None:
    steps = dated_lines(
        ["March 2009 – Report to Cabinet, completed 23 April 2009", "June 2009 – Review"]
    )
    assert [s["completed_on"] for s in steps] == ["2009-04-23", None]
    assert steps[0]["due"] == "March 2009"


def test_some_steps_done_and_some_not_make_an_item_with_no_status_in_progress(
    previews: dict[str, Any],
) -> None:
    r1 = _r1(previews)
    assert r1["status"] is None
    assert r1["progress_status"] == "in_progress"
    assert "progress_from_milestones" in r1["flags"]
    assert previews["004"]["items"][1]["progress_status"] is None


def test_bullets_in_a_cell_keep_their_marker_one_item_a_line(previews: dict[str, Any]) -> None:
    lines = _r1(previews)["text"].split("\n")
    assert lines[0].endswith("overarching strategy that defines:")
    assert lines[1] == "• Users that are and are not, accessing services"
    assert len(lines) == 6
    assert all(line.startswith("• ") for line in lines[1:])


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("<ul><li>one</li><li>two</li></ul>", "• one\n• two"),
        ("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"),
        ("Aims: • fewer calls • faster replies", "Aims:\n• fewer calls\n• faster replies"),
        ("<p>Aims:</p><ul><li>• fewer calls</li></ul>", "Aims:\n• fewer calls"),
        ("- fewer calls\n- faster replies", "- fewer calls\n- faster replies"),
        ("\uf0b7 symbol font bullet", "• symbol font bullet"),
        ("Plain text, no list", "Plain text, no list"),
    ],
)
def test_a_cell_with_a_list_is_shown_one_item_a_line_with_its_marker(cell: str, shown: str) -> None:
    found = cell_from_html(cell)
    assert found.listed == shown
    # The bare lines, which dates, owners and steps are read from, carry no marker.
    assert not any(line.startswith(("•", "- ")) for line in found.lines)


def test_a_word_cell_in_a_list_style_keeps_its_bullets() -> None:
    out = docx.Document()
    table = out.add_table(rows=2, cols=3)
    for c, header in enumerate(["Ref", "Action", "Lead Officer"]):
        table.cell(0, c).text = header
    table.cell(1, 0).text = "1.1"
    action = table.cell(1, 1)
    action.paragraphs[0].add_run("Review access:")
    action.add_paragraph("Opening times", style="List Bullet")
    action.add_paragraph("Outreach", style="List Bullet")
    table.cell(1, 2).text = "Jo Bloggs"
    data = BytesIO()
    out.save(data)
    blocks = read_docx(data.getvalue()).blocks
    cell = blocks[0].rows[1][1]  # type: ignore[union-attr]
    assert cell.listed == "Review access:\n• Opening times\n• Outreach"


def test_an_internal_note_taken_out_of_a_bulleted_action_leaves_its_lines(
    tmp_path: Path,
) -> None:
    paper = tmp_path / "0042_paper.txt"
    paper.write_text(
        "Ref\tAction\tLead Officer\tDue\n"
        "1.1\tOpen on Saturdays: • Recruit staff • Agree a rota DELETE?\tJo Bloggs\tMay 2009\n",
        encoding="utf-8",
    )
    item = preview_document(paper, as_at=dt.date(2009, 3, 31))["items"][0]
    assert item["text"] == "Open on Saturdays:\n• Recruit staff\n• Agree a rota"
    assert "internal_note" in item["flags"]


@pytest.mark.django_db
def test_the_saved_action_keeps_its_lists_steps_and_completed_milestone(
    previews: dict[str, Any], council: Organisation, officer: User, client: Client
) -> None:
    preview = copy.deepcopy(previews["004"])
    plan = plan_import(preview=preview, organisation=council, by=officer).plan
    assert plan is not None
    r1 = Action.objects.get(plan=plan, ref="R1")
    assert r1.due_text == _R1_DUE
    assert "\n• Users that are and are not, accessing services\n• How" in r1.text
    assert [m.completed_on for m in r1.milestones.all()] == [dt.date(2008, 12, 10), None]
    assert r1.progress_status == ProgressStatus.IN_PROGRESS
    client.force_login(officer)
    page = client.get(reverse("plans:action_detail", args=[r1.uuid])).content.decode()
    assert "defines:<br>• Users that are and are not, accessing services<br>• How" in page
    assert "(completed 10 Dec 2008)" in page


def test_a_plain_cell_with_a_dash_inside_a_sentence_is_not_a_list() -> None:
    assert cell_from_plain("Costs - to be confirmed").listed == "Costs - to be confirmed"
