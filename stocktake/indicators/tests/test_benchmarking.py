"""Peer benchmarking: rank, quartile and median, both polarities, groups, bounded queries."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.indicators import benchmarking
from stocktake.indicators.dataset_import import dataset_import
from stocktake.indicators.models import ComparisonGroup, Indicator, Measurement


def test_rank_one_is_the_highest_when_higher_is_better_and_the_lowest_when_lower() -> None:
    values = [D(10), D(20), D(20), D(40)]
    assert benchmarking.rank_of(D(40), values, "higher") == 1
    assert benchmarking.rank_of(D(20), values, "higher") == 2
    assert benchmarking.rank_of(D(10), values, "higher") == 4
    assert benchmarking.rank_of(D(10), values, "lower") == 1
    assert benchmarking.rank_of(D(20), values, "lower") == 2
    assert benchmarking.rank_of(D(40), values, "lower") == 4
    assert benchmarking.rank_of(D(20), values, "band") is None


def test_quartiles_split_the_ranks_into_four() -> None:
    assert [benchmarking.quartile_of(r, 8) for r in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert benchmarking.quartile_of(12, 157) == 1
    assert benchmarking.quartile_of(157, 157) == 4


def test_ordinals_read_as_english() -> None:
    assert [benchmarking.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "112th",
    ]  # fmt: skip


def _dataset(tmp_path: Path, council: Organisation, peers: int, polarity: str = "higher") -> Path:
    lines = ["Code,Title,Organisation,Period,Value,Polarity"]
    lines.append(f"NI 192,Waste recycled,{council.name},2015/16,50,{polarity}")
    lines.append(f"NI 192,Waste recycled,{council.name},2016/17,50,{polarity}")
    for n in range(peers):
        for year in ("2015/16", "2016/17"):
            lines.append(
                f"NI 192,Waste recycled,Peer {n:03d},{year},{n * 100 / peers:.1f},{polarity}"
            )
    path = tmp_path / f"peers{peers}.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def _ours(council: Organisation) -> Indicator:
    return Indicator.objects.select_related("definition").get(organisation=council)


@pytest.mark.parametrize(("polarity", "rank"), [("higher", 5), ("lower", 6)])
def test_the_council_is_ranked_among_all_organisations_with_data(
    tmp_path: Path, council: Organisation, polarity: str, rank: int
) -> None:
    dataset_import(path=_dataset(tmp_path, council, 10, polarity), by=None)
    indicator = _ours(council)
    rows = list(Measurement.objects.filter(indicator=indicator))
    found = benchmarking.benchmarks(indicator, rows, indicator.definition)
    latest = found[max(rows, key=lambda r: r.period_end).pk]
    # Peers hold 0, 10, ..., 90: 50 ties with Peer 005, and four are better either way.
    assert (latest.rank, latest.of) == (rank, 11)
    assert latest.median == D(50)
    assert latest.sentence(indicator.definition.style).startswith(f"Ranked {rank}th of 11; ")


def test_a_comparison_group_limits_the_peers(tmp_path: Path, council: Organisation) -> None:
    dataset_import(path=_dataset(tmp_path, council, 10), by=None)
    group = ComparisonGroup.objects.create(name="Nearest neighbours")
    group.members.set(Organisation.objects.filter(name__in=["Peer 009", "Peer 001"]))
    indicator = _ours(council)
    rows = list(Measurement.objects.filter(indicator=indicator))
    found = benchmarking.benchmarks(indicator, rows, indicator.definition, group)
    latest = found[rows[-1].pk]
    assert (latest.rank, latest.of, latest.quartile) == (2, 3, 2)
    assert "Nearest neighbours" in latest.sentence(indicator.definition.style)


def _page_queries(client: Client, indicator: Indicator) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("indicators:indicator_detail", args=[indicator.uuid]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_indicator_page_shows_rank_with_the_same_queries_for_10_and_150_peers(
    tmp_path: Path, council: Organisation, other_council: Organisation, officer: User
) -> None:
    client = Client()
    client.force_login(officer)
    dataset_import(path=_dataset(tmp_path, council, 10), by=None)
    small, page = _page_queries(client, _ours(council))
    assert "Ranked 5th of 11; 2nd quartile; median 50" in page
    Measurement.objects.all().delete()
    Indicator.objects.all().delete()
    dataset_import(path=_dataset(tmp_path, council, 150), by=None)
    large, page = _page_queries(client, _ours(council))
    assert "of 151;" in page
    assert small == large
