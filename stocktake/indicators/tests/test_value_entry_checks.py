"""Entering values and targets: periods are read exactly, replacements and oddities confirmed."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.indicators import services
from stocktake.indicators.models import Indicator, Measurement, Target
from stocktake.testing import MakeUser

from .conftest import MakeIndicator


@pytest.fixture
def owner_client(
    client: Client, make_indicator: MakeIndicator, council: Organisation, make_user: MakeUser
) -> tuple[Client, Indicator]:
    user, person = make_user("Lead officer", council)
    indicator = make_indicator(council, owner=person)
    client.force_login(user)
    return client, indicator


def _add_value(client: Client, indicator: Indicator, **data: str) -> str:
    url = reverse("indicators:measurement_add", args=[indicator.uuid])
    response = client.post(url, {"provisional": "on", **data}, follow=True)
    return response.content.decode()


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        ("Q5 2009/10", "There is no quarter 5"),
        ("Q1 2009/12", "2009/12 is not a financial year: the second year must follow the first"),
        ("13/2009", "There is no month 13"),
    ],
)
def test_a_nonsense_period_for_a_value_is_refused_on_the_form_and_nothing_is_saved(
    owner_client: tuple[Client, Indicator], period: str, reason: str
) -> None:
    client, indicator = owner_client
    text = _add_value(client, indicator, period=period, value="35")
    assert "govuk-error-summary" in text
    assert reason in text
    assert not Measurement.objects.exists()


def test_the_success_message_names_the_period_as_stored(
    owner_client: tuple[Client, Indicator],
) -> None:
    client, indicator = owner_client
    text = _add_value(client, indicator, period="quarter 1 of 09/10", value="35")
    assert "Value saved for Q1 2009/10" in text
    assert Measurement.objects.get().period_label == "Q1 2009/10"


def test_a_nonsense_period_for_a_target_is_refused_and_nothing_is_saved(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    client.force_login(officer)
    url = reverse("indicators:target_add", args=[indicator.uuid])
    response = client.post(url, {"period": "Q5 2010/11", "name": "local", "value": "40"})
    assert response.status_code == 200
    assert "There is no quarter 5" in response.content.decode()
    assert Target.objects.count() == 1  # only the fixture's 2009/10 target


def test_the_service_refuses_a_nonsense_period_with_the_reason(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    with pytest.raises(ValidationError, match="There is no quarter 5"):
        services.target_set(indicator=indicator, period="Q5 2010/11", value=D(40), by=officer)


def test_re_entering_a_period_shows_the_value_there_and_changes_nothing_until_confirmed(
    owner_client: tuple[Client, Indicator], officer: User
) -> None:
    client, indicator = owner_client
    services.measurement_record(
        indicator=indicator, period="Q1 2009/10", value=D(35), note="Counted by hand", by=officer
    )
    text = _add_value(client, indicator, period="Q1 2009/10", value="36", note="Recounted")
    assert "A value for Q1 2009/10 is already entered: 35.0% with the note" in text
    assert "Counted by hand" in text
    assert "Replace the value for Q1 2009/10" in text
    row = Measurement.objects.get()
    assert (row.value, row.note) == (D(35), "Counted by hand")
    text = _add_value(
        client, indicator, period="Q1 2009/10", value="36", note="Recounted", replace="on"
    )
    assert "Value replaced for Q1 2009/10" in text
    row = Measurement.objects.get()
    assert (row.value, row.note) == (D(36), "Recounted")


def test_a_new_period_needs_no_confirmation_and_shows_no_replace_box(
    owner_client: tuple[Client, Indicator],
) -> None:
    client, indicator = owner_client
    page = client.get(reverse("indicators:measurement_add", args=[indicator.uuid]))
    assert "replace" not in page.content.decode()
    text = _add_value(client, indicator, period="Q2 2009/10", value="35")
    assert "Value saved for Q2 2009/10" in text
    assert "Replace the value" not in text


@pytest.mark.parametrize(
    ("fields", "warning"),
    [
        ({"value": "120"}, "The value, 120%, is more than 100%"),
        ({"value": "35", "forecast": "-5"}, "The forecast year-end figure, -5%, is below 0%"),
    ],
)
def test_an_unusual_percentage_is_saved_only_once_confirmed(
    owner_client: tuple[Client, Indicator], fields: dict[str, str], warning: str
) -> None:
    client, indicator = owner_client
    text = _add_value(client, indicator, period="Q1 2009/10", note="Checked", **fields)
    assert warning in text
    assert "The value is right" in text
    assert not Measurement.objects.exists()
    text = _add_value(
        client, indicator, period="Q1 2009/10", note="Checked", unusual_confirmed="on", **fields
    )
    assert "Value saved for Q1 2009/10" in text
    assert Measurement.objects.count() == 1


def test_a_negative_number_or_money_value_is_usual_and_needs_no_confirmation(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(
        council, target=None, definition={"data_type": "money", "polarity": "lower"}
    )
    client.force_login(officer)
    text = _add_value(client, indicator, period="Q1 2009/10", value="-1200", forecast="-5000")
    assert "Value saved for Q1 2009/10" in text


def test_a_level_below_zero_is_impossible_and_refused(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council, target=None, definition={"data_type": "level"})
    client.force_login(officer)
    text = _add_value(client, indicator, period="Q1 2009/10", value="-1")
    assert "A level cannot be below zero" in text
    assert not Measurement.objects.exists()
    with pytest.raises(ValidationError, match="A level cannot be below zero"):
        services.measurement_record(
            indicator=indicator, period="Q1 2009/10", value=D(1), forecast=D(-2), by=officer
        )


def test_a_monthly_indicator_says_the_annual_figure_applies_to_each_month(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council, target="80", definition={"frequency": "monthly"})
    client.force_login(officer)
    text = client.get(reverse("indicators:indicator_detail", args=[indicator.uuid])).content
    assert b"The annual figure applies to each month" in text
    assert b"each quarter" not in text


def test_a_target_shows_with_its_unit(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council, target="80", tolerance="2")
    client.force_login(officer)
    text = client.get(reverse("indicators:indicator_detail", args=[indicator.uuid])).content
    assert b">80%" in text
    assert b"2 points" in text
