from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.cycles import services
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Measurement
from stocktake.plans import services as plans
from stocktake.plans.models import ProgressUpdate

from .conftest import DEADLINE, OPENED, Scene, at

COMMITTEE = DEADLINE + dt.timedelta(days=14)
INSIDE = DEADLINE - dt.timedelta(days=5)


@pytest.fixture
def locked(opened: Scene, officer: User) -> Scene:
    opened.cycle.committee_on = COMMITTEE
    opened.cycle.save()
    services.cycle_close(cycle=opened.cycle, by=officer, now=at(DEADLINE + dt.timedelta(days=2)))
    services.cycle_lock(cycle=opened.cycle, by=officer, now=at(COMMITTEE))
    return opened


def test_a_cycle_cannot_be_locked_before_its_committee(opened: Scene, officer: User) -> None:
    opened.cycle.committee_on = COMMITTEE
    services.cycle_close(cycle=opened.cycle, by=officer, now=OPENED)
    with pytest.raises(ValidationError, match="committee date"):
        services.cycle_lock(cycle=opened.cycle, by=officer, now=OPENED)


def test_a_locked_period_refuses_an_update_without_a_reason(locked: Scene, officer: User) -> None:
    with pytest.raises(ValidationError) as refused:
        plans.action_update_add(
            action=locked.accountable_only, as_at=INSIDE, position="Late news", by=officer
        )
    assert "change_reason" in refused.value.message_dict
    assert not ProgressUpdate.objects.filter(action=locked.accountable_only).exists()


def test_a_locked_period_accepts_an_update_with_a_reason(locked: Scene, officer: User) -> None:
    update = plans.action_update_add(
        action=locked.accountable_only,
        as_at=INSIDE,
        position="Late news",
        change_reason="Figures corrected by finance",
        by=officer,
    )
    assert update.change_reason == "Figures corrected by finance"


def test_updates_dated_outside_the_locked_period_need_no_reason(
    locked: Scene, officer: User
) -> None:
    after = DEADLINE + dt.timedelta(days=1)
    plans.action_update_add(action=locked.accountable_only, as_at=after, position="Now", by=officer)


def test_the_update_page_asks_for_a_reason_in_a_locked_period(
    locked: Scene, officer: User, client: Client
) -> None:
    client.force_login(officer)
    url = reverse("plans:action_update", args=[locked.accountable_only.uuid])
    data = {"as_at": INSIDE.isoformat(), "position": "Late news"}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "is locked: enter why this is being changed" in refused.text
    accepted = client.post(url, {**data, "change_reason": "Correction"})
    assert accepted.status_code == 302
    assert ProgressUpdate.objects.get(action=locked.accountable_only).change_reason == "Correction"


def test_an_officer_locks_the_period_from_the_cycle_page(
    opened: Scene, officer: User, client: Client
) -> None:
    opened.cycle.committee_on = dt.date(2010, 2, 10)
    opened.cycle.save()
    services.cycle_close(cycle=opened.cycle, by=officer, now=at(DEADLINE + dt.timedelta(days=2)))
    client.force_login(officer)
    response = client.post(reverse("cycles:cycle_lock", args=[opened.cycle.uuid]), follow=True)
    assert "Period locked" in response.text
    opened.cycle.refresh_from_db()
    assert opened.cycle.locked_at is not None


def test_a_reported_value_changes_after_the_lock_only_with_a_reason(
    locked: Scene, officer: User, client: Client
) -> None:
    definition = indicators.definition_create(
        organisation=locked.plan.organisation,
        by=officer,
        code="BV8",
        title="Invoices paid on time",
        data_type="percentage",
        polarity="higher",
        frequency="quarterly",
        combine="average",
    )
    indicator = indicators.indicator_create(
        organisation=locked.plan.organisation, definition=definition, plan=locked.plan, by=officer
    )
    # Q3 had ended when the locked cycle opened, so its committee saw it.
    with pytest.raises(ValidationError) as refused:
        indicators.measurement_record(
            indicator=indicator, period="Q3 2009/10", value=Decimal(91), by=officer
        )
    assert "change_reason" in refused.value.message_dict
    assert not Measurement.objects.filter(indicator=indicator).exists()
    client.force_login(officer)
    url = reverse("indicators:measurement_add", args=[indicator.uuid])
    page = client.post(url, {"period": "Q3 2009/10", "value": "91"})
    assert "is locked: enter why this is being changed" in page.text
    client.post(url, {"period": "Q3 2009/10", "value": "91", "change_reason": "Audit correction"})
    saved = Measurement.objects.get(indicator=indicator)
    assert (saved.value, saved.change_reason) == (Decimal(91), "Audit correction")
    # Q4 had not ended when the cycle opened: no reason needed.
    indicators.measurement_record(
        indicator=indicator, period="Q4 2009/10", value=Decimal(93), by=officer
    )
