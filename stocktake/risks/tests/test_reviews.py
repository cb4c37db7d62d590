"""Each re-score is a dated review; the risk shows the latest by business date."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from stocktake.risks import services

from .conftest import RiskWorld


def test_re_scoring_keeps_the_history(risk_world: RiskWorld, officer: User) -> None:
    risk = risk_world.risk
    services.risk_review_add(
        risk=risk, as_at=dt.date(2008, 3, 31), likelihood=3, impact=2, note="Worse", by=officer
    )
    services.risk_review_add(
        risk=risk, as_at=dt.date(2009, 3, 31), likelihood=1, impact=2, note="Better", by=officer
    )
    scores = [(r.as_at, r.score) for r in risk.reviews.order_by("as_at")]
    assert scores == [
        (dt.date(2007, 8, 2), 4),
        (dt.date(2008, 3, 31), 6),
        (dt.date(2009, 3, 31), 2),
    ]
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact, risk.residual_score) == (1, 2, 2)
    assert risk.inherent_score == 9


def test_a_backdated_review_does_not_replace_the_latest(
    risk_world: RiskWorld, officer: User
) -> None:
    risk = risk_world.risk
    today = services.today()
    services.risk_review_add(risk=risk, as_at=today, likelihood=1, impact=1, by=officer)
    services.risk_review_add(
        risk=risk, as_at=dt.date(2007, 8, 2), likelihood=3, impact=3, by=officer
    )
    risk.refresh_from_db()
    assert risk.residual_score == 1
    assert risk.last_reviewed_on == today
    assert risk.reviews.count() == 3


def test_the_history_records_who_changed_the_risk(risk_world: RiskWorld, officer: User) -> None:
    risk = risk_world.risk
    services.risk_edit(risk=risk, category="reputational", by=officer)
    latest = risk.history.first()
    assert latest.category == "reputational"
    assert latest.history_user == officer
