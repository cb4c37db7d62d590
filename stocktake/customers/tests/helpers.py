"""Small builders for contact files in tests."""

from __future__ import annotations

import io

from stocktake.customers.parsing import COLUMNS

HEADER = ",".join(COLUMNS)


def csv_lines(*rows: str) -> io.StringIO:
    """A contacts file: the header, then each row as written (fields in COLUMNS order)."""
    return io.StringIO("\n".join([HEADER, *rows]) + "\n")


def row(
    when: str = "2026-03-02 10:00",
    channel: str = "telephone",
    *,
    point: str = "",
    service: str = "CTAX",
    request: str = "",
    first: str = "",
    resolved: str = "",
    avoidable: str = "",
    reason: str = "",
    area: str = "",
    exclusion: str = "",
) -> str:
    fields = [when, channel, point, service, request, first, resolved, avoidable, reason, area]
    return ",".join([*fields, exclusion])
