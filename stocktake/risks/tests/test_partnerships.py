"""The partnership register: partners, governance, its risks, and reviews on a cycle."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.risks import services
from stocktake.risks import services_partnerships as partnerships
from stocktake.risks.models import Partnership

from .conftest import PartnershipWorld


def test_the_partnership_page_shows_partners_risks_and_heat_map(
    client: Client, partnership_world: PartnershipWorld, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("risks:partnership_detail", args=[partnership_world.partnership.uuid])
    page = client.get(url).content.decode()
    for text in (
        "Cambridgeshire Constabulary",  # a member organisation of the partnership body
        "Cambridgeshire ACRE",  # a partner recorded by name
        "Formal, with terms of reference",
        "£20,000 a year",
        "Failure to agree shared priorities",
        'data-testid="heat-map"',
    ):
        assert text in page


def test_a_partnership_not_reviewed_in_its_cycle_shows_as_overdue(
    client: Client, partnership_world: PartnershipWorld, officer: User
) -> None:
    p = partnership_world.partnership
    partnerships.partnership_edit(partnership=p, review_due_on=dt.date(2008, 1, 1), by=officer)
    client.force_login(officer)
    url = reverse("risks:partnerships", args=[p.organisation.uuid])
    assert "Review overdue" in client.get(url).content.decode()
    overdue = client.get(url, {"review_overdue": "on"}).content.decode()
    assert "Local Strategic Partnership" in overdue
    partnerships.partnership_review_add(
        partnership=p, as_at=services.today(), outcome="continue", by=officer
    )
    assert (
        "Local Strategic Partnership"
        not in client.get(url, {"review_overdue": "on"}).content.decode()
    )


def test_a_review_sets_the_next_one_a_cycle_after_the_latest(
    partnership_world: PartnershipWorld, officer: User
) -> None:
    p = partnership_world.partnership
    partnerships.partnership_review_add(
        partnership=p, as_at=dt.date(2009, 4, 1), outcome="change", by=officer
    )
    partnerships.partnership_review_add(
        partnership=p, as_at=dt.date(2008, 4, 1), outcome="continue", by=officer
    )
    p.refresh_from_db()
    assert p.last_reviewed_on == dt.date(2009, 4, 1)
    assert p.review_due_on == dt.date(2009, 4, 1) + dt.timedelta(days=365)
    with pytest.raises(ValidationError):
        partnerships.partnership_review_add(
            partnership=p,
            as_at=services.today() + dt.timedelta(days=1),
            outcome="continue",
            by=officer,
        )


def test_a_partnership_needs_a_lead_and_a_body_that_is_a_partnership(
    council: Organisation, officer: User
) -> None:
    lead = officer.person
    with pytest.raises(ValidationError, match="leads"):
        partnerships.partnership_create(organisation=council, name="CDRP", by=officer)
    imported = partnerships.partnership_create(
        organisation=council, name="CDRP", checked=False, by=officer
    )
    assert imported.flags == ["unassigned"]
    with pytest.raises(ValidationError, match="recorded as a partnership"):
        partnerships.partnership_edit(
            partnership=imported, body=council, lead_person=lead, by=officer
        )


def test_partnerships_are_added_edited_and_reviewed_through_the_pages(
    client: Client, partnership_world: PartnershipWorld, officer: User
) -> None:
    council = partnership_world.partnership.organisation
    lead = partnership_world.partnership.lead_person
    assert lead is not None
    client.force_login(officer)
    response = client.post(
        reverse("risks:partnership_create", args=[council.uuid]),
        {
            "name": "Crime and Disorder Reduction Partnership",
            "lead_person": lead.pk,
            "governance": "informal",
            "review_days": "180",
        },
    )
    assert response.status_code == 302
    cdrp = Partnership.objects.get(name="Crime and Disorder Reduction Partnership")
    assert cdrp.review_due_on == services.today() + dt.timedelta(days=180)
    edit = reverse("risks:partnership_edit", args=[cdrp.uuid])
    data = {
        "name": cdrp.name,
        "lead_person": lead.pk,
        "governance": "formal",
        "review_days": "180",
        "review_due_on": cdrp.review_due_on.isoformat(),
        "status": "active",
    }
    assert client.post(edit, data).status_code == 302
    cdrp.refresh_from_db()
    assert cdrp.governance == "formal"
    assert cdrp.history.latest().history_user == officer
    review = reverse("risks:partnership_review", args=[cdrp.uuid])
    assert (
        client.post(
            review, {"as_at": "2009-06-30", "outcome": "exit", "note": "Merged"}
        ).status_code
        == 302
    )
    assert cdrp.reviews.get().reviewer == officer.person
    page = client.get(reverse("risks:partnership_detail", args=[cdrp.uuid])).content.decode()
    assert "Leave or wind up" in page
    response = client.post(
        reverse("risks:partnership_create", args=[council.uuid]), {"name": "", "review_days": "365"}
    )
    assert response.status_code == 200


def test_a_risk_added_from_a_partnership_page_belongs_to_it(
    client: Client, partnership_world: PartnershipWorld, officer: User
) -> None:
    p = partnership_world.partnership
    client.force_login(officer)
    url = reverse("risks:risk_create", args=[p.organisation.uuid])
    page = client.get(url, {"partnership": str(p.uuid)}).content.decode()
    assert f'value="{p.pk}" selected' in page
    assert client.get(url, {"partnership": "nonsense"}).status_code == 200


def test_a_risk_cannot_belong_to_another_councils_partnership(
    partnership_world: PartnershipWorld, officer: User, other_council: Organisation
) -> None:
    with pytest.raises(ValidationError, match="this council's partnerships"):
        services.risk_create(
            organisation=other_council,
            partnership=partnership_world.partnership,
            title="Borrowed risk",
            owner_person=officer.person,
            by=officer,
        )
