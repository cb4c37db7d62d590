"""Bulk loading: bad rows are reported by line and block the load unless skipped; the tallies
always equal the same sums over the raw contacts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Count, Q
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation
from stocktake.customers.models import Contact, ContactAreaMonth, ContactDay, ContactMonth
from stocktake.customers.services_contacts import BadRows, NoRows, contacts_load

from .helpers import csv_lines, row

GOOD = row()
BAD_CHANNEL = row(channel="pigeon")
BAD_DATE = row(when="31/02/2026")
BAD_REASON = row(avoidable="no", reason="progress_chasing")


def test_a_clean_file_loads_every_row(council: Organisation) -> None:
    result = contacts_load(
        organisation=council, lines=csv_lines(GOOD, GOOD), source="test.csv", by=None
    )
    assert (result.loaded, result.skipped) == (2, 0)
    assert Contact.objects.filter(organisation=council).count() == 2
    assert ContactMonth.objects.get().contacts == 2


def test_bad_rows_are_reported_by_line_and_nothing_is_loaded(council: Organisation) -> None:
    lines = csv_lines(GOOD, BAD_CHANNEL, GOOD, BAD_DATE, BAD_REASON)
    with pytest.raises(BadRows) as caught:
        contacts_load(organisation=council, lines=lines, source="test.csv", by=None)
    errors = caught.value.result.errors
    assert [line for line, _ in errors] == [3, 5, 6]
    assert "channel 'pigeon'" in errors[0][1]
    assert "received_at '31/02/2026'" in errors[1][1]
    assert "Only an avoidable contact has a reason" in errors[2][1]
    assert not Contact.objects.exists()
    assert not ContactDay.objects.exists()
    assert not ContactMonth.objects.exists()


def test_skip_bad_loads_the_good_rows_and_counts_the_rest(council: Organisation) -> None:
    lines = csv_lines(GOOD, BAD_CHANNEL, GOOD, "too,few")
    result = contacts_load(
        organisation=council, lines=lines, source="t.csv", by=None, skip_bad=True
    )
    assert (result.loaded, result.skipped) == (2, 2)
    assert result.errors[1] == (5, "has 2 fields, the header has 11")
    assert Contact.objects.count() == 2


def test_an_unknown_access_point_is_a_bad_row(council: Organisation) -> None:
    with pytest.raises(BadRows) as caught:
        contacts_load(
            organisation=council, lines=csv_lines(row(point="nowhere")), source="t", by=None
        )
    assert "access_point 'nowhere'" in caught.value.result.errors[0][1]


def test_times_without_an_offset_are_london_time(council: Organisation) -> None:
    contacts_load(
        organisation=council,
        lines=csv_lines(row("2026-07-01 00:30"), row("2026-07-01T09:00:00+00:00")),
        source="t",
        by=None,
    )
    found = sorted(Contact.objects.values_list("received_at", "received_on"))
    assert found[0] == (dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC), dt.date(2026, 7, 1))
    assert found[1][1] == dt.date(2026, 7, 1)


def test_loads_add_to_the_tallies_of_earlier_loads(council: Organisation) -> None:
    for _ in range(2):
        contacts_load(organisation=council, lines=csv_lines(GOOD), source="t", by=None)
    assert ContactDay.objects.get().contacts == 2


CHANNELS = ["telephone", "email", "face_to_face"]
ROWS = st.builds(
    lambda day, hour, channel, service, avoidable, first, resolved, excluded, area: row(
        f"2026-0{1 + day % 3}-{1 + day % 28:02d} {hour:02d}:15",
        channel,
        service=service,
        avoidable=avoidable,
        reason="repeat" if avoidable == "yes" else "",
        first=first,
        resolved=resolved,
        exclusion="outbound" if excluded else "",
        area=area,
    ),
    st.integers(0, 80),
    st.integers(0, 23),
    st.sampled_from(CHANNELS),
    st.sampled_from(["CTAX", "BIN", ""]),
    st.sampled_from(["yes", "no", ""]),
    st.sampled_from(["y", "n", ""]),
    st.sampled_from(["y", ""]),
    st.booleans(),
    st.sampled_from(["E00000001", "E00000002", ""]),
)


class TalliesEqualRawSums(TestCase):
    @settings(max_examples=15, deadline=None)
    @given(batches=st.lists(st.lists(ROWS, min_size=0, max_size=12), min_size=1, max_size=3))
    def test_tallies_equal_sums_over_the_raw_contacts(self, batches: list[list[str]]) -> None:
        council = accounts.organisation_get_or_create(name="Tally Council")
        for batch in batches:
            if not batch:  # a file of just a header is refused and changes nothing
                with pytest.raises(NoRows):
                    contacts_load(organisation=council, lines=csv_lines(), source="t", by=None)
                continue
            contacts_load(organisation=council, lines=csv_lines(*batch), source="t", by=None)
        included = Q(exclusion="")
        sums = Contact.objects.filter(organisation=council).aggregate(
            n_contacts=Count("pk", filter=included),
            n_excluded=Count("pk", filter=~included),
            n_avoidable=Count("pk", filter=included & Q(avoidable="yes")),
            n_unavoidable=Count("pk", filter=included & Q(avoidable="no")),
            n_resolved_first=Count("pk", filter=included & Q(resolved_first=True)),
            n_first_known=Count("pk", filter=included & Q(resolved_first__isnull=False)),
            n_requests_resolved=Count("pk", filter=included & Q(request_resolved=True)),
            n_repeat=Count("pk", filter=included & Q(avoidable_reason="repeat")),
        )
        raw = {name.removeprefix("n_"): value for name, value in sums.items()}
        for table in (ContactDay, ContactMonth):
            tallies = table.objects.filter(organisation=council)
            for measure, expected in raw.items():
                assert sum(getattr(t, measure) for t in tallies) == expected, (table, measure)
        by_month = {
            (m.month, m.service_code, m.channel): m.contacts
            for m in ContactMonth.objects.filter(organisation=council)
            if m.contacts
        }
        merged: dict[tuple[dt.date, str, str], int] = {}
        for c in (
            Contact.objects.filter(organisation=council, exclusion="")
            .values("received_on", "service_code", "channel")
            .annotate(n=Count("pk"))
        ):
            key = (c["received_on"].replace(day=1), c["service_code"], c["channel"])
            merged[key] = merged.get(key, 0) + c["n"]
        assert by_month == merged
        areas = sum(a.contacts for a in ContactAreaMonth.objects.filter(organisation=council))
        assert areas == raw["contacts"]
