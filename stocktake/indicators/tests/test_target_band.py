"""A target band runs from the target up to its top: a top below the target is refused."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.models import Target

from .conftest import MakeIndicator


def test_a_band_whose_top_is_below_the_target_is_refused_and_changes_nothing(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    with pytest.raises(ValidationError) as error:
        services.target_set(
            indicator=indicator, period="2009/10", value=D(40), upper_value=D(30), by=officer
        )
    assert error.value.message_dict == {
        "upper_value": ["The top of the band must be at least the target (40)"]
    }
    assert Target.objects.get(indicator=indicator).value == D(34)


def test_a_band_from_the_target_up_is_kept(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    services.target_set(
        indicator=indicator, period="2009/10", value=D(30), upper_value=D(40), by=officer
    )
    assert Target.objects.get(indicator=indicator).upper_value == D(40)
