"""A cycle asks for indicator values and risk reviews as well as action positions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Post
from stocktake.cycles import links, selectors, sending, services
from stocktake.cycles.models import CycleRequest, Outbox, RequestItem, UpdateLink
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Indicator, Measurement
from stocktake.plans.models import ProgressUpdate
from stocktake.risks import services as risks
from stocktake.risks.models import Risk, RiskReview

from .conftest import DEADLINE, OPENED, Scene, at


@pytest.fixture(autouse=True)
def _during_the_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Links check the clock, and values and reviews cannot be dated in the future."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(DEADLINE - dt.timedelta(days=3)))


def _indicator(scene: Scene, officer: User, code: str, **definition: str) -> Indicator:
    made = indicators.definition_create(
        organisation=scene.plan.organisation,
        by=officer,
        code=code,
        title=f"Measure {code}",
        data_type="percentage",
        polarity="higher",
        frequency="quarterly",
        combine="average",
        **definition,
    )
    indicator = indicators.indicator_create(
        organisation=scene.plan.organisation,
        definition=made,
        plan=scene.plan,
        owner_person=scene.owner,
        updaters=[scene.updater],
        by=officer,
    )
    indicators.target_set(
        indicator=indicator, period="2009/10", value=Decimal(80), tolerance=Decimal(5), by=officer
    )
    return indicator


@pytest.fixture
def measured(scene: Scene, officer: User) -> tuple[Scene, Indicator, Indicator, Risk, Risk]:
    asked = _indicator(scene, officer, "SX1")
    already = _indicator(scene, officer, "SX2")
    indicators.measurement_record(
        indicator=already, period="Q3 2009/10", value=Decimal(85), by=officer
    )
    post = Post.objects.get(title="Head of Housing")
    due = risks.risk_create(
        organisation=scene.plan.organisation,
        plan=scene.plan,
        title="Failure to capture customer contact data",
        ref="R1",
        owner_post=post,
        by=officer,
    )
    reviewed = risks.risk_create(
        organisation=scene.plan.organisation,
        plan=scene.plan,
        title="Loss of key staff",
        ref="R2",
        owner_person=scene.owner,
        residual_likelihood=2,
        residual_impact=2,
        as_at=dt.date(2009, 12, 20),
        by=officer,
    )
    services.cycle_open(cycle=scene.cycle, by=officer, now=OPENED)
    scene.cycle.refresh_from_db()
    return scene, asked, already, due, reviewed


def _items(scene: Scene) -> dict[str, set[str]]:
    asked: dict[str, set[str]] = {}
    for request in CycleRequest.objects.filter(cycle=scene.cycle).select_related("owner"):
        for item in request.items.select_related("action", "indicator__definition", "risk"):
            if item.action:
                name = item.action.ref
            elif item.indicator:
                name = f"{item.indicator.definition.code} {item.period_label}"
            else:
                assert item.risk is not None
                name = item.risk.ref
            asked.setdefault(request.owner.name, set()).add(name)
    return asked


def _url(scene: Scene, name: str) -> str:
    link = UpdateLink.objects.get(cycle=scene.cycle, owner__name=name)
    return reverse("cycles:update_form", args=[links.token_for(link)])


def test_opening_asks_for_the_last_quarters_value_and_for_reviews_falling_due(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk],
) -> None:
    scene, *_ = measured
    assert _items(scene) == {
        "Olive Owner": {"1.1"},
        # The updater answers for the indicator; the value already in is not asked for again.
        "Uma Updater": {"1.2", "SX1 Q3 2009/10"},
        # The risk owned by a post goes to its holder; R2, reviewed last month, is not due.
        "Hal Holder": {"1.3", "R1"},
    }


def test_the_request_email_names_the_indicator_period_and_the_risk(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk],
) -> None:
    sending.outbox_send(now=OPENED)
    by_person = {message.to[0]: message.body for message in mail.outbox}
    assert "SX1 Measure SX1: value for Q3 2009/10" in by_person["uma@example.org"]
    assert (
        "R1 Failure to capture customer contact data: risk review" in by_person["hal@example.org"]
    )
    assert Outbox.objects.filter(status=Outbox.Status.SENT).count() == 3


def test_the_one_page_form_records_the_value_for_the_asked_period_and_the_review(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk], client: Client
) -> None:
    scene, asked, _, due, _ = measured
    page = client.get(_url(scene, "Uma Updater"))
    assert "Measure SX1, Q3 2009/10" in page.content.decode()
    response = client.post(
        _url(scene, "Uma Updater"),
        {f"{asked.uuid}-value": "82.5", f"{asked.uuid}-note": "Up after the new phone system"},
    )
    assert response.status_code == 302
    value = Measurement.objects.get(indicator=asked)
    assert (value.period_label, value.period_start, value.period_end) == (
        "Q3 2009/10",
        dt.date(2009, 10, 1),
        dt.date(2009, 12, 31),
    )
    assert value.value == Decimal("82.5")
    assert value.status == "green"
    response = client.post(
        _url(scene, "Hal Holder"),
        {
            f"{due.uuid}-likelihood": "3",
            f"{due.uuid}-impact": "2",
            f"{due.uuid}-note": "No CRM yet",
            f"{due.uuid}-mitigation": "CRM procurement under way",
        },
    )
    assert response.status_code == 302
    review = RiskReview.objects.get(risk=due)
    assert (review.likelihood, review.impact, review.score) == (3, 2, 6)
    assert review.reviewer == scene.holder
    progress = {
        r.owner.name: selectors.state_of(r) for r in selectors.requests_with_progress(scene.cycle)
    }
    # Uma answered her indicator but not action 1.2; Hal reviewed R1 but not action 1.3.
    assert progress == {"Olive Owner": "none", "Uma Updater": "partly", "Hal Holder": "partly"}


def test_a_red_value_without_commentary_saves_nothing_from_the_page(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk], client: Client
) -> None:
    scene, asked, *_ = measured
    response = client.post(
        _url(scene, "Uma Updater"),
        {
            f"{scene.with_updater.uuid}-position": "Underway",
            f"{asked.uuid}-value": "40",
        },
    )
    assert response.status_code == 200
    assert "This value is red: enter a note" in response.content.decode()
    assert not Measurement.objects.filter(indicator=asked).exists()
    assert not ProgressUpdate.objects.exists()


def test_a_link_cannot_enter_a_value_for_an_indicator_not_asked_of_its_owner(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk], client: Client
) -> None:
    scene, asked, already, due, _ = measured
    for forged in (f"{asked.uuid}-value", f"{already.uuid}-value", f"{due.uuid}-likelihood"):
        response = client.post(_url(scene, "Olive Owner"), {forged: "3"})
        assert response.status_code == 403
    assert Measurement.objects.filter(indicator=asked).count() == 0
    assert not RiskReview.objects.filter(risk=due).exists()


def test_a_risk_above_appetite_needs_its_mitigation_from_the_page(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk], client: Client
) -> None:
    scene, _, _, due, _ = measured
    response = client.post(
        _url(scene, "Hal Holder"), {f"{due.uuid}-likelihood": "3", f"{due.uuid}-impact": "3"}
    )
    assert response.status_code == 200
    assert "above appetite" in response.content.decode()
    assert not RiskReview.objects.filter(risk=due).exists()


def test_a_risk_review_needs_both_scores(
    measured: tuple[Scene, Indicator, Indicator, Risk, Risk], client: Client
) -> None:
    scene, _, _, due, _ = measured
    response = client.post(_url(scene, "Hal Holder"), {f"{due.uuid}-likelihood": "3"})
    assert "Choose the impact, or clear this risk" in response.content.decode()
    assert not RiskReview.objects.filter(risk=due).exists()


def test_the_cycle_page_counts_items_without_anyone_to_ask_across_kinds(
    scene: Scene, officer: User, client: Client
) -> None:
    orphan = indicators.definition_create(
        organisation=scene.plan.organisation,
        by=officer,
        code="NI14",
        title="Avoidable contact",
        data_type="percentage",
        polarity="lower",
        frequency="quarterly",
        combine="average",
    )
    indicators.indicator_create(
        organisation=scene.plan.organisation, definition=orphan, plan=scene.plan, by=officer
    )
    services.cycle_open(cycle=scene.cycle, by=officer, now=at(OPENED.date()))
    scene.cycle.refresh_from_db()
    # Action 1.4 and the indicator have nobody to ask.
    assert scene.cycle.unassigned_count == 2
    assert not RequestItem.objects.filter(indicator__definition=orphan).exists()
    client.force_login(officer)
    page = client.get(reverse("cycles:cycle_detail", args=[scene.cycle.uuid]))
    assert page.status_code == 200
    assert DEADLINE.year == 2010
