"""What QA found missing on the risk pages: figures in the heat map's text, items with no owner
at all on the owners page, and a partnership risk naming its partnership."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.risks import charts, selectors, services, services_equality
from stocktake.risks import services_partnerships as partnerships
from stocktake.risks.models import Risk

from .conftest import PartnershipWorld, RiskWorld


def test_the_heat_maps_text_gives_the_count_in_each_occupied_cell(
    risk_world: RiskWorld, officer: User
) -> None:
    organisation = risk_world.plan.organisation
    for _ in range(2):
        services.risk_create(
            organisation=organisation,
            title="Flooding",
            owner_person=officer.person,
            inherent_likelihood=3,
            inherent_impact=2,
            residual_likelihood=1,
            residual_impact=2,
            as_at=dt.date(2009, 1, 1),
            by=officer,
        )
    matrix = risk_world.risk.matrix
    risks = list(Risk.objects.filter(organisation=organisation))
    drawing = charts.heat_map_svg(selectors.heat_map(matrix, risks))
    label = drawing.split('aria-label="', 1)[1].split('"', 1)[0]
    inherent = "Inherent: 2 at likelihood High, impact Medium; 1 at likelihood High, impact High"
    residual = "Residual: 2 at likelihood Low, impact Medium; 1 at likelihood Medium, impact Medium"
    assert inherent in label
    assert residual in label


def test_the_heat_maps_text_says_when_no_risk_is_scored(risk_world: RiskWorld) -> None:
    drawing = charts.heat_map_svg(selectors.heat_map(risk_world.risk.matrix, []))
    assert "Inherent: no risks scored" in drawing
    assert "Residual: no risks scored" in drawing


def test_the_owners_page_lists_risks_assessments_and_partnerships_with_no_owner_at_all(
    client: Client, risk_world: RiskWorld, officer: User
) -> None:
    organisation = risk_world.plan.organisation
    services.risk_create(
        organisation=organisation, title="Nobody's risk", checked=False, by=officer
    )
    services_equality.assessment_create(
        organisation=organisation, title="Nobody's assessment", checked=False, by=officer
    )
    partnerships.partnership_create(
        organisation=organisation, name="Nobody's partnership", checked=False, by=officer
    )
    client.force_login(officer)
    page = client.get(reverse("risks:owners", args=[organisation.uuid])).content.decode()
    assert "Every risk, assessment and partnership has an owner" not in page
    assert "No owner recorded" in page
    for text in ("Nobody&#x27;s risk", "Nobody&#x27;s assessment", "Nobody&#x27;s partnership"):
        assert text in page


def test_a_partnerships_risk_names_and_links_its_partnership(
    client: Client, partnership_world: PartnershipWorld, officer: User
) -> None:
    client.force_login(officer)
    page = client.get(reverse("risks:risk_detail", args=[partnership_world.risk.uuid]))
    link = reverse("risks:partnership_detail", args=[partnership_world.partnership.uuid])
    assert f'href="{link}"' in page.content.decode()
    assert "Local Strategic Partnership" in page.content.decode()
