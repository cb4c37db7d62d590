"""Approval: draft → submitted → returned with comments → resubmitted → approved → published,
with every submission and publication kept as a version and versions compared."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from stocktake.serviceplans import services
from stocktake.serviceplans import services_workflow as workflow
from stocktake.serviceplans.compare import documents_compare, side_by_side
from stocktake.serviceplans.document import plan_document
from stocktake.serviceplans.models import SectionContent, ServicePlan

pytestmark = pytest.mark.django_db


def _content(plan: ServicePlan, key: str) -> SectionContent:
    return plan.contents.select_related("section", "service_plan").get(section__key=key)


def test_a_returned_draft_is_changed_resubmitted_approved_and_published(
    small_plan: ServicePlan, officer: User
) -> None:
    plan = small_plan
    first = workflow.plan_submit(plan=plan, by=officer)
    with pytest.raises(ValidationError):
        services.section_save(content=_content(plan, "functions"), data={"text": "x"}, by=officer)
    with pytest.raises(ValidationError):
        workflow.plan_return(plan=plan, comment=" ", by=officer)
    workflow.plan_return(plan=plan, comment="Say how you will cut avoidable contact", by=officer)
    services.section_save(
        content=_content(plan, "functions"),
        data={"text": "We answer the phones.\nWe cut avoidable contact."},
        by=officer,
    )
    second = workflow.plan_submit(plan=plan, by=officer)
    with pytest.raises(ValidationError):
        workflow.plan_approve(plan=plan, by=officer)  # by whom?
    workflow.plan_approve(plan=plan, approved_by="Cllr Simon Edwards", by=officer)
    published = workflow.plan_publish(plan=plan, by=officer)
    plan.refresh_from_db()
    assert plan.status == "published"
    assert plan.approved_by == "Cllr Simon Edwards"
    assert plan.approved_on is not None
    assert [v.number for v in plan.versions.all()] == [1, 2, 3]
    assert [t.to_status for t in plan.transitions.all()] == [
        "submitted",
        "returned",
        "submitted",
        "approved",
        "published",
    ]
    diffs = {d.heading: d for d in documents_compare(first.snapshot, second.snapshot)}
    changed = [d for d in diffs.values() if d.changed]
    assert [d.heading for d in changed] == ["Key functions and responsibilities"]
    assert [(r.tag, r.after) for r in changed[0].rows] == [
        ("equal", "We answer the phones."),
        ("insert", "We cut avoidable contact."),
    ]
    assert published.snapshot["status"] == "published"


def test_versions_do_not_change_when_the_plan_does(small_plan: ServicePlan, officer: User) -> None:
    version = workflow.plan_submit(plan=small_plan, by=officer)
    kept = version.snapshot
    workflow.plan_return(plan=small_plan, comment="More", by=officer)
    services.section_save(
        content=_content(small_plan, "functions"), data={"text": "Rewritten"}, by=officer
    )
    version.refresh_from_db()
    assert version.snapshot == kept
    assert plan_document(small_plan) != kept


def test_side_by_side_pairs_replaced_lines_and_pads_the_shorter_side() -> None:
    rows = side_by_side(["a", "b", "c"], ["a", "B", "B2", "c"])
    assert [(r.tag, r.before, r.after) for r in rows] == [
        ("equal", "a", "a"),
        ("replace", "b", "B"),
        ("replace", "", "B2"),
        ("equal", "c", "c"),
    ]


def test_a_plan_cannot_be_published_before_it_is_approved(
    small_plan: ServicePlan, officer: User
) -> None:
    with pytest.raises(ValidationError):
        workflow.plan_publish(plan=small_plan, by=officer)
    workflow.plan_submit(plan=small_plan, by=officer)
    with pytest.raises(ValidationError):
        workflow.plan_publish(plan=small_plan, by=officer)


def test_a_service_has_one_plan_a_year(small_plan: ServicePlan, officer: User) -> None:
    with pytest.raises(ValidationError):
        services.service_plan_create(
            organisation=small_plan.organisation, unit=small_plan.unit, year=2009, by=officer
        )


def test_the_versions_page_shows_what_changed_since_the_returned_draft(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    workflow.plan_submit(plan=small_plan, by=officer)
    workflow.plan_return(plan=small_plan, comment="Add the web chat", by=officer)
    services.section_save(
        content=_content(small_plan, "functions"),
        data={"text": "We answer the phones and web chat."},
        by=officer,
    )
    client.force_login(officer)
    page = client.get(f"/service-plans/{small_plan.uuid}/")
    assert "Returned for changes: Add the web chat" in page.content.decode()
    html = client.get(f"/service-plans/{small_plan.uuid}/versions/").content.decode()
    assert "Version 1 (submitted for approval) compared with now" in html
    assert (
        '<del><span class="govuk-visually-hidden">Removed: </span>We answer the phones.</del>'
        in html
    )
    assert "We answer the phones and web chat." in html
