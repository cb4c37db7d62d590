"""The fast load (PostgreSQL) takes a row only if the typed row parser would, and stores what the
parser would; anything else goes to the parser. Awkward rows are put through both and compared."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from django.db import connection
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.customers.checks import OTHER_SPACES
from stocktake.customers.models import AccessPoint, Contact
from stocktake.customers.parsing import parse_csv
from stocktake.customers.services_contacts import _load_postgres, access_point_codes

from .helpers import csv_lines, row

AWKWARD = [
    row(),
    row("2026-03-02T10:00:00"),
    row("2026-03-02 10:00:00.123"),
    row("2026-03-02T10:00:00.123456+01:00"),
    row("2026-03-02 10:00Z"),
    row("2026-07-01 00:30"),
    row("2026-07-01T09:00:00+00:00"),
    row("2026-03-02"),
    row("2024-02-29 10:00"),
    row("2026-02-29 10:00"),
    row("2026-04-31 10:00"),
    row("2026-13-01 10:00"),
    row("2026-03-02 24:00"),
    row("2026-03-02 10:00:60"),
    row("2026-03-02 10:61"),
    row("0000-01-01 10:00"),
    row(" 2026-03-02 10:00"),
    row("02/03/2026 10:00"),
    row("2026-03-02 10:00 BST"),
    row("20260302T100000"),
    row("yesterday"),
    row("2099-01-01 10:00"),
    row(channel=" telephone"),
    row(channel="Telephone"),
    row(service="ctax"),
    row(service="Ctax "),
    row(service="BOGUS"),
    row(request=" spaces"),
    row(request="nbsp\u00a0"),
    row(request="é accents ü"),
    row(request="a" * 100),
    row(request="a" * 101),
    row(first="YES", resolved="1"),
    row(first="t"),
    row(resolved="on"),
    row(avoidable="Yes", reason="repeat"),
    row(avoidable="no", reason="repeat"),
    row(avoidable="maybe"),
    row(area="E00000001"),
    row(area="e0000000x"),
    row(area="E0000000!"),
    row(area="A" * 13),
    row(exclusion="outbound"),
    row(exclusion="OUTBOUND"),
    row(point="desk"),
    row(point="nowhere"),
    # "shut" closed for good on 2 March 2026 (a London day).
    row("2026-03-01 23:30", point="shut"),
    row("2026-03-02 00:30", point="shut"),
    row("2026-03-01T23:30:00Z", point="shut"),
    row("2026-03-01T23:59:00-01:00", point="shut"),
    '"2026-03-02 10:00",telephone,,CTAX,"a, b",,,,,,',
    "2026-03-02 10:00,telephone",
]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the fast load is PostgreSQL's"
)


def test_python_whitespace_is_spaces_controls_and_these_code_points() -> None:
    wide = {c for c in range(sys.maxunicode + 1) if chr(c).isspace() and c > 32}
    assert wide == set(OTHER_SPACES)


@pytest.mark.parametrize("line", AWKWARD)
def test_the_fast_load_takes_a_row_only_as_the_parser_would(
    line: str, council: Organisation
) -> None:
    AccessPoint.objects.create(organisation=council, code="desk", name="Desk", kind="kiosk")
    AccessPoint.objects.create(
        organisation=council, code="shut", name="Shut", kind="kiosk", retired_on=dt.date(2026, 3, 2)
    )
    now = timezone.now()
    [parsed] = list(parse_csv(csv_lines(line), access_points=access_point_codes(council), now=now))
    fast = _load_postgres(
        organisation=council,
        lines=csv_lines(line),
        source="t",
        by=None,
        progress=None,
        timings={},
    )
    if parsed.row is None:
        assert fast is None, parsed.error
        assert not Contact.objects.exists()
        return
    if fast is None:
        return  # narrower than the parser: the parser loads it
    expected = parsed.row
    stored = Contact.objects.get()
    assert stored.received_at == expected.aware_received_at
    assert stored.received_on == expected.received_on
    assert (stored.channel, stored.service_code, stored.request_type) == (
        expected.channel,
        expected.service_code,
        expected.request_type,
    )
    assert (stored.resolved_first, stored.request_resolved) == (
        expected.resolved_first,
        expected.request_resolved,
    )
    assert (stored.avoidable, stored.avoidable_reason) == (
        expected.avoidable,
        expected.avoidable_reason,
    )
    assert (stored.area_code, stored.exclusion, stored.access_point_id) == (
        expected.area_code,
        expected.exclusion,
        expected.access_point_id,
    )


FAST = [
    row(),
    row("2026-03-02T10:00:00", service="ctax", first="YES", resolved="n", area="E00000001"),
    row("2026-03-02 10:00:00.123456Z", avoidable="yes", reason="repeat", exclusion="outbound"),
    row("2026-03-02", point="desk", request="é accents ü"),
    row("2026-03-01 23:30", point="shut"),
]


@pytest.mark.parametrize("line", FAST)
def test_clean_rows_take_the_fast_load(line: str, council: Organisation) -> None:
    AccessPoint.objects.create(organisation=council, code="desk", name="Desk", kind="kiosk")
    AccessPoint.objects.create(
        organisation=council, code="shut", name="Shut", kind="kiosk", retired_on=dt.date(2026, 3, 2)
    )
    fast = _load_postgres(
        organisation=council, lines=csv_lines(line), source="t", by=None, progress=None, timings={}
    )
    assert fast is not None
    assert fast.loaded == 1
