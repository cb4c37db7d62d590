"""Feedback and peers' figures from CSV: all or nothing, bad rows by line."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from stocktake.accounts.models import Organisation
from stocktake.customers.feedback_import import BadFile, feedback_load, peer_figures_load
from stocktake.customers.models import Feedback, PeerSatisfaction
from stocktake.customers.satisfaction import peer_figures

HEADER = "received_at,channel,service,rating,reason,comment,area_code,age_band,disabled\n"


def test_feedback_loads_and_a_bad_row_stops_it_all(council: Organisation) -> None:
    good = "2026-02-01 10:00,web_form,CTAX,good,Quick,,E001,under_25,no\n"
    bad = "2026-02-01 10:00,web_form,CTAX,brilliant,,,,,\n"
    with pytest.raises(BadFile) as caught:
        feedback_load(organisation=council, lines=io.StringIO(HEADER + good + bad), by=None)
    assert caught.value.errors[0][0] == 3
    assert "rating" in caught.value.errors[0][1]
    assert not Feedback.objects.exists()
    assert feedback_load(organisation=council, lines=io.StringIO(HEADER + good), by=None) == 1


def test_peer_figures_load_for_benchmarking(council: Organisation) -> None:
    lines = io.StringIO(
        "peer,month,channel,net_satisfaction\n"
        "Charnwood Borough Council,2026-01,web_form,0.42\n"
        "Harlow District Council,2026-01,web_form,0.10\n"
    )
    assert peer_figures_load(organisation=council, lines=lines, by=None) == 2
    figures = peer_figures(council.pk)
    assert sorted(figures["web_form"][dt.date(2026, 1, 1)]) == [Decimal("0.10"), Decimal("0.42")]
    with pytest.raises(BadFile):
        peer_figures_load(
            organisation=council,
            lines=io.StringIO("peer,month,channel,net_satisfaction\nX,2026-01,web_form,3\n"),
            by=None,
        )
    assert PeerSatisfaction.objects.count() == 2


def test_peer_figures_name_the_peer_and_a_known_channel_or_nothing_is_saved(
    council: Organisation,
) -> None:
    lines = io.StringIO(
        "peer,month,channel,net_satisfaction\n"
        "Harlow District Council,2026-01,web_form,0.10\n"
        ",2026-01,web_form,0.2\n"
        "Harlow District Council,2026-01,carrier pigeon,0.2\n"
        f"{council.name},2026-01,telephone,0.3\n"
    )
    with pytest.raises(BadFile) as refused:
        peer_figures_load(organisation=council, lines=lines, by=None)
    lines_and_reasons = dict(refused.value.errors)
    assert sorted(lines_and_reasons) == [3, 4, 5]
    assert "peer is empty" in lines_and_reasons[3]
    assert "carrier pigeon" in lines_and_reasons[4]
    assert "own peer" in lines_and_reasons[5]
    assert not PeerSatisfaction.objects.exists()
    assert not Organisation.objects.filter(name__in=["", "Harlow District Council"]).exists()


def test_feedback_with_an_area_that_is_not_a_code_is_refused(council: Organisation) -> None:
    lines = io.StringIO(
        "received_at,channel,rating,area_code\n"
        "2026-01-05 10:00,web_form,good,E00000001\n"
        "2026-01-05 11:00,web_form,poor,12 High Street\n"
    )
    with pytest.raises(BadFile) as refused:
        feedback_load(organisation=council, lines=lines, by=None)
    assert refused.value.errors == [
        (3, "area_code '12 High Street' should be up to 12 letters and digits")
    ]
    assert not Feedback.objects.exists()
