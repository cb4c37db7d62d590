"""Year-to-date profiles follow how periods combine; forecasts sit beside a quarter's value."""

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
from stocktake.indicators.profiles import profile_of

from .conftest import MakeIndicator


def _profiled(
    make_indicator: MakeIndicator,
    council: Organisation,
    officer: User,
    combine: str,
    *,
    polarity: str = "higher",
    profile: tuple[str, str, str] = ("100", "200", "300"),
    annual: str = "400",
    tolerance: str | None = "10",
) -> Indicator:
    indicator = make_indicator(
        council,
        target=None,
        definition={"data_type": "number", "decimal_places": 0, "combine": combine}
        | {"polarity": polarity},
    )
    services.target_set(
        indicator=indicator,
        period="2009/10",
        value=D(annual),
        tolerance=D(tolerance) if tolerance else None,
        profile=(D(profile[0]), D(profile[1]), D(profile[2])),
        by=officer,
    )
    return indicator


def _record(indicator: Indicator, period: str, value: str, officer: User) -> Measurement:
    return services.measurement_record(
        indicator=indicator, period=period, value=D(value), note="On plan", by=officer
    )


def test_a_sum_is_judged_year_to_date_against_the_quarters_milestone(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = _profiled(make_indicator, council, officer, "sum")
    q1 = _record(indicator, "Q1 2009/10", "95", officer)
    assert q1.status == "amber"
    assert q1.explanation["status"]["rule"] == "year_to_date_profile"
    assert q1.explanation["status"]["sentence"] == (
        "Amber: 95 is below the target of 100 but within the tolerance of 10: year to date "
        "(Q1 alone) against the Q1 milestone of the 2009/10 profile, whose annual target is 400"
    )
    q2 = _record(indicator, "Q2 2009/10", "110", officer)
    assert q2.status == "green"
    assert q2.explanation["status"]["numbers"]["year_to_date"] == "205"
    assert "year to date (the sum of Q1 to Q2)" in q2.explanation["status"]["sentence"]
    q3 = _record(indicator, "Q3 2009/10", "50", officer)
    assert q3.status == "red"  # 255 against 300, more than 10 short


def test_a_sum_with_a_missing_earlier_quarter_is_data_only_and_says_why(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = _profiled(make_indicator, council, officer, "sum")
    q2 = _record(indicator, "Q2 2009/10", "210", officer)
    assert q2.status == "data_only"
    assert q2.explanation["status"]["sentence"] == (
        "Data only: year to date cannot be worked out for Q2 2009/10 because not every "
        "earlier quarter of 2009/10 has a value"
    )
    _record(indicator, "Q1 2009/10", "100", officer)
    q2.refresh_from_db()
    assert q2.status == "green"  # a late Q1 completes the year to date


def test_a_sum_without_a_profile_stays_data_only_against_the_annual_target(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(
        council, target="400", definition={"data_type": "number", "combine": "sum"}
    )
    q1 = _record(indicator, "Q1 2009/10", "95", officer)
    assert (q1.status, q1.explanation["status"]["rule"]) == (
        "data_only",
        "sum_against_longer_target",
    )


def test_a_running_total_is_already_the_year_to_date(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = _profiled(make_indicator, council, officer, "running_total")
    q2 = _record(indicator, "Q2 2009/10", "205", officer)
    assert q2.status == "green"
    assert (
        "year to date (the running total) against the Q2 milestone"
        in (q2.explanation["status"]["sentence"])
    )
    q4 = _record(indicator, "Q4 2009/10", "385", officer)
    assert q4.status == "red"  # Q4's milestone is the annual figure, 400
    assert q4.explanation["status"]["numbers"]["milestone"] == "400"


def test_a_lower_is_better_sum_is_red_when_the_year_to_date_runs_ahead_of_its_profile(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = _profiled(
        make_indicator,
        council,
        officer,
        "sum",
        polarity="lower",
        profile=("10", "20", "30"),
        annual="40",
        tolerance=None,
    )
    q1 = _record(indicator, "Q1 2009/10", "12", officer)
    assert q1.status == "red"
    assert q1.explanation["status"]["sentence"].startswith(
        "Red: 12 is above the target of 10 and no tolerance is set: year to date"
    )


@pytest.mark.parametrize("combine", ["average", "latest"])
def test_a_percentage_average_or_latest_value_uses_the_annual_figure_for_each_quarter(
    make_indicator: MakeIndicator, council: Organisation, officer: User, combine: str
) -> None:
    indicator = make_indicator(council, target="34", definition={"combine": combine})
    target = Target.objects.get(indicator=indicator)
    assert profile_of(target, combine) == [D(34)] * 4
    q2 = _record(indicator, "Q2 2009/10", "35", officer)
    assert (q2.status, q2.explanation["status"]["rule"]) == ("green", "higher_is_better")
    with pytest.raises(ValidationError) as error:
        services.target_set(
            indicator=indicator,
            period="2009/10",
            value=D(34),
            profile=(D(30), None, None),
            by=officer,
        )
    assert "the annual figure applies to each quarter" in str(error.value)


def test_a_profile_builds_up_through_a_financial_year(
    make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council, target=None, definition={"combine": "sum"})
    with pytest.raises(ValidationError, match="cannot fall"):
        services.target_set(
            indicator=indicator,
            period="2009/10",
            value=D(400),
            profile=(D(200), D(100), None),
            by=officer,
        )
    with pytest.raises(ValidationError, match="financial year"):
        services.target_set(
            indicator=indicator,
            period="Q1 2009/10",
            value=D(100),
            profile=(D(50), None, None),
            by=officer,
        )


def test_the_owner_enters_a_forecast_with_a_quarter_and_the_page_shows_it(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = make_indicator(council)
    client.force_login(officer)
    response = client.post(
        reverse("indicators:measurement_add", args=[indicator.uuid]),
        {"period": "Q1 2009/10", "value": "35", "forecast": "36.5", "provisional": "on"},
    )
    assert response.status_code == 302
    assert Measurement.objects.get(indicator=indicator).forecast == D("36.5")
    page = client.get(
        reverse("indicators:indicator_detail", args=[indicator.uuid])
    ).content.decode()
    assert "Forecast year-end" in page
    assert "36.5%, forecast with the Q1 2009/10 value" in page


def test_the_page_shows_a_targets_profile(
    client: Client, make_indicator: MakeIndicator, council: Organisation, officer: User
) -> None:
    indicator = _profiled(make_indicator, council, officer, "running_total")
    client.force_login(officer)
    page = client.get(
        reverse("indicators:indicator_detail", args=[indicator.uuid])
    ).content.decode()
    assert "Q1: 100, Q2: 200, Q3: 300, Q4: 400" in page
