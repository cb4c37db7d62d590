"""The bench dataset generator makes what it says, through the services, at a tiny scale."""

from __future__ import annotations

import pytest

from bench.datasets import SIZES, council_build
from stocktake.customers.models_contacts import Contact
from stocktake.indicators.models import Indicator, Measurement
from stocktake.plans.models import Action, Plan, ProgressUpdate
from stocktake.risks.models import Risk


@pytest.mark.django_db
def test_a_tiny_district_has_every_kind_of_record_in_the_stated_numbers() -> None:
    size = SIZES["district"].scaled(0.002)
    council = council_build("Tiny District Council", size)
    mine = {"organisation": council.organisation}
    assert Plan.objects.filter(**mine, status="published").count() == size.plans == 1
    assert Action.objects.filter(**mine).count() == size.actions == 6
    assert ProgressUpdate.objects.filter(**mine).count() == size.updates == 60
    assert Indicator.objects.filter(**mine).count() == size.indicators == 1
    assert Measurement.objects.filter(**mine).count() == size.indicators * 40
    assert Risk.objects.filter(**mine).count() == size.risks == 1
    assert Contact.objects.filter(**mine).count() == size.contacts == 1000
    assert council.counts["measurements"] == 40


@pytest.mark.django_db
def test_national_adds_peers_with_the_same_indicators() -> None:
    size = SIZES["national"].scaled(0.002)
    council_build("Tiny National Council", size)
    assert size.peers == 1
    peers = Indicator.objects.exclude(organisation__name="Tiny National Council")
    assert peers.count() == size.indicators
    assert Measurement.objects.filter(indicator__in=peers).count() == size.indicators * 40


def test_county_is_five_districts() -> None:
    district, county = SIZES["district"], SIZES["county"]
    assert county.actions == 5 * district.actions
    assert county.contacts == 5 * district.contacts
    assert county.quarters == district.quarters
