"""The seeds' PI: % of partnership risks whose likelihood is 2 or less, as at a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.risks import services
from stocktake.risks import services_partnerships as partnerships
from stocktake.risks.models import Partnership, Risk
from stocktake.risks.selectors_partnerships import partnership_likelihood_share

from .conftest import PartnershipWorld

APRIL_08 = dt.date(2008, 4, 1)


def _risk(p: Partnership, by: User, likelihood: int | None, **fields: object) -> Risk:
    scored = {"residual_likelihood": likelihood, "residual_impact": 1} if likelihood else {}
    return services.risk_create(
        organisation=p.organisation,
        partnership=p,
        title="Partner withdraws funding",
        owner_person=p.lead_person,
        as_at=APRIL_08,
        by=by,
        **scored,  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def test_it_counts_the_share_of_scored_partnership_risks_likely_2_or_less(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    p = partnership_world.partnership
    _risk(p, officer, 3)
    _risk(p, officer, 1)
    _risk(p, officer, None)  # never scored: left out
    share = partnership_likelihood_share(p.organisation, dt.date(2009, 1, 1))
    assert (share.numerator, share.denominator, share.percent) == (2, 3, Decimal("66.67"))


def test_it_takes_the_latest_review_on_or_before_the_date(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    risk = partnership_world.risk  # likelihood 2 on 1 April 2008
    services.risk_review_add(
        risk=risk, as_at=dt.date(2009, 4, 1), likelihood=3, impact=1, by=officer
    )
    organisation = risk.organisation
    assert partnership_likelihood_share(organisation, dt.date(2009, 3, 31)).numerator == 1
    assert partnership_likelihood_share(organisation, dt.date(2009, 4, 1)).numerator == 0
    before = partnership_likelihood_share(organisation, dt.date(2008, 3, 31))
    assert (before.denominator, before.percent) == (0, None)


def test_it_leaves_out_closed_risks_ended_partnerships_and_other_risks(
    partnership_world: PartnershipWorld, officer: User, other_council: Organisation
) -> None:
    p = partnership_world.partnership
    closed = _risk(p, officer, 1)
    services.risk_edit(risk=closed, status="closed", closed_on=dt.date(2008, 6, 1), by=officer)
    ended = partnerships.partnership_create(
        organisation=p.organisation,
        name="Old board",
        lead_person=p.lead_person,
        status="ended",
        ended_on=dt.date(2008, 6, 1),
        by=officer,
    )
    _risk(ended, officer, 1)
    services.risk_create(
        organisation=p.organisation,
        title="Not a partnership risk",
        owner_person=p.lead_person,
        residual_likelihood=1,
        residual_impact=1,
        as_at=APRIL_08,
        by=officer,
    )
    assert partnership_likelihood_share(p.organisation, dt.date(2008, 5, 1)).denominator == 3
    later = partnership_likelihood_share(p.organisation, dt.date(2008, 7, 1))
    assert (later.numerator, later.denominator, later.percent) == (1, 1, Decimal("100.00"))
    assert partnership_likelihood_share(other_council, dt.date(2008, 7, 1)).denominator == 0


def test_the_register_shows_the_figure_and_how_it_is_worked_out(
    client: Client, partnership_world: PartnershipWorld, officer: User
) -> None:
    _risk(partnership_world.partnership, officer, 3)
    client.force_login(officer)
    url = reverse("risks:partnerships", args=[partnership_world.partnership.organisation.uuid])
    page = client.get(url).content.decode()
    assert "50.00%" in page
    assert "1 of 2 scored partnership risks" in page
    assert "How this is worked out" in page
