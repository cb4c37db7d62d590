"""Plan workflow, councillor visibility, closure and evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Committee, Organisation
from stocktake.plans import services
from stocktake.plans import services_workflow as workflow
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser


def _step(client: Client, plan: Plan, name: str, **data: str) -> None:
    client.post(reverse("plans:plan_transition", args=[plan.uuid, name]), data)
    plan.refresh_from_db()


def test_a_plan_goes_through_every_step_and_each_is_recorded(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council)
    audit = Committee.objects.create(organisation=council, name="Audit Committee", kind="audit")
    client.force_login(officer)
    _step(client, plan, "submit")
    assert plan.status == "submitted"
    _step(client, plan, "return", comment="Add owners to objective 3")
    assert plan.status == "returned"
    page = client.get(reverse("plans:plan_detail", args=[plan.uuid])).content.decode()
    assert "Add owners to objective 3" in page
    _step(client, plan, "submit")
    _step(client, plan, "approve", committee=str(audit.pk), decided_on="2009-03-12")
    assert plan.status == "approved"
    _step(client, plan, "publish")
    assert plan.status == "published"
    assert plan.versions.count() == 1
    _step(client, plan, "reopen")
    assert plan.status == "draft"
    steps = [(t.from_status, t.to_status) for t in plan.transitions.all()]
    assert steps == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
        ("approved", "published"),
        ("published", "draft"),
    ]
    approval = plan.transitions.get(to_status="approved")
    assert (approval.committee, approval.decided_on) == (audit, dt.date(2009, 3, 12))
    trail = client.get(reverse("plans:plan_versions", args=[plan.uuid])).content.decode()
    assert "Audit Committee 12 March 2009" in trail
    assert "Status: Submitted → Approved" in trail


def test_a_return_without_comments_is_refused(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council)
    workflow.plan_submit(plan=plan, by=officer)
    client.force_login(officer)
    _step(client, plan, "return", comment=" ")
    assert plan.status == "submitted"
    with pytest.raises(ValidationError):
        workflow.plan_return(plan=plan, comment="", by=officer)


def test_steps_out_of_order_are_refused(
    make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council)
    with pytest.raises(ValidationError):
        workflow.plan_publish(plan=plan, by=officer)
    with pytest.raises(ValidationError):
        workflow.plan_approve(plan=plan, by=officer)
    assert plan.transitions.count() == 0


def test_lead_officers_cannot_approve_or_publish(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    plan = make_plan(council)
    workflow.plan_submit(plan=plan, by=officer)
    lead, _ = make_user("Lead officer", council)
    client.force_login(lead)
    response = client.post(reverse("plans:plan_transition", args=[plan.uuid, "approve"]))
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_published_versions_can_be_compared(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    plan = make_plan(council, actions=2)
    for _ in range(2):
        workflow.plan_submit(plan=plan, by=officer)
        workflow.plan_approve(plan=plan, by=officer)
        workflow.plan_publish(plan=plan, by=officer)
        workflow.plan_reopen(plan=plan, by=officer)
        services.action_create(plan=plan, text="Added in the second round", by=officer)
    first, second = plan.versions.all()
    changes = workflow.versions_compare(first, second)
    assert [a["text"] for a in changes["added"]] == ["Added in the second round"]
    client.force_login(officer)
    page = client.get(reverse("plans:plan_versions", args=[plan.uuid])).content.decode()
    assert "Added (1)" in page


@pytest.mark.parametrize(("drafts_allowed", "expected"), [(False, 403), (True, 200)])
def test_councillors_see_drafts_only_where_the_council_allows(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
    drafts_allowed: bool,
    expected: int,
) -> None:
    council.councillors_see_drafts = drafts_allowed
    council.save()
    draft = make_plan(council)
    approved = make_plan(council, title="Approved plan")
    workflow.plan_submit(plan=approved, by=officer)
    workflow.plan_approve(plan=approved, by=officer)
    councillor, _ = make_user("Councillor", council)
    client.force_login(councillor)
    assert client.get(reverse("plans:plan_detail", args=[draft.uuid])).status_code == expected
    assert client.get(reverse("plans:plan_detail", args=[approved.uuid])).status_code == 200
    listing = client.get(reverse("plans:plan_list")).content.decode()
    assert ("Access to Services Inspection Action Plan" in listing) is drafts_allowed


def test_closure_as_superseded_links_both_items(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    old = make_plan(council, actions=1).actions.get()
    new = make_plan(council, actions=1, title="Strategic Change Programme").actions.get()
    client.force_login(officer)
    response = client.post(
        reverse("plans:action_close", args=[old.uuid]),
        {
            "closed_as": "superseded",
            "superseded_by": str(new.uuid),
            "agreed_by": "Audit Committee",
            "agreed_on": "2009-03-12",
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert (old.progress_status, old.superseded_by) == ("superseded", new)
    old_page = client.get(reverse("plans:action_detail", args=[old.uuid])).content.decode()
    assert "closure agreed by Audit Committee on 12 March 2009" in old_page
    assert "Strategic Change Programme" in old_page
    new_page = client.get(reverse("plans:action_detail", args=[new.uuid])).content.decode()
    assert "This item supersedes" in new_page


def test_closing_needs_who_agreed_and_a_successor_when_superseded(
    client: Client, make_plan: Callable[..., Plan], council: Organisation, officer: User
) -> None:
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    url = reverse("plans:action_close", args=[action.uuid])
    for data in [
        {"closed_as": "complete", "agreed_on": "2009-03-12"},
        {"closed_as": "superseded", "agreed_by": "Cabinet", "agreed_on": "2009-03-12"},
    ]:
        response = client.post(url, data)
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()
    action.refresh_from_db()
    assert action.progress_status == "not_started"
    assert not action.updates.exists()


def test_evidence_is_type_and_size_checked_and_served_only_to_readers(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    officer: User,
    make_user: MakeUser,
    settings: object,
    tmp_path: object,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]
    action = make_plan(council, actions=1).actions.get()
    client.force_login(officer)
    url = reverse("plans:evidence_add", args=[action.uuid])
    fake = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    assert (
        "not really a PDF" in client.post(url, {"title": "Minutes", "file": fake}).content.decode()
    )
    script = SimpleUploadedFile("run.exe", b"MZ\x90\x00", "application/octet-stream")
    assert "must be a PDF" in client.post(url, {"title": "Tool", "file": script}).content.decode()
    settings.EVIDENCE_MAX_BYTES = 10  # type: ignore[attr-defined]
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4" + b"0" * 100, "application/pdf")
    assert "smaller than" in client.post(url, {"title": "Big", "file": big}).content.decode()
    assert not action.evidence.exists()
    settings.EVIDENCE_MAX_BYTES = 10_000_000  # type: ignore[attr-defined]
    good = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
    assert client.post(url, {"title": "Cabinet minutes", "file": good}).status_code == 302
    evidence = action.evidence.get()
    download = client.get(reverse("plans:evidence_file", args=[evidence.uuid]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    stranger, _ = make_user("Viewer", council)
    client.force_login(stranger)
    assert client.get(reverse("plans:evidence_file", args=[evidence.uuid])).status_code == 403
