"""Charnwood's plan has two actions 3.4: a note for "3.4" is ambiguous. Its rows are listed by
line with both actions named, and the officer says which action they mean, or leaves them out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.movein.engine import MoveInRejected, movein_run
from stocktake.movein.models import MoveIn
from stocktake.movein.shipped import shipped_mapping
from stocktake.plans import services as plans
from stocktake.plans.models import Action, Plan, ProgressUpdate

from .conftest import Worker, write_csv

NOTES = (
    b"Code,Note,Note Date\n"
    b"1.1,Scoping under way,30/06/2008\n"
    b"1.2,For the second action,30/09/2008\n"
    b"1.1,Done,31/12/2008\n"
)


@pytest.fixture
def plan(council: Organisation, officer: User, make_plan: Callable[..., Plan]) -> Plan:
    plan = make_plan(council, actions=2)
    plans.action_create(plan=plan, ref="1.2", text="Another action numbered 1.2", by=officer)
    return plan


def test_rows_for_a_shared_reference_are_listed_by_line_naming_the_actions(
    council: Organisation, officer: User, plan: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(NOTES)
    with pytest.raises(MoveInRejected) as raised:
        movein_run(
            path=path,
            organisation=council,
            mapping=shipped_mapping("pentana-actions") or {},
            plan=plan,
            by=officer,
        )
    assert raised.value.report.errors == [
        "line 3: ref 1.2 matches 2 actions: “Action number 2”; “Another action numbered 1.2”. "
        "Say which one it means on the mapping page, or leave these rows out"
    ]
    assert not ProgressUpdate.objects.exists()


def _mapped(client: Client, council: Organisation, plan: Plan) -> tuple[str, Any]:
    data = {
        "file": SimpleUploadedFile("notes.csv", NOTES),
        "organisation": str(council.uuid),
        "kind": "updates",
        "plan": str(plan.uuid),
        "profile": "",
    }
    location = client.post(reverse("movein:movein_upload"), data)["Location"]
    return location, client.get(location)


def _as_sent(page: Any, **changes: str) -> dict[str, str]:
    form = page.context["form"]
    return {name: str(form[name].value() or "") for name in form.fields} | changes


def test_the_officer_says_which_action_a_shared_reference_means(
    client: Client, council: Organisation, officer: User, plan: Plan, worker: Worker
) -> None:
    client.force_login(officer)
    location, page = _mapped(client, council, plan)
    form = page.context["form"]
    assert [ref for ref, _ in form.shared] == ["1.2"]
    assert "References more than one action has" in page.content.decode()
    second = Action.objects.get(plan=plan, text="Another action numbered 1.2")
    with worker():
        checked = client.post(location, _as_sent(page, ref_0=str(second.uuid)))
    preview = client.get(checked["Location"]).content.decode()
    assert "What the import would do" in preview
    with worker():
        client.post(checked["Location"])
    assert MoveIn.objects.get().state == MoveIn.State.IMPORTED
    assert list(second.updates.values_list("position", flat=True)) == ["For the second action"]
    assert not Action.objects.get(plan=plan, text="Action number 2").updates.exists()


def test_the_rows_of_a_shared_reference_can_be_left_out(
    client: Client, council: Organisation, officer: User, plan: Plan, worker: Worker
) -> None:
    client.force_login(officer)
    location, page = _mapped(client, council, plan)
    with worker():
        client.post(location, _as_sent(page, ref_0="skip"))
    movein = MoveIn.objects.get()
    assert movein.state == MoveIn.State.CHECKED
    assert movein.report["skipped"] == 1
    assert movein.report["created"] == {"progress updates": 2}


def test_a_reference_the_file_does_not_use_is_not_asked_about(
    client: Client, council: Organisation, officer: User, plan: Plan, tmp_path: Path
) -> None:
    client.force_login(officer)
    path = write_csv(tmp_path / "n.csv", [["Code", "Note", "Note Date"], ["1.1", "x", "Jun-08"]])
    data = {
        "file": SimpleUploadedFile("n.csv", path.read_bytes()),
        "organisation": str(council.uuid),
        "kind": "updates",
        "plan": str(plan.uuid),
        "profile": "",
    }
    page = client.get(client.post(reverse("movein:movein_upload"), data)["Location"])
    assert page.context["form"].shared == []
