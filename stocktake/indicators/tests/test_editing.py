"""Performance officers change definitions and targets; everyone else is kept out."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.indicators import services
from stocktake.indicators.models import Indicator, IndicatorDefinition, Measurement, Target
from stocktake.testing import World

from .conftest import MakeIndicator

PAGES = ["definition", "add target", "change target"]
# Only edit_all in the indicator's scope opens these pages, whatever else a role may do.
EXPECTED = {
    "anonymous": [302, 302, 302],
    "no membership": [403, 403, 403],
    "Viewer": [403, 403, 403],
    "Councillor": [403, 403, 403],
    "Lead officer (owner)": [403, 403, 403],
    "Lead officer (not owner)": [403, 403, 403],
    "Lead officer (other unit)": [403, 403, 403],
    "Performance officer": [200, 200, 200],
    "Administrator": [200, 200, 200],
    "Performance officer (other council)": [403, 403, 403],
    "superuser": [200, 200, 200],
}


@pytest.fixture
def indicator(world: World, make_indicator: MakeIndicator, service: Unit) -> Indicator:
    plan, _, users = world
    owner = users["Lead officer (owner)"]
    assert owner is not None
    return make_indicator(plan.organisation, owner=owner.person, unit=service, plan=plan)


def _urls(indicator: Indicator) -> list[str]:
    target = Target.objects.get(indicator=indicator)
    return [
        reverse("indicators:definition_edit", args=[indicator.uuid]),
        reverse("indicators:target_add", args=[indicator.uuid]),
        reverse("indicators:target_edit", args=[indicator.uuid, target.uuid]),
    ]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_only_those_who_edit_everything_in_scope_change_definitions_and_targets(
    client: Client, world: World, indicator: Indicator, role: str
) -> None:
    user = world[2][role]
    if user is not None:
        client.force_login(user)
    got = [client.get(url).status_code for url in _urls(indicator)]
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, EXPECTED[role], strict=True))


@pytest.mark.parametrize("role", ["Lead officer (owner)", "Councillor", "Viewer"])
def test_a_post_from_someone_not_allowed_changes_nothing(
    client: Client, world: World, indicator: Indicator, role: str
) -> None:
    user = world[2][role]
    assert user is not None
    client.force_login(user)
    url = reverse("indicators:definition_edit", args=[indicator.uuid])
    assert client.post(url, {"title": "Hijacked"}).status_code == 403
    url = reverse("indicators:target_add", args=[indicator.uuid])
    assert client.post(url, {"period": "2010/11", "name": "local", "value": "1"}).status_code == 403
    indicator.definition.refresh_from_db()
    assert indicator.definition.title != "Hijacked"
    assert Target.objects.count() == 1


@pytest.mark.parametrize("key", ["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10", "not-a-uuid"])
def test_an_unknown_indicator_or_target_is_not_found(
    client: Client, officer: User, indicator: Indicator, key: str
) -> None:
    client.force_login(officer)
    assert client.get(reverse("indicators:definition_edit", args=[key])).status_code == 404
    assert (
        client.get(reverse("indicators:target_edit", args=[indicator.uuid, key])).status_code == 404
    )


def test_a_national_definition_is_not_changed_by_one_councils_officer(
    client: Client, officer: User, council: Organisation
) -> None:
    national = services.definition_create(
        organisation=None, code="NI 4", title="Influence", by=officer
    )
    indicator = services.indicator_create(organisation=council, definition=national, by=officer)
    client.force_login(officer)
    assert (
        client.get(reverse("indicators:definition_edit", args=[indicator.uuid])).status_code == 403
    )
    assert client.get(reverse("indicators:target_add", args=[indicator.uuid])).status_code == 200


def _definition_post(definition: IndicatorDefinition, **changes: str) -> dict[str, str]:
    fields = ["title", "definition", "data_type", "unit", "decimal_places", "polarity"]
    fields += ["frequency", "combine", "family", "numerator_label", "denominator_label", "formula"]
    return {name: str(getattr(definition, name)) for name in fields} | changes


def test_a_new_title_corrects_the_definition_in_place(
    client: Client, officer: User, make_indicator: MakeIndicator, council: Organisation
) -> None:
    indicator = make_indicator(council)
    client.force_login(officer)
    url = reverse("indicators:definition_edit", args=[indicator.uuid])
    response = client.post(url, _definition_post(indicator.definition, title="Residents satisfied"))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.definition.title, indicator.definition.version) == ("Residents satisfied", 1)


def test_a_change_of_meaning_needs_a_date_and_then_starts_a_new_version(
    client: Client, officer: User, make_indicator: MakeIndicator, council: Organisation
) -> None:
    indicator = make_indicator(council)
    for period, value in [("Q4 2008/09", D(30)), ("Q1 2009/10", D(35))]:
        services.measurement_record(indicator=indicator, period=period, value=value, by=officer)
    client.force_login(officer)
    url = reverse("indicators:definition_edit", args=[indicator.uuid])
    data = _definition_post(indicator.definition, polarity="lower")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "enter the date it takes effect" in response.content.decode()
    response = client.post(url, data | {"effective_from": "1/4/2009"})
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.definition.version, indicator.definition.polarity) == (2, "lower")
    later = Measurement.objects.get(indicator=indicator, period_label="Q1 2009/10")
    assert later.definition == indicator.definition
    assert later.explanation["direction"]["rule"] == "series_break"
    page = client.get(
        reverse("indicators:indicator_detail", args=[indicator.uuid])
    ).content.decode()
    assert "New definition (version 2)" in page


def test_an_officer_adds_a_target_which_becomes_primary_and_recolours(
    client: Client, officer: User, make_indicator: MakeIndicator, council: Organisation
) -> None:
    indicator = make_indicator(council)
    services.measurement_record(indicator=indicator, period="Q1 2009/10", value=D(36), by=officer)
    client.force_login(officer)
    response = client.post(
        reverse("indicators:target_add", args=[indicator.uuid]),
        {
            "period": "2009/10",
            "name": "stretch",
            "is_primary": "on",
            "value": "40",
            "tolerance": "5",
            "tolerance_kind": "percent",
        },
    )
    assert response.status_code == 302
    stretch = Target.objects.get(indicator=indicator, name="stretch")
    assert stretch.is_primary
    assert stretch.tolerance == D(5)
    assert not Target.objects.get(indicator=indicator, name="local").is_primary
    assert Measurement.objects.get(indicator=indicator).status == "red"


def test_an_officer_changes_a_targets_value_and_tolerance_but_not_its_period(
    client: Client, officer: User, make_indicator: MakeIndicator, council: Organisation
) -> None:
    indicator = make_indicator(council)
    target = Target.objects.get(indicator=indicator)
    client.force_login(officer)
    url = reverse("indicators:target_edit", args=[indicator.uuid, target.uuid])
    assert 'value="34.000000"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "period": "2015/16",
            "name": "laa",
            "is_primary": "on",
            "value": "36",
            "tolerance": "1",
            "tolerance_kind": "absolute",
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.value, target.tolerance, target.period_label, target.name) == (
        D(36),
        D(1),
        "2009/10",
        "local",
    )


def test_a_target_form_with_mistakes_is_shown_again_with_the_errors(
    client: Client, officer: User, make_indicator: MakeIndicator, council: Organisation
) -> None:
    indicator = make_indicator(council)
    client.force_login(officer)
    url = reverse("indicators:target_add", args=[indicator.uuid])
    response = client.post(
        url, {"period": "someday", "name": "local", "value": "3", "tolerance_kind": "absolute"}
    )
    assert response.status_code == 200
    assert "Enter a period such as" in response.content.decode()
    response = client.post(
        url, {"period": "2010/11", "name": "local", "tolerance_kind": "absolute"}
    )
    assert "Enter the target as a number or in words" in response.content.decode()
    assert Target.objects.filter(indicator=indicator).count() == 1


def test_an_officer_gives_a_running_total_target_a_quarterly_profile(
    client: Client, officer: User, make_indicator: MakeIndicator, council: Organisation
) -> None:
    indicator = make_indicator(
        council, target=None, definition={"data_type": "number", "combine": "running_total"}
    )
    client.force_login(officer)
    url = reverse("indicators:target_add", args=[indicator.uuid])
    data = {"period": "2009/10", "name": "local", "is_primary": "on", "value": "12"}
    data |= {"tolerance_kind": "absolute", "profile_q1": "3", "profile_q2": "6", "profile_q3": "9"}
    assert client.post(url, data).status_code == 302
    target = Target.objects.get(indicator=indicator)
    assert (target.profile_q1, target.profile_q2, target.profile_q3) == (D(3), D(6), D(9))
    response = client.post(url, data | {"profile_q2": "2"})
    assert "cannot fall from one quarter to the next" in response.content.decode()
