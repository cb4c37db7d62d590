"""A tolerance below zero means nothing, so the target service refuses it from any caller."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.forms import MeasurementForm
from stocktake.indicators.models import Target


def test_a_target_with_a_negative_tolerance_is_refused(
    council: Organisation, officer: User
) -> None:
    definition = services.definition_create(organisation=council, title="Calls", by=officer)
    indicator = services.indicator_create(organisation=council, definition=definition, by=officer)
    with pytest.raises(ValidationError) as refused:
        services.target_set(
            indicator=indicator, period="2009/10", value=Decimal(80), tolerance=Decimal(-3),
            by=officer,
        )  # fmt: skip
    assert "tolerance" in refused.value.message_dict
    assert not Target.objects.exists()


def test_the_value_form_refuses_fields_that_do_not_apply_to_the_indicator(
    council: Organisation, officer: User
) -> None:
    definition = services.definition_create(
        organisation=council, title="Bins emptied on time", data_type="yes_no", by=officer
    )
    form = MeasurementForm({"period": "2009/10", "value": "3"}, definition=definition)
    assert not form.is_valid()
    assert "Value does not apply" in str(form.non_field_errors())
    form = MeasurementForm({"period": "2009/10", "achieved": "yes"}, definition=definition)
    assert form.is_valid(), form.errors
