"""Nonsense on risk and partnership forms is refused with a clear message, and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.risks import services
from stocktake.risks import services_partnerships as partnerships
from stocktake.risks.models import Risk

from .conftest import PartnershipWorld, RiskWorld


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(error.value.messages)


def test_an_appetite_above_the_matrixs_top_score_is_refused(
    risk_world: RiskWorld, officer: User
) -> None:
    risk = risk_world.risk
    with pytest.raises(ValidationError) as error:
        services.risk_edit(risk=risk, appetite=40, by=officer)
    assert "1 to 9" in _messages(error)
    risk.refresh_from_db()
    assert risk.appetite is None


def test_an_appetite_within_the_matrixs_scores_is_kept(
    risk_world: RiskWorld, officer: User
) -> None:
    services.risk_edit(risk=risk_world.risk, appetite=4, by=officer)
    risk_world.risk.refresh_from_db()
    assert risk_world.risk.appetite == 4


def test_a_review_cycle_of_zero_days_is_refused_on_a_risk_and_not_replaced_by_the_default(
    risk_world: RiskWorld, officer: User
) -> None:
    risk = risk_world.risk
    due = risk.review_due_on
    with pytest.raises(ValidationError) as error:
        services.risk_edit(risk=risk, review_days=0, by=officer)
    assert "at least 1 day" in _messages(error)
    risk.refresh_from_db()
    assert (risk.review_days, risk.review_due_on) == (None, due)


def test_a_review_cycle_of_zero_days_is_refused_on_a_partnership(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    partnership = partnership_world.partnership
    with pytest.raises(ValidationError) as error:
        partnerships.partnership_edit(partnership=partnership, review_days=0, by=officer)
    assert "at least 1 day" in _messages(error)
    partnership.refresh_from_db()
    assert partnership.review_days == 365
    with pytest.raises(ValidationError):
        partnerships.partnership_create(
            organisation=partnership.organisation,
            name="Zero cycle",
            lead_person=officer.person,
            review_days=0,
            by=officer,
        )


def test_a_review_dated_1900_is_refused_for_a_risk_and_a_partnership(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    risk = partnership_world.risk
    with pytest.raises(ValidationError) as error:
        services.risk_review_add(
            risk=risk, as_at=dt.date(1900, 1, 1), likelihood=1, impact=1, by=officer
        )
    assert "1 January 2000" in _messages(error)
    assert risk.reviews.count() == 1
    with pytest.raises(ValidationError):
        partnerships.partnership_review_add(
            partnership=partnership_world.partnership,
            as_at=dt.date(1900, 1, 1),
            outcome="continue",
            by=officer,
        )
    assert partnership_world.partnership.reviews.count() == 0


def test_the_risk_form_shows_the_refusals_in_an_error_summary(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    risk = risk_world.risk
    url = reverse("risks:risk_edit", args=[risk.uuid])
    page = client.get(url)
    data = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    data.update(appetite="40", review_days="0", mitigating_actions=[risk_world.action.pk])
    data.pop("review_due_on", None)
    response = client.post(url, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "Enter an appetite from 1 to 9" in text


def test_the_review_form_refuses_a_date_in_1900(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("risks:risk_review", args=[risk_world.risk.uuid])
    data = {"as_at": "1900-01-01", "likelihood": "1", "impact": "1", "mitigation": "x"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "on or after 1 January 2000" in response.content.decode()
    assert risk_world.risk.reviews.count() == 1


@pytest.mark.parametrize("days", [1826, 10_000_000])
def test_a_review_cycle_longer_than_five_years_is_refused_on_a_risk_and_changes_nothing(
    risk_world: RiskWorld, officer: User, days: int
) -> None:
    risk = risk_world.risk
    due = risk.review_due_on
    with pytest.raises(ValidationError) as error:
        services.risk_edit(risk=risk, review_days=days, by=officer)
    assert "from 1 to 1825 days" in _messages(error)
    risk.refresh_from_db()
    assert (risk.review_days, risk.review_due_on) == (None, due)
    with pytest.raises(ValidationError):
        services.risk_create(
            organisation=risk.organisation,
            title="Another",
            owner_person=risk.owner_person,
            review_days=days,
            by=officer,
        )
    assert not Risk.objects.filter(title="Another").exists()


def test_a_review_cycle_of_five_years_is_kept(risk_world: RiskWorld, officer: User) -> None:
    risk = risk_world.risk
    services.risk_edit(risk=risk, review_days=1825, by=officer)
    risk.refresh_from_db()
    assert risk.review_days == 1825
    assert risk.last_reviewed_on is not None
    assert risk.review_due_on == risk.last_reviewed_on + dt.timedelta(days=1825)


def test_a_review_cycle_of_ten_million_days_is_refused_on_a_partnership(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    partnership = partnership_world.partnership
    with pytest.raises(ValidationError) as error:
        partnerships.partnership_edit(partnership=partnership, review_days=10_000_000, by=officer)
    assert "from 1 to 1825 days" in _messages(error)
    partnership.refresh_from_db()
    assert partnership.review_days == 365


def test_the_risk_form_refuses_a_review_cycle_of_ten_million_days_in_its_error_summary(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    risk = risk_world.risk
    url = reverse("risks:risk_edit", args=[risk.uuid])
    page = client.get(url)
    data = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    data.update(review_days="10000000", mitigating_actions=[risk_world.action.pk])
    due = risk.review_due_on
    assert due is not None
    # With the next review date left as it was (the cycle sets it) and with it cleared.
    for review_due_on in (due.isoformat(), ""):
        response = client.post(url, data | {"review_due_on": review_due_on})
        assert response.status_code == 200
        text = response.content.decode()
        assert "govuk-error-summary" in text
        assert "Enter a review cycle from 1 to 1825 days (five years)" in text
        risk.refresh_from_db()
        assert (risk.review_days, risk.review_due_on) == (None, due)
