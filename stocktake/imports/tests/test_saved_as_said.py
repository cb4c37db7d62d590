"""A saved plan says what the paper said: no invented statuses, updates, numbers or titles."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.imports.naming import proposed_title, section_heading
from stocktake.imports.reimport import plan_reimport
from stocktake.imports.save import plan_import
from stocktake.plans.models import Plan, ProgressStatus

pytestmark = pytest.mark.django_db


def _item(**fields: Any) -> dict[str, Any]:
    return {
        "kind": "action",
        "ref": "1",
        "text": "Open a Saturday service",
        "owners": [],
        "status": None,
        "updates": [],
        "flags": [],
    } | fields


def _paper(*items: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "source": "0042_9f8e7d6c5b4a3210.txt",
        "title": None,
        "as_at": "2009-03-31",
        "sections": [],
        "narrative": [],
        "items": list(items),
        "warnings": [],
    } | fields


def _save(preview: dict[str, Any], council: Organisation, officer: User) -> Plan:
    plan = plan_import(preview=preview, organisation=council, by=officer).plan
    assert plan is not None
    return plan


def test_an_item_whose_paper_gives_no_status_is_unknown_not_not_started(
    council: Organisation, officer: User
) -> None:
    plan = _save(_paper(_item()), council, officer)
    assert plan.actions.get().progress_status == ProgressStatus.UNKNOWN


def test_the_seed_without_a_status_column_saves_every_item_as_unknown(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    preview = copy.deepcopy(previews["000"])
    plan = plan_import(
        preview=preview, organisation=council, by=officer, as_at=dt.date(2008, 9, 30)
    ).plan
    assert plan is not None
    said = {i["text"] for i in preview["items"] if i.get("progress_status")}
    silent = plan.actions.exclude(text__in=said)
    assert silent.exists()
    assert set(silent.values_list("progress_status", flat=True)) == {"unknown"}


def test_a_status_cell_that_only_chases_a_date_flags_the_item_but_makes_no_update(
    council: Organisation, officer: User
) -> None:
    chased = _item(ref="3.11", status="Date Required", flags=["date_required"])
    stated = _item(ref="3.12", text="Train the staff", status="Ongoing")
    plan = _save(_paper(chased, stated), council, officer)
    flagged = plan.actions.get(ref="3.11")
    assert "date_required" in flagged.flags
    assert flagged.status_text == "Date Required"
    assert not flagged.updates.exists()
    assert flagged.updates.count() == 0
    assert plan.actions.get(ref="3.12").updates.get().position == "Ongoing"


def test_seed_002_item_3_11_has_its_flag_and_no_last_update(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _save(copy.deepcopy(previews["002"]), council, officer)
    item = plan.actions.get(ref="3.11")
    assert "date_required" in item.flags
    assert not item.updates.exists()


@pytest.mark.parametrize(
    ("ref", "title", "stored"),
    [
        ("9", "9. Equalities Overview", ("9", "Equalities Overview")),
        ("2.1", "2.1 Customer access", ("2.1", "Customer access")),
        ("B", "B) Housing", ("B", "Housing")),
        ("2", "OBJECTIVE 2: CUSTOMER ACCESS", ("2", "OBJECTIVE 2: CUSTOMER ACCESS")),
        ("2", "2010 targets", ("2", "2010 targets")),
        ("9", "9.", ("9", "9.")),
        (None, "Risk Analysis", ("", "Risk Analysis")),
    ],
)
def test_a_section_title_does_not_repeat_its_ref(
    ref: str | None, title: str, stored: tuple[str, str]
) -> None:
    assert section_heading({"ref": ref, "title": title}) == stored


def test_a_numbered_section_is_saved_with_its_number_once_and_keeps_its_items(
    council: Organisation, officer: User
) -> None:
    sections = [{"ref": "9", "title": "9. Equalities Overview", "parent": None}]
    item = _item(section="9. Equalities Overview")
    plan = _save(_paper(item, sections=sections), council, officer)
    section = plan.sections.get()
    assert (section.ref, section.title) == ("9", "Equalities Overview")
    assert section.display_title == "9 Equalities Overview"
    assert plan.actions.get().section == section
    newer = _paper(item, _item(ref="2", text="New", section=item["section"]), sections=sections)
    plan_reimport(preview=newer, plan=plan, by=officer)
    assert plan.sections.count() == 1
    assert plan.actions.get(ref="2").section == section


def test_a_paper_without_a_title_is_named_by_its_first_heading(
    council: Organisation, officer: User
) -> None:
    sections = [
        {"ref": None, "title": "Improve the customer experience of services by", "parent": None}
    ]
    plan = _save(_paper(_item(), sections=sections), council, officer)
    assert plan.title == "Improve the customer experience of services"


def test_a_paper_with_nothing_better_is_named_by_its_file() -> None:
    assert proposed_title(_paper(_item())) == "0042_9f8e7d6c5b4a3210.txt"
    narrated = _paper(_item(), narrative=[{"heading": "Housing Action Plan 2009", "text": ""}])
    assert proposed_title(narrated) == "Housing Action Plan 2009"
    titled = _paper(_item(), title="Access to Services", narrative=narrated["narrative"])
    assert proposed_title(titled) == "Access to Services"


def test_seed_000_is_not_titled_with_its_file_name(previews: dict[str, Any]) -> None:
    title = proposed_title(previews["000"])
    assert title != previews["000"]["source"]
    assert title.startswith("Develop deeper understanding")
