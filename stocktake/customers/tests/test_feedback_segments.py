"""Net satisfaction and the breakdowns by segment and equality-monitoring answer."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.satisfaction import monthly_index, net_satisfaction
from stocktake.customers.segments import (
    contacts_by_segment,
    feedback_by_age_band,
    feedback_by_segment,
)
from stocktake.customers.services_contacts import contacts_load

from .helpers import csv_lines, row

AREAS = """code,name,district_code,segment_code,segment_name,population
E001,Town centre,E07000077,1A,Cosmopolitans,300
E002,Village,E07000077,7B,Rural residents,200
E003,Estate,E07000077,4C,Hard-pressed living,500
E999,Elsewhere,E07000001,4C,Hard-pressed living,900
"""


def test_net_satisfaction_runs_from_minus_one_to_plus_one() -> None:
    assert net_satisfaction(10, 0, 0) == Decimal("1")
    assert net_satisfaction(0, 0, 4) == Decimal("-1")
    assert net_satisfaction(3, 4, 1) == Decimal("0.250")
    assert net_satisfaction(0, 5, 0) == Decimal("0")
    assert net_satisfaction(0, 0, 0) is None


def test_the_monthly_index_is_per_channel_and_month(council: Organisation) -> None:
    def rate(day: int, month: int, channel: str, rating: str) -> None:
        when = dt.datetime(2026, month, day, 12, tzinfo=dt.UTC)
        services.feedback_record(
            organisation=council, received_at=when, channel=channel, rating=rating, by=None
        )

    rate(1, 1, "web_form", "good")
    rate(2, 1, "web_form", "poor")
    rate(3, 1, "web_form", "good")
    rate(1, 2, "web_form", "average")
    rate(1, 1, "telephone", "poor")
    index = monthly_index(
        council.pk,
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    )
    assert index["web_form"][dt.date(2026, 1, 1)].net == Decimal("0.333")
    assert index["web_form"][dt.date(2026, 2, 1)].net == Decimal("0")
    assert index["telephone"][dt.date(2026, 1, 1)].net == Decimal("-1")


def test_contacts_break_down_by_segment_and_show_who_is_not_reached(
    council: Organisation,
) -> None:
    council.gss_code = "E07000077"
    council.save()
    services.areas_load(lines=io.StringIO(AREAS))
    contacts_load(
        organisation=council,
        lines=csv_lines(
            row(channel="telephone", area="E001"),
            row(channel="web_form", area="E001"),
            row(channel="web_form", area="E001"),
            row(channel="face_to_face", area="E002"),
            row(channel="telephone", area=""),
            row(channel="telephone", area="E001", exclusion="outbound"),
        ),
        source="t",
        by=None,
    )
    rows = {
        r.name: r for r in contacts_by_segment(council, dt.date(2026, 1, 1), dt.date(2026, 12, 1))
    }
    assert rows["Cosmopolitans"].by_channel == {"telephone": 1, "web_form": 2}
    assert rows["Cosmopolitans"].per_thousand == Decimal("10.0")
    assert rows["Rural residents"].contacts == 1
    # Only this district's people count: 500, not 1,400.
    assert (rows["Hard-pressed living"].population, rows["Hard-pressed living"].non_user) == (
        500,
        True,
    )
    assert rows["Unknown area"].contacts == 1


def test_feedback_breaks_down_by_segment_and_age_band(council: Organisation) -> None:
    services.areas_load(lines=io.StringIO(AREAS))
    when = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    for area, band, rating in [
        ("E001", "under_25", "good"),
        ("E001", "under_25", "poor"),
        ("E003", "65_over", "good"),
        ("", "", "average"),
    ]:
        services.feedback_record(
            organisation=council,
            received_at=when,
            channel="web_form",
            rating=rating,
            area_code=area,
            age_band=band,
            by=None,
        )
    assert feedback_by_segment(council) == {
        "Cosmopolitans": {"good": 1, "poor": 1},
        "Hard-pressed living": {"good": 1},
        "Unknown area": {"average": 1},
    }
    assert feedback_by_age_band(council.pk)["under_25"] == {"good": 1, "poor": 1}
    assert feedback_by_age_band(council.pk)["Not answered"] == {"average": 1}
