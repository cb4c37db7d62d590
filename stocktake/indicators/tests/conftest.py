"""Indicator fixtures, built through the services like everything else."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, Person
from stocktake.indicators import services
from stocktake.indicators.models import Indicator

MakeIndicator = Callable[..., Indicator]


@pytest.fixture
def make_indicator(officer: User) -> MakeIndicator:
    counter = iter(range(1, 10_000))

    def make(
        organisation: Organisation,
        *,
        owner: Person | None = None,
        target: str | None = "34",
        tolerance: str | None = "2",
        target_period: str = "2009/10",
        definition: dict[str, Any] | None = None,
        **fields: Any,
    ) -> Indicator:
        n = next(counter)
        values: dict[str, Any] = {
            "code": f"SX{n}",
            "title": f"Satisfaction measure {n}",
            "data_type": "percentage",
            "decimal_places": 1,
            "polarity": "higher",
            "frequency": "quarterly",
            "combine": "average",
        } | (definition or {})
        made = services.definition_create(organisation=organisation, by=officer, **values)
        indicator = services.indicator_create(
            organisation=organisation, definition=made, owner_person=owner, by=officer, **fields
        )
        if target is not None:
            services.target_set(
                indicator=indicator,
                period=target_period,
                value=Decimal(target),
                tolerance=Decimal(tolerance) if tolerance is not None else None,
                by=officer,
            )
        return indicator

    return make
