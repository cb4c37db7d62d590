"""Each named rule, through the services that apply it; imports are flagged, not refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation, Post
from stocktake.risks import rules, services, services_equality
from stocktake.risks.models import Risk

from .conftest import RiskWorld


def _errors(excinfo: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(excinfo.value.message_dict)


def test_a_risk_needs_an_owner_when_a_person_adds_it(council: Organisation, officer: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.risk_create(organisation=council, title="Loss of staff", by=officer)
    assert _errors(excinfo) == {"owner_person"}


def test_a_post_is_owner_enough(council: Organisation, officer: User) -> None:
    post = Post.objects.create(organisation=council, title="Head of Customer Services")
    risk = services.risk_create(
        organisation=council, title="Loss of staff", owner_post=post, by=officer
    )
    assert risk.owner == post
    assert "unassigned" not in risk.flags


def test_an_owner_is_a_person_or_a_post_not_both(risk_world: RiskWorld, officer: User) -> None:
    post = Post.objects.create(organisation=risk_world.plan.organisation, title="Director")
    with pytest.raises(ValidationError) as excinfo:
        services.risk_edit(risk=risk_world.risk, owner_post=post, by=officer)
    assert _errors(excinfo) == {"owner_post"}


def test_a_risk_over_appetite_needs_a_mitigation(risk_world: RiskWorld, officer: User) -> None:
    risk = risk_world.risk
    with pytest.raises(ValidationError) as excinfo:
        services.risk_review_add(
            risk=risk,
            as_at=dt.date(2009, 5, 1),
            likelihood=3,
            impact=3,
            mitigation="",
            by=officer,
        )
    assert _errors(excinfo) == {"mitigation"}
    risk.refresh_from_db()
    assert risk.residual_score == 4
    assert risk.reviews.count() == 1


def test_the_appetite_decides_what_is_over_it(risk_world: RiskWorld, officer: User) -> None:
    risk = risk_world.risk
    assert not risk.is_over_appetite  # 4 is amber; red starts at 6
    services.risk_edit(risk=risk, appetite=3, by=officer)
    assert risk.is_over_appetite
    assert Risk.objects.over_appetite().filter(pk=risk.pk).exists()
    with pytest.raises(ValidationError) as excinfo:
        services.risk_edit(risk=risk, mitigation=" ", by=officer)
    assert _errors(excinfo) == {"mitigation"}


def test_a_review_is_overdue_after_the_matrix_review_period(
    risk_world: RiskWorld, officer: User
) -> None:
    risk = risk_world.risk
    services.risk_review_add(
        risk=risk, as_at=dt.date(2009, 1, 1), likelihood=1, impact=1, by=officer
    )
    risk.refresh_from_db()
    assert risk.review_due_on == dt.date(2009, 1, 1) + dt.timedelta(days=90)
    assert rules.review_is_overdue(risk.review_due_on, dt.date(2009, 4, 2), is_open=True)
    assert not rules.review_is_overdue(risk.review_due_on, dt.date(2009, 3, 31), is_open=True)
    assert Risk.objects.review_overdue(dt.date(2009, 4, 2)).filter(pk=risk.pk).exists()
    services.risk_edit(risk=risk, status=Risk.Status.CLOSED, by=officer)
    assert not Risk.objects.review_overdue(dt.date(2009, 4, 2)).filter(pk=risk.pk).exists()


def test_the_review_period_can_be_set_per_risk(risk_world: RiskWorld, officer: User) -> None:
    risk = risk_world.risk
    services.risk_edit(risk=risk, review_days=30, by=officer)
    assert risk.review_due_on == risk.last_reviewed_on + dt.timedelta(days=30)  # type: ignore[operator]


def test_a_review_cannot_be_in_the_future(risk_world: RiskWorld, officer: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.risk_review_add(
            risk=risk_world.risk,
            as_at=services.today() + dt.timedelta(days=1),
            likelihood=1,
            impact=1,
            by=officer,
        )
    assert _errors(excinfo) == {"as_at"}


def test_a_review_needs_a_score_on_the_matrix(risk_world: RiskWorld, officer: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.risk_review_add(
            risk=risk_world.risk, as_at=dt.date(2009, 1, 1), likelihood=None, impact=2, by=officer
        )
    assert _errors(excinfo) == {"likelihood"}
    with pytest.raises(ValidationError) as excinfo:
        services.risk_review_add(
            risk=risk_world.risk, as_at=dt.date(2009, 1, 1), likelihood=4, impact=2, by=officer
        )
    assert _errors(excinfo) == {"likelihood"}


def test_inherent_scores_need_both_parts(risk_world: RiskWorld, officer: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.risk_edit(risk=risk_world.risk, inherent_impact=None, by=officer)
    assert _errors(excinfo) == {"impact"}


def test_imports_keep_risks_without_owner_or_score_and_flag_them(
    council: Organisation, officer: User
) -> None:
    risk = services.risk_create(
        organisation=council, title="Aggressive customer", checked=False, by=officer
    )
    assert risk.flags == ["unassigned", "unscored"]
    with pytest.raises(ValidationError):
        services.risk_edit(risk=risk, category="people", by=officer)


def test_scoring_and_assigning_clears_the_flags(council: Organisation, officer: User) -> None:
    risk = services.risk_create(
        organisation=council, title="Aggressive customer", checked=False, by=officer
    )
    services.risk_review_add(
        risk=risk, as_at=dt.date(2009, 6, 1), likelihood=1, impact=2, by=officer
    )
    assert risk.flags == ["unassigned"]
    services.risk_edit(risk=risk, owner_person=officer.person, by=officer)
    assert risk.flags == []


def test_an_assessment_needs_a_lead(council: Organisation, officer: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services_equality.assessment_create(organisation=council, title="Reception", by=officer)
    assert _errors(excinfo) == {"lead_person"}


def test_a_finished_assessment_needs_findings_and_characteristics(
    risk_world: RiskWorld, officer: User
) -> None:
    assessment = risk_world.assessment
    with pytest.raises(ValidationError) as excinfo:
        services_equality.assessment_edit(assessment=assessment, status="complete", by=officer)
    assert _errors(excinfo) == {"findings"}
    with pytest.raises(ValidationError) as excinfo:
        services_equality.assessment_edit(
            assessment=assessment, status="complete", findings="No adverse impact", by=officer
        )
    assert _errors(excinfo) == {"characteristics"}
