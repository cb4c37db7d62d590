"""The register, risk, behind and equality pages and their forms, end to end through the views."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.plans import services as plans
from stocktake.risks import services, services_equality
from stocktake.risks.models import Characteristic, EqualityAssessment, Risk

from .conftest import RiskWorld


def _register(client: Client, w: RiskWorld, **params: str) -> str:
    url = reverse("risks:register", args=[w.plan.organisation.uuid])
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _red_risk(w: RiskWorld, officer: User) -> Risk:
    return services.risk_create(
        organisation=w.plan.organisation,
        title="Snap general election leading to overload resulting in petitions",
        owner_person=officer.person,
        residual_likelihood=3,
        residual_impact=3,
        mitigation="Reserve staff list",
        as_at=dt.date(2009, 1, 1),
        by=officer,
    )


def test_the_register_filters_and_sorts(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    red = _red_risk(risk_world, officer)
    services.risk_review_add(
        risk=risk_world.risk, as_at=services.today(), likelihood=1, impact=2, by=officer
    )
    client.force_login(officer)
    page = _register(client, risk_world)
    assert "2 risks" in page
    assert "Over appetite" in page
    assert "<svg" in page
    page = _register(client, risk_world, over_appetite="on")
    assert "1 risk<" in page
    assert "Snap general election" in page
    page = _register(client, risk_world, review_overdue="on")
    assert "Snap general election" in page
    assert "Failure to profile" not in page
    page = _register(client, risk_world, sort="score")
    assert page.index("Snap general election") < page.index("Failure to profile")
    owner = risk_world.risk.owner_person
    assert owner is not None
    page = _register(client, risk_world, owner=str(owner.pk))
    assert "Failure to profile" in page
    assert "Snap general election" not in page
    red.refresh_from_db()
    assert red.residual_band == "red"


def test_the_heat_map_counts_inherent_and_residual_positions(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    page = _register(client, risk_world)
    assert (
        'aria-label="Heat map of risk positions. Inherent: 1 at likelihood High, impact High. '
        'Residual: 1 at likelihood Medium, impact Medium."' in page
    )
    assert "Inherent" in page
    assert "Residual" in page


def test_the_behind_page_lists_risks_whose_actions_are_overdue(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    action = risk_world.action
    plans.action_due_revise(action=action, new_due_text="March 2008", reason="Slip", by=officer)
    url = reverse("risks:risks_behind", args=[risk_world.plan.organisation.uuid])
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "Failure to profile wards" in page
    assert "Conduct ward profiling" in page
    plans.action_edit(action=action, progress_status="complete", by=officer)
    page = client.get(url).content.decode()
    assert "Failure to profile wards" not in page


def test_the_risk_page_shows_the_score_history_and_mitigating_actions(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    services.risk_review_add(
        risk=risk_world.risk, as_at=dt.date(2008, 6, 30), likelihood=1, impact=2, by=officer
    )
    client.force_login(officer)
    page = client.get(reverse("risks:risk_detail", args=[risk_world.risk.uuid])).content.decode()
    assert 'data-testid="score-chart"' in page
    assert page.index("30 Jun 2008") < page.index("2 Aug 2007")  # latest first
    assert "Conduct ward profiling" in page
    assert "poor targeting" in page  # the event, split from the title


def test_a_performance_officer_adds_a_risk_through_the_form(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    org = risk_world.plan.organisation
    client.force_login(officer)
    response = client.post(
        reverse("risks:risk_create", args=[org.uuid]),
        {
            "title": "Aggressive customer leading to attack resulting in injury",
            "owner_person": str(officer.person.pk),
            "inherent_likelihood": "3",
            "inherent_impact": "3",
            "residual_likelihood": "2",
            "residual_impact": "2",
            "mitigation": "Panic alarms",
            "mitigating_actions": [str(risk_world.action.pk)],
        },
    )
    assert response.status_code == 302, response.content.decode()
    risk = Risk.objects.get(title__startswith="Aggressive")
    assert (risk.cause, risk.event, risk.consequence) == ("Aggressive customer", "attack", "injury")
    assert risk.residual_score == 4
    assert risk.inherent_score == 9
    assert list(risk.mitigating_actions.all()) == [risk_world.action]


def test_the_edit_form_refuses_a_risk_without_an_owner(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("risks:risk_edit", args=[risk_world.risk.uuid])
    response = client.post(
        url, {"title": "Changed", "status": "open", "mitigation": "x", "inherent_likelihood": ""}
    )
    assert response.status_code == 200
    assert "Choose who owns the risk" in response.content.decode()
    risk_world.risk.refresh_from_db()
    assert risk_world.risk.title.startswith("Failure to profile")


def test_the_review_form_asks_for_a_mitigation_above_appetite(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("risks:risk_review", args=[risk_world.risk.uuid])
    response = client.post(url, {"as_at": "2009-01-01", "likelihood": "3", "impact": "3"})
    assert response.status_code == 200
    assert "above appetite" in response.content.decode()


def test_an_assessment_is_completed_through_the_form(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    nine = services_equality.characteristics_available(
        risk_world.plan.organisation_id, dt.date(2011, 1, 1)
    )
    age = nine.get(name="Age")
    client.force_login(officer)
    url = reverse("risks:assessment_edit", args=[risk_world.assessment.uuid])
    response = client.post(
        url,
        {
            "title": "Travellers Policy",
            "priority": "high",
            "lead_person": str(risk_world.assessment.lead_person_id),
            "due_text": "Q3 2009/10",
            "status": "complete",
            "findings": "Site provision meets need",
            "characteristics": [str(age.pk)],
            "actions": [str(risk_world.action.pk)],
        },
    )
    assert response.status_code == 302, response.content.decode()
    assessment = EqualityAssessment.objects.get(pk=risk_world.assessment.pk)
    assert assessment.due_date == dt.date(2009, 12, 31)
    assert list(assessment.characteristics.all()) == [age]
    assert list(assessment.actions.all()) == [risk_world.action]
    page = client.get(reverse("risks:programme", args=[risk_world.plan.organisation.uuid]))
    assert "Site provision meets need" in page.content.decode()


def test_the_characteristics_offered_follow_the_list_in_force(
    risk_world: RiskWorld, officer: User
) -> None:
    org = risk_world.plan.organisation
    services_equality.characteristic_set_create(
        organisation=org,
        name="Local characteristics",
        version="1",
        effective_from=dt.date(2008, 1, 1),
        items=["Care leavers", "Socio-economic disadvantage"],
        by=officer,
    )
    then = {
        c.name for c in services_equality.characteristics_available(org.pk, dt.date(2009, 1, 1))
    }
    now = {c.name for c in services_equality.characteristics_available(org.pk, dt.date(2011, 1, 1))}
    assert "Gender" in then
    assert "Sex" not in then
    assert "Care leavers" in then
    assert "Sex" in now
    assert "Gender" not in now
    assert len(now) == 11
    assert Characteristic.objects.filter(set__organisation__isnull=True).count() == 15
