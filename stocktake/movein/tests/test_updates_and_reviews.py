"""Progress updates and risk reviews keep the dates they describe; statuses follow the latest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.movein.engine import MoveInRejected, movein_run
from stocktake.movein.models import Kind
from stocktake.movein.shipped import shipped_mapping
from stocktake.plans.models import Action, Plan, ProgressUpdate
from stocktake.risks import services as risks
from stocktake.risks.models import Risk, RiskReview

from .conftest import write_csv

UPDATES = [
    ["Code", "Action", "Status", "Note", "Note Date", "Note Author"],
    ["1.1", "Action number 1", "In Progress", "Scoping under way", "30/06/2007", "Jo Bloggs"],
    ["1.1", "Action number 1", "Completed", "Done and dusted", "Mar-08", "Jo Bloggs"],
    ["1.2", "Action number 2", "Overdue", "Waiting for IT", "31/12/2007", "Head of ICT"],
]


def test_updates_are_dated_by_the_export_and_the_action_follows_the_latest(
    council: Organisation, officer: User, make_plan: Callable[..., Plan], tmp_path: Path
) -> None:
    plan = make_plan(council, actions=2)
    mapping = shipped_mapping("pentana-actions")
    assert mapping is not None
    report = movein_run(
        path=write_csv(tmp_path / "notes.csv", UPDATES),
        organisation=council,
        mapping=mapping,
        plan=plan,
        by=officer,
    )
    assert report["created"] == {"progress updates": 3, "persons": 1}
    first = Action.objects.get(plan=plan, ref="1.1")
    dates = list(first.updates.values_list("as_at", "as_at_precision", "progress_status"))
    assert dates == [
        (dt.date(2007, 6, 30), "day", "in_progress"),
        (dt.date(2008, 3, 31), "month", "complete"),
    ]
    assert first.progress_status == "complete"
    assert first.updates.first().author.name == "Jo Bloggs"  # type: ignore[union-attr]
    second = Action.objects.get(plan=plan, ref="1.2")
    assert second.rag == "red"
    assert second.updates.get().label == "By Head of ICT"
    assert report["gaps"] == ["Action 1.1: no update in Q2 2007/08, Q3 2007/08"]
    assert ProgressUpdate.history.count() == 3  # the audit trail is kept for updates


def test_an_update_for_an_action_not_in_the_plan_is_listed_by_line(
    council: Organisation, officer: User, make_plan: Callable[..., Plan], tmp_path: Path
) -> None:
    plan = make_plan(council, actions=1)
    mapping = shipped_mapping("pentana-actions")
    assert mapping is not None
    with pytest.raises(MoveInRejected) as raised:
        movein_run(
            path=write_csv(tmp_path / "notes.csv", UPDATES),
            organisation=council,
            mapping=mapping,
            plan=plan,
            by=officer,
        )
    assert raised.value.report.unmatched == [f"line 4: no action 1.2 in {plan.title}"]
    assert not ProgressUpdate.objects.exists()


def test_risk_reviews_keep_their_dates_and_set_the_current_score(
    council: Organisation, officer: User, tmp_path: Path
) -> None:
    risk = risks.risk_create(
        organisation=council, title="Data loss", ref="R1", checked=False, by=officer
    )
    rows = [
        ["Code", "Current Likelihood", "Current Impact", "Note", "Note Date"],
        ["R1", "3", "3", "High before the new system", "01/06/2007"],
        ["R1", "1", "2", "Mitigated", "15/01/2008"],
        ["R1", "9", "3", "Typo", "15/02/2008"],
    ]
    mapping = shipped_mapping("pentana-risks")
    assert mapping is not None
    with pytest.raises(MoveInRejected) as raised:
        movein_run(
            path=write_csv(tmp_path / "r.csv", rows),
            organisation=council,
            mapping=mapping,
            by=officer,
        )
    assert raised.value.report.errors[0].startswith("line 4: likelihood “9” is not a level of 1 to")
    report = movein_run(
        path=write_csv(tmp_path / "r.csv", rows[:3]),
        organisation=council,
        mapping=mapping,
        by=officer,
    )
    assert report["created"] == {"risk reviews": 2}
    risk = Risk.objects.get(pk=risk.pk)
    assert (risk.residual_likelihood, risk.residual_impact, risk.last_reviewed_on) == (
        1,
        2,
        dt.date(2008, 1, 15),
    )
    assert list(RiskReview.objects.values_list("as_at", flat=True)) == [
        dt.date(2007, 6, 1),
        dt.date(2008, 1, 15),
    ]
    assert report["kind"] == Kind.REVIEWS
