"""Saving reviewed previews of the seed papers as plans, all or nothing."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.imports.models import ImportRecord
from stocktake.imports.save import ImportRejected, plan_import
from stocktake.imports.tests.conftest import seed
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action, Plan, Section
from stocktake.priorities.models import Priority
from stocktake.risks.models import EqualityAssessment, Risk

pytestmark = pytest.mark.django_db
AS_AT = dt.date(2008, 9, 30)


def _import(
    previews: dict[str, Any], key: str, council: Organisation, officer: User, **kw: Any
) -> Plan:
    record = plan_import(
        preview=copy.deepcopy(previews[key]), organisation=council, by=officer, **kw
    )
    assert record.plan is not None
    return record.plan


def test_the_inspection_plan_keeps_its_groups_and_both_dated_positions(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "000", council, officer, as_at=AS_AT)
    assert plan.kind == "inspection_action_plan"
    assert plan.sections.count() == 4
    actions = list(plan.actions.select_related("section").order_by("position"))
    assert len(actions) == 39
    groups = [a.section.title for a in actions if a.section]
    assert sum(1 for g in groups if g.startswith("Other issues")) == 28
    for action in actions:
        labels = [(u.label, u.as_at) for u in action.updates.order_by("as_at")]
        assert labels[0] == ("Situation @ August 2007", dt.date(2007, 8, 31)), action.text
    first = actions[0]
    assert (first.original_due_text, first.original_due_date) == (
        "November 2007",
        dt.date(2007, 11, 30),
    )
    current = first.updates.get(as_at=AS_AT)
    assert current.position.startswith("This action was planned through Uttlesford Futures")
    assert current.future_action.startswith("No further action at the present time")


def test_a_paper_without_a_date_for_its_current_positions_needs_one(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    with pytest.raises(ImportRejected, match="as-at date"):
        _import(previews, "000", council, officer)
    assert not Plan.objects.exists()
    assert not Person.objects.filter(organisation=council).exclude(user__isnull=False).exists()


def test_the_improvement_plan_keeps_duplicate_refs_owners_and_raw_statuses(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "002", council, officer)
    assert plan.actions.count() == 121
    assert plan.sections.count() == 9
    assert plan.actions.filter(ref="3.4").count() == 2
    assert plan.actions.filter(ref="3.5").count() == 2
    two = plan.actions.get(ref="1.2")
    assert sorted(p.name for p in two.owners.all()) == ["Caroline Marshall", "Helen Walton"]
    assert Person.objects.filter(organisation=council, name="Steve Phipps").count() == 1
    assert Person.objects.filter(organisation=council, name="Sarah Cromie").count() == 1
    done = plan.actions.get(ref="1.1")
    assert (done.status_text, done.progress_status, done.rag) == ("Complete", "complete", "blue")
    assert done.deliverables.startswith("Establishment of a Project Team")


def test_the_update_paper_gives_posts_milestones_and_no_priority(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "004", council, officer)
    r1, r2, r3 = plan.actions.order_by("position")
    assert [r1.ref, r2.ref, r3.ref] == ["R1", "R2", "R3"]
    assert [o.post.title for o in r1.ownerships.all() if o.post] == ["Deputy Director of Finance"]
    assert (
        Post.objects.filter(title="Head of Benefits, Revenues and Customer Services").count() == 1
    )
    assert {a.agreement for a in (r1, r2, r3)} == {"agreed"}
    assert {a.priority for a in (r1, r2, r3)} == {""}
    assert "not_prioritised" in r1.flags
    assert [(m.due_date, m.text, m.completed_on) for m in r1.milestones.all()] == [
        (dt.date(2008, 12, 10), "10 December 2008 – completed", dt.date(2008, 12, 10)),
        (dt.date(2009, 4, 23), "further report", None),
    ]
    assert r2.due_date == r3.due_date == dt.date(2009, 12, 31)


def test_the_service_plan_brings_its_indicators_risks_and_assessments(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "003", council, officer)
    assert plan.kind == "service_plan"
    record = ImportRecord.objects.get(plan=plan)
    assert record.summary["counts"]["indicators"] >= 60
    assert record.summary["counts"]["risks"] == 16
    assert record.summary["counts"]["equality assessments"] == 8
    risk = Risk.objects.get(organisation=council, ref="a)")
    assert {"unassigned", "unscored"} <= set(risk.flags)
    assert EqualityAssessment.objects.filter(organisation=council, priority="high").count() == 2
    sx52 = Indicator.objects.get(organisation=council, definition__code="SX52")
    assert sorted(str(t.value).rstrip("0").rstrip(".") for t in sx52.targets.all()) == ["90"] * 3
    stepped = [a for a in plan.actions.all() if a.milestones.count() >= 2]
    assert len(stepped) >= 12
    assert any(a.outcomes for a in plan.actions.all())


def test_an_import_that_fails_part_way_leaves_nothing(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    broken = copy.deepcopy(previews["002"])
    broken["items"][60]["text"] = None  # a reviewer's edit gone wrong, far into the file
    with pytest.raises(Exception):  # noqa: B017, PT011 - any failure must roll back
        plan_import(preview=broken, organisation=council, by=officer)
    assert not Plan.objects.exists()
    assert not Action.objects.exists()
    assert not ImportRecord.objects.exists()


def test_the_command_saves_a_paper_and_refuses_one_it_cannot_date(
    capsys: pytest.CaptureFixture[str], roles: object
) -> None:
    call_command(
        "import_document", str(seed("004")), "--organisation", "Uttlesford District Council"
    )
    assert "Imported" in capsys.readouterr().out
    assert Plan.objects.get().organisation.name == "Uttlesford District Council"
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import_document", str(seed("000")), "--organisation", "Uttlesford District Council"
        )
    assert exit_info.value.code == 1
    assert "--as-at" in capsys.readouterr().err
    assert Plan.objects.count() == 1


def test_the_service_plan_links_objectives_and_actions_to_the_councils_priorities(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "003", council, officer)
    aims = Priority.objects.filter(organisation=council, kind="aim")
    assert sorted(aims.values_list("code", flat=True)) == ["A", "B", "C", "D", "E"]
    approach = Priority.objects.get(organisation=council, code="Ai")
    assert approach.parent is not None
    assert approach.parent.code == "A"
    assert Section.objects.filter(plan=plan, priorities__isnull=False).distinct().count() >= 10
    assert plan.actions.filter(priorities__code="A5").exists()


def test_the_papers_own_words_are_kept_as_the_plans_narrative_in_order(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "003", council, officer)
    headings = list(
        plan.narrative.exclude(heading="About this paper").values_list("heading", flat=True)
    )
    assert len(headings) == len(previews["003"]["narrative"])
    for earlier, later in [
        ("2. Context", "4. Our Customers"),
        ("8. Workforce Overview", "10. Risk Overview"),
    ]:
        assert headings.index(earlier) < headings.index(later)


def test_the_command_updates_a_plan_from_a_newer_version_of_its_paper(
    capsys: pytest.CaptureFixture[str], roles: object
) -> None:
    call_command(
        "import_document", str(seed("004")), "--organisation", "Uttlesford District Council"
    )
    plan = Plan.objects.get()
    call_command("import_document", str(seed("004")), "--into", str(plan.uuid))
    assert "0 added, 0 changed, 3 unchanged" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        call_command("import_document", str(seed("004")), "--into", "not-a-plan")
    assert Plan.objects.count() == 1


def test_a_project_header_is_kept_with_the_plan(
    previews: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan = _import(previews, "002", council, officer)
    details = plan.narrative.get(heading="About this paper").text
    assert "Project executive: Steve Phipps" in details
    assert "Project manager: Caroline Marshall" in details
    assert "Adrian Le Cras" in details
    assert plan.description.startswith("To ensure that Charnwood Borough Council")
