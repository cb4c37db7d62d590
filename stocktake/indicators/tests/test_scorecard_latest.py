"""The scorecard reads each indicator's latest value as with_latest() annotates it."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.indicators import selectors, services
from stocktake.indicators.models import Indicator

from .conftest import MakeIndicator

NAMES = ("value", "value_text", "period", "end", "status", "direction", "explanation")


def test_the_scorecard_shows_the_latest_value_of_each_indicator_and_none_for_the_empty(
    council: Organisation, officer: User, make_indicator: MakeIndicator
) -> None:
    filled, empty = make_indicator(council), make_indicator(council)
    for period, value in [("Q2 2009/10", 35), ("Q1 2009/10", 34), ("Q3 2009/10", 36)]:
        services.measurement_record(
            indicator=filled, period=period, value=Decimal(value), by=officer
        )
    found = selectors.indicators_for_scorecard(officer, organisation_id=council.pk)
    expected = {
        i.pk: i for i in Indicator.objects.filter(pk__in=[filled.pk, empty.pk]).with_latest()
    }
    assert [i.pk for i in found] == [filled.pk, empty.pk]
    for indicator in found:
        for name in NAMES:
            assert getattr(indicator, f"latest_{name}") == getattr(
                expected[indicator.pk], f"latest_{name}"
            ), name
    assert getattr(found[0], "latest_period") == "Q3 2009/10"  # noqa: B009 - set at run time
    assert getattr(found[1], "latest_status") == "no_data"  # noqa: B009
