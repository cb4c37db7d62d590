"""An assessment computes its level by the stated rule, lists what blocks the next level,
links gap actions in plans, goes through review, and sits beside an external verdict."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.frameworks import services
from stocktake.frameworks.models import FrameworkAssessment
from stocktake.plans import services as plans
from stocktake.plans.models import Action, ProgressStatus, Rag

from .conftest import AssessWorld, rate_all

# Level 1 all in place; two level-2 criteria short: Level 1 reached, those two block Level 2.
SHORT = {"1.3": 1, "4.3": 0, "1.4": 0, "2.4": 0}


def _page(client: Client, user: User | None, url: str) -> str:
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_assessment_page_shows_the_level_the_rule_and_the_blocking_criteria(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    rate_all(assess_world.assessment, SHORT, default=2)
    url = reverse("frameworks:assessment_detail", args=[assess_world.assessment.uuid])
    page = _page(client, officer, url)
    assert "Level 1: Developing" in page
    assert "A level is reached when every criterion of that level" in page
    assert "Criteria blocking Level 2: Achieving" in page
    blocking = page.split('data-testid="blocking"')[1].split("</ul>")[0]
    assert "1.3 " in blocking
    assert "4.3 " in blocking
    assert "1.4 " not in blocking
    assert page.count('data-testid="criterion-row"') == 20


def test_a_criterion_below_target_creates_an_action_in_a_plan_and_shows_its_progress(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    rate_all(assess_world.assessment, SHORT, default=2)
    rating = assess_world.rating("4.3")
    client.force_login(officer)
    base = [assess_world.assessment.uuid, rating.criterion.uuid]
    response = client.post(
        reverse("frameworks:gap_new", args=base),
        {
            "plan": assess_world.plan.pk,
            "text": "Add equality clauses to contracts",
            "due_text": "March 2010",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(text="Add equality clauses to contracts")
    assert action.plan == assess_world.plan
    assert action.ref == "4.3"
    assert list(rating.gap_actions.all()) == [action]
    plans.action_update_add(
        action=action,
        as_at=dt.date(2009, 9, 30),
        position="Clauses drafted",
        progress_status=ProgressStatus.IN_PROGRESS,
        rag=Rag.AMBER,
        by=officer,
    )
    client.post(reverse("frameworks:gap_link", args=base), {"action": assess_world.action.pk})
    page = _page(client, None, reverse("frameworks:criterion_detail", args=base))
    table = page.split('data-testid="gap-actions"')[1].split("</table>")[0]
    assert "Add equality clauses to contracts" in table
    assert "Conduct ward profiling" in table
    assert "st-rag--amber" in table
    assert "In progress" in table
    assert "Below target" in page


def test_a_lead_officer_who_is_not_an_assessor_cannot_rate(
    client: Client, assess_world: AssessWorld
) -> None:
    lead = assess_world.users["Lead officer (not owner)"]
    assert lead is not None
    rating = assess_world.rating("1.1")
    url = reverse(
        "frameworks:rating_set", args=[assess_world.assessment.uuid, rating.criterion.uuid]
    )
    client.force_login(lead)
    assert client.post(url, {"rating": "2"}).status_code == 403
    services.assessor_add(assessment=assess_world.assessment, user=lead, by=None)
    assert client.post(url, {"rating": "2", "commentary": "Profiles published"}).status_code == 302
    rating.refresh_from_db()
    assert (rating.rating, rating.rated_by) == (2, lead)


def test_review_needs_every_criterion_rated_and_someone_other_than_the_assessors(
    assess_world: AssessWorld, officer: User
) -> None:
    assessment = assess_world.assessment
    with pytest.raises(ValidationError, match="not yet rated"):
        services.assessment_submit(assessment=assessment, by=officer)
    rate_all(assessment, {}, default=2)
    services.assessor_add(assessment=assessment, user=officer, by=officer)
    services.assessment_submit(assessment=assessment, by=officer)
    with pytest.raises(ValidationError, match="someone else"):
        services.assessment_review(assessment=assessment, agree=True, comment="", by=officer)
    reviewer = assess_world.users["Administrator"]
    services.assessment_review(
        assessment=assessment, agree=False, comment="More evidence", by=reviewer
    )
    assert assessment.status == FrameworkAssessment.Status.RETURNED
    services.assessment_submit(assessment=assessment, by=officer)
    services.assessment_review(assessment=assessment, agree=True, comment="", by=reviewer)
    assert assessment.status == FrameworkAssessment.Status.AGREED
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.rating_set(rating=assess_world.rating("1.1"), value=0, commentary="", by=officer)


def test_the_external_verdict_is_shown_beside_the_self_assessment_with_differences(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    rate_all(assess_world.assessment, {}, default=2)
    services.external_record(
        assessment=assess_world.assessment,
        assessor_name="Peer challenge team",
        on=dt.date(2009, 6, 1),
        summary="Strong on leadership",
        by=officer,
    )
    rating = assess_world.rating("3.2")
    client.force_login(officer)
    url = reverse(
        "frameworks:external_rating_set", args=[assess_world.assessment.uuid, rating.criterion.uuid]
    )
    client.post(url, {"external-rating": "1", "external-commentary": "Little evidence"})
    page = _page(
        client, None, reverse("frameworks:assessment_detail", args=[assess_world.assessment.uuid])
    )
    assert "Peer challenge team" in page
    assert "1 difference" in page
    assert page.count("Differs") == 1


def test_re_assessments_chart_the_criterion_over_time(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    first = assess_world.assessment
    rate_all(first, {"1.1": 1}, default=2)
    second = services.assessment_create(
        organisation=first.organisation,
        unit=first.unit,
        framework=first.framework,
        title="Re-assessment",
        as_at=dt.date(2010, 3, 31),
        by=officer,
    )
    rate_all(second, {}, default=2)
    rating = second.ratings.get(criterion__ref="1.1")
    url = reverse("frameworks:criterion_detail", args=[second.uuid, rating.criterion.uuid])
    page = _page(client, officer, url)
    assert "<svg" in page
    assert "Mar 2009" in page
    assert "Mar 2010" in page


def test_a_performance_officer_starts_an_assessment_with_every_criterion(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    client.force_login(officer)
    form = {
        "organisation": assess_world.plan.organisation_id,
        "unit": "",
        "framework": assess_world.assessment.framework_id,
        "title": "Council-wide equality assessment",
        "as_at": "31/03/2010",
    }
    response = client.post(reverse("frameworks:assessment_new"), form)
    assert response.status_code == 302
    created = FrameworkAssessment.objects.get(title="Council-wide equality assessment")
    assert created.ratings.count() == 20
    assert created.as_at == dt.date(2010, 3, 31)
    viewer = assess_world.users["Viewer"]
    assert viewer is not None
    client.force_login(viewer)
    assert client.post(reverse("frameworks:assessment_new"), form).status_code == 200
    assert FrameworkAssessment.objects.count() == 2


def test_unlinking_a_gap_action_leaves_the_action_in_its_plan(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    rating = assess_world.rating("1.1")
    rating.gap_actions.add(assess_world.action)
    args = [assess_world.assessment.uuid, rating.criterion.uuid, assess_world.action.uuid]
    client.force_login(officer)
    assert client.post(reverse("frameworks:gap_unlink", args=args)).status_code == 302
    assert not rating.gap_actions.exists()
    assert Action.objects.filter(pk=assess_world.action.pk).exists()
    assert client.post(reverse("frameworks:gap_unlink", args=args)).status_code == 404


def test_a_named_assessor_from_one_service_may_rate_a_council_wide_assessment(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    whole = services.assessment_create(
        organisation=assess_world.plan.organisation,
        framework=assess_world.assessment.framework,
        title="Council-wide",
        as_at=dt.date(2009, 3, 31),
        by=officer,
    )
    lead = assess_world.users["Lead officer (not owner)"]
    assert lead is not None
    criterion = whole.ratings.get(criterion__ref="1.1").criterion
    url = reverse("frameworks:rating_set", args=[whole.uuid, criterion.uuid])
    client.force_login(lead)
    assert client.post(url, {"rating": "1"}).status_code == 403
    services.assessor_add(assessment=whole, user=lead, by=officer)
    assert client.post(url, {"rating": "1"}).status_code == 302
