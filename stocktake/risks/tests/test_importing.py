"""The seeds' risks and equality programme, saved from the importer's preview."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.imports.services import preview_document
from stocktake.risks import services
from stocktake.risks.importing import save_assessments_from_preview, save_risks_from_preview
from stocktake.risks.models import EqualityAssessment, Risk
from stocktake.testing import seed_paper


@pytest.fixture(scope="module")
def previews() -> dict[str, dict[str, Any]]:
    return {p: preview_document(seed_paper(p)) for p in ("001", "003")}


def _as_at(preview: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(preview["as_at"])


def test_the_001_risk_table_is_scored_on_the_words_matrix(
    previews: dict[str, dict[str, Any]], council: Organisation, officer: User
) -> None:
    preview = previews["001"]
    count = save_risks_from_preview(
        items=preview["items"], organisation=council, plan=None, by=officer, as_at=_as_at(preview)
    )
    assert count == 3
    risks = list(Risk.objects.filter(organisation=council))
    assert all(
        (r.residual_likelihood, r.residual_impact, r.residual_score) == (1, 2, 2) for r in risks
    )
    assert all(r.flags == ["unassigned"] for r in risks)
    assert all(r.score_text == "Likelihood: Low; Impact: Medium" for r in risks)
    first = risks[0]
    assert first.mitigation.startswith("Majority of actions are work already planned")
    review = first.reviews.get()
    assert (review.as_at, review.score) == (dt.date(2007, 8, 2), 2)
    assert first.review_due_on == dt.date(2007, 8, 2) + dt.timedelta(days=90)


def test_the_003_list_is_split_unscored_and_unassigned(
    previews: dict[str, dict[str, Any]], council: Organisation, officer: User
) -> None:
    count = save_risks_from_preview(
        items=previews["003"]["items"], organisation=council, plan=None, by=officer
    )
    assert count == 16
    risks = list(Risk.objects.filter(organisation=council))
    assert [r.ref for r in risks][:3] == ["a)", "b)", "c)"]
    assert all(set(r.flags) == {"unassigned", "unscored"} for r in risks)
    assert risks[0].cause == "Failure to deliver community safety targets"
    assert risks[0].event == "poor assessment of CDRP"
    assert risks[0].consequence == "unfavourable review by Government Office"
    assert not risks[0].reviews.exists()


def test_the_003_programme_keeps_its_priorities(
    previews: dict[str, dict[str, Any]], council: Organisation, officer: User
) -> None:
    count = save_assessments_from_preview(
        items=previews["003"]["items"], organisation=council, plan=None, by=officer
    )
    assert count == 8
    priorities = list(EqualityAssessment.objects.values_list("priority", flat=True))
    assert priorities.count("high") == 2
    assert priorities.count("medium") == 6
    first = EqualityAssessment.objects.first()
    assert first is not None
    assert (first.title, first.status, first.flags) == (
        "Travellers Policy",
        "planned",
        ["unassigned"],
    )


def test_imported_risks_display_and_can_be_re_scored_keeping_their_history(
    previews: dict[str, dict[str, Any]], council: Organisation, officer: User, client: Client
) -> None:
    for key in ("001", "003"):
        save_risks_from_preview(
            items=previews[key]["items"],
            organisation=council,
            plan=None,
            by=officer,
            as_at=_as_at(previews[key]) if key == "001" else None,
        )
    save_assessments_from_preview(
        items=previews["003"]["items"], organisation=council, plan=None, by=officer
    )
    client.force_login(officer)
    page = client.get(reverse("risks:register", args=[council.uuid])).content.decode()
    assert "19 risks" in page
    assert "Customer experience suffers" in page
    assert "Aggressive customer" in page
    assert "<svg" in page

    scored = Risk.objects.get(title__startswith="Customer experience suffers")
    unscored = Risk.objects.get(ref="p)")
    for risk in (scored, unscored):
        response = client.post(
            reverse("risks:risk_review", args=[risk.uuid]),
            {"as_at": "2009-04-01", "likelihood": "2", "impact": "1", "note": "Re-scored"},
        )
        assert response.status_code == 302, response.content.decode()
    assert [r.score for r in scored.reviews.order_by("as_at")] == [2, 2]
    assert [r.score for r in unscored.reviews.order_by("as_at")] == [2]
    unscored.refresh_from_db()
    assert unscored.flags == ["unassigned"]
    detail = client.get(reverse("risks:risk_detail", args=[scored.uuid])).content.decode()
    assert "2 Aug 2007" in detail
    assert "1 Apr 2009" in detail
    assert 'data-testid="score-chart"' in detail

    programme = client.get(reverse("risks:programme", args=[council.uuid])).content.decode()
    assert "Travellers Policy" in programme
    assert "Reception service" in programme


def test_words_a_custom_matrix_does_not_know_are_kept_unscored(
    previews: dict[str, dict[str, Any]], council: Organisation, officer: User
) -> None:
    services.matrix_create(
        organisation=council,
        name="1–5",
        likelihood_levels=["1", "2", "3", "4", "5"],
        impact_levels=["1", "2", "3", "4", "5"],
        amber_from=5,
        red_from=12,
        is_default=True,
        by=officer,
    )
    save_risks_from_preview(
        items=previews["001"]["items"], organisation=council, plan=None, by=officer
    )
    risk = Risk.objects.filter(organisation=council).first()
    assert risk is not None
    assert risk.residual_score is None
    assert "unscored" in risk.flags
    assert risk.score_text == "Likelihood: Low; Impact: Medium"
