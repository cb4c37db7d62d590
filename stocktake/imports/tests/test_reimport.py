"""A newer version of the same paper updates its plan without duplicating anything."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.imports.reimport import plan_reimport
from stocktake.imports.save import plan_import
from stocktake.plans.models import Action

pytestmark = pytest.mark.django_db


def test_the_same_paper_again_changes_nothing(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = plan_import(
        preview=copy.deepcopy(previews["002"]), organisation=council, by=officer
    ).plan
    assert plan is not None
    before = Action.objects.count()
    record = plan_reimport(preview=copy.deepcopy(previews["002"]), plan=plan, by=officer)
    assert Action.objects.count() == before
    assert record.summary["added"] == []
    assert record.summary["changed"] == []
    assert len(record.summary["unchanged"]) == 121


def test_a_newer_version_adds_updates_revisions_and_new_items(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = plan_import(
        preview=copy.deepcopy(previews["002"]), organisation=council, by=officer
    ).plan
    assert plan is not None
    newer = copy.deepcopy(previews["002"])
    newer["as_at"] = "2007-03-31"
    items = {i["ref"]: i for i in newer["items"] if i["ref"] in {"2.1", "1.1"}}
    items["2.1"]["updates"] = [
        {"as_at": None, "label": "Update", "text": "Kiosks now in 3 villages"}
    ]
    items["1.1"]["due"] = "September 2006"
    twin = next(i for i in newer["items"] if i["ref"] == "3.4")
    twin["updates"] = [{"as_at": None, "label": "Update", "text": "Second 3.4 moved on"}]
    added = copy.deepcopy(items["2.1"]) | {"ref": "2.99", "text": "Open a Saturday service"}
    newer["items"].append(added)
    record = plan_reimport(preview=newer, plan=plan, by=officer)
    assert len(record.summary["added"]) == 1
    assert len(record.summary["changed"]) == 3
    assert plan.actions.count() == 122
    kiosks = plan.actions.get(ref="2.1")
    assert kiosks.updates.filter(
        as_at=dt.date(2007, 3, 31), position="Kiosks now in 3 villages"
    ).exists()
    slipped = plan.actions.get(ref="1.1")
    assert slipped.due_text == "September 2006"
    assert slipped.due_revisions.get().previous_due_text == "June 2006"
    moved = [
        a
        for a in plan.actions.filter(ref="3.4")
        if a.updates.filter(position="Second 3.4 moved on")
    ]
    assert len(moved) == 1
