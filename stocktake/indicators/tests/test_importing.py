"""The service plan seed (003) gives indicators with their yearly targets and baselines."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, Person
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.indicators import services
from stocktake.indicators.importing import number, save_indicators_from_preview
from stocktake.indicators.models import Indicator, IndicatorDefinition
from stocktake.plans.models import Plan
from stocktake.testing import seed_paper


@pytest.fixture(scope="module")
def preview() -> dict[str, Any]:
    return preview_document(seed_paper("003"))


@pytest.fixture
def imported(preview: dict[str, Any], council: Organisation, officer: User) -> tuple[Plan, int]:
    """The importer saves a paper's indicators along with its plan."""
    record = plan_import(preview=preview, organisation=council, by=officer, as_at=None)
    assert record.plan_id is not None
    plan = Plan.objects.get(pk=record.plan_id)
    return plan, record.summary["counts"]["indicators"]


def _indicator(council: Organisation, code: str) -> Indicator:
    return Indicator.objects.select_related("definition").get(
        organisation=council, definition__code=code
    )


def _targets(indicator: Indicator) -> list[tuple[str, D | None, str]]:
    return [(t.period_label, t.value, t.text) for t in indicator.targets.order_by("period_start")]


def test_every_indicator_in_the_paper_is_saved_once(
    imported: tuple[Plan, int], preview: dict[str, Any], council: Organisation
) -> None:
    plan, count = imported
    expected = [i for i in preview["items"] if i["kind"] == "indicator"]
    assert count == Indicator.objects.filter(plan=plan).count()
    assert count >= len({i.get("code") or i["title"] for i in expected}) - 2


def test_saving_the_same_paper_again_adds_nothing(
    imported: tuple[Plan, int], preview: dict[str, Any], council: Organisation, officer: User
) -> None:
    plan, _ = imported
    again = save_indicators_from_preview(
        items=preview["items"], organisation=council, plan=plan, by=officer
    )
    assert again == 0


def test_local_codes_carry_their_three_yearly_targets(
    imported: tuple[Plan, int], council: Organisation
) -> None:
    sx52 = _indicator(council, "SX52")
    assert _targets(sx52) == [
        ("2009/10", D(90), ""),
        ("2010/11", D(90), ""),
        ("2011/12", D(90), ""),
    ]
    assert sx52.definition.organisation == council
    assert sx52.definition.data_type == "percentage"
    assert sx52.owner_person is not None
    assert sx52.owner_person.name == "Jackie Sayers"
    sx18 = _indicator(council, "SX18")
    assert [t[1] for t in _targets(sx18)] == [D(37), D(40), D(43)]
    assert sx18.owner_post is not None
    assert sx18.owner_post.title == "Customer Service Co-ordinator"


def test_national_codes_are_shared_and_keep_their_baseline(
    imported: tuple[Plan, int], council: Organisation
) -> None:
    ni4 = _indicator(council, "NI 4")
    assert ni4.definition.organisation is None
    assert ni4.definition.family == "national"
    assert "33.9" not in ni4.definition.title
    assert [t[1] for t in _targets(ni4)] == [D(34), D(38), D(39)]
    baseline = ni4.baselines.get()
    assert (baseline.period_label, baseline.value) == ("2008", D("33.9"))


def test_text_targets_are_kept_as_words(imported: tuple[Plan, int], council: Organisation) -> None:
    ni14 = _indicator(council, "NI 14")
    texts = [t[2] for t in _targets(ni14)]
    assert texts[0] == "Baseline to be set based on pilot weeks in February 09"
    assert all(t[1] is None for t in _targets(ni14))
    assert ni14.definition.polarity == "lower"


def test_a_second_council_shares_the_national_definition(
    preview: dict[str, Any], other_council: Organisation, imported: tuple[Plan, int], officer: User
) -> None:
    save_indicators_from_preview(
        items=preview["items"], organisation=other_council, plan=None, by=officer
    )
    assert IndicatorDefinition.objects.filter(code="NI 4").count() == 1
    assert IndicatorDefinition.objects.filter(code="SX52").count() == 2


def test_missing_things_are_flagged_not_guessed_silently(
    imported: tuple[Plan, int], council: Organisation
) -> None:
    ni4 = _indicator(council, "NI 4")
    assert "tolerance_not_set" in ni4.flags
    assert "polarity_guessed" in ni4.flags


def test_a_quarters_values_give_the_right_colours_and_arrows(
    imported: tuple[Plan, int], council: Organisation, officer: User
) -> None:
    sx52, ni4, sx18, ni14 = (_indicator(council, c) for c in ("SX52", "NI 4", "SX18", "NI 14"))
    services.target_set(indicator=ni4, period="2009/10", value=D(34), tolerance=D(2), by=officer)
    entries = [
        (sx52, "Q4 2008/09", D(85), ""),
        (sx52, "Q1 2009/10", D(92), ""),
        (ni4, "Q4 2008/09", D("33.9"), ""),
        (ni4, "Q1 2009/10", D(33), ""),
        (sx18, "Q4 2008/09", D(39), ""),
        (sx18, "Q1 2009/10", D(30), "Complaints backlog after the restructure"),
        (ni14, "Q1 2009/10", D("2.1"), ""),
    ]
    for indicator, period, value, note in entries:
        services.measurement_record(
            indicator=indicator, period=period, value=value, note=note, by=officer
        )
    got = {
        i.definition.code: (m.status, m.direction, m.explanation["status"]["sentence"])
        for i in (sx52, ni4, sx18, ni14)
        for m in i.measurements.filter(period_label="Q1 2009/10")
    }
    assert got == {
        "SX52": ("green", "improving", "Green: 92.0% is above the target of 90%"),
        "NI 4": (
            "amber",
            "worsening",
            "Amber: 33.0% is below the target of 34% but within the 2-point tolerance",
        ),
        "SX18": (
            "red",
            "worsening",
            "Red: 30.0% is below the target of 37% and no tolerance is set",
        ),
        "NI 14": (
            "data_only",
            "not_comparable",
            "Data only: the target “Baseline to be set based on pilot weeks in February 09” "
            "is not a number, so 2.1 is not compared with it",
        ),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90%", (D(90), "")),
        ("12.11", (D("12.11"), "")),
        ("15.3% (tentative - County)", (D("15.3"), "tentative - County")),
        ("Set baseline", (None, "Set baseline")),
        ("3.9% points improvement", (None, "3.9% points improvement")),
    ],
)  # fmt: skip
def test_numbers_are_read_only_where_the_paper_means_a_number(
    text: str, expected: tuple[D | None, str]
) -> None:
    assert number(text) == expected


def test_people_are_not_duplicated_by_the_import(
    imported: tuple[Plan, int], council: Organisation
) -> None:
    assert Person.objects.filter(organisation=council, name="Jackie Sayers").count() == 1
