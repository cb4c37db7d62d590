"""Writes for contacts: bulk loads, single entries in sampling weeks, and sampling periods."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, acting_user

from . import rules
from .fastload import NeedsParser, fast_load
from .loading import store_rows
from .models import AccessPoint
from .models_contacts import ContactLoad, SamplingPeriod
from .parsing import ContactRow, Parsed, PointCodes, RowError, parse_csv, read_header

MAX_REPORTED = 10_000  # every bad row is counted; the first ten thousand are listed


@dataclass
class LoadResult:
    loaded: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


class NoRows(RowError):
    """The file has a header and nothing under it: refused, like a bad header, not reported
    as a load of nothing."""

    def __init__(self) -> None:
        super().__init__(
            "The file has no data rows, only its first line of column names: nothing was loaded."
        )


class BadRows(Exception):
    """The file had bad rows and nothing was loaded."""

    def __init__(self, result: LoadResult) -> None:
        super().__init__(f"{result.skipped} bad rows; nothing was loaded")
        self.result = result


def access_point_codes(organisation: Organisation, *, current_only: bool = False) -> PointCodes:
    """The codes contacts may name; a retired point only for contacts before it closed
    (checks.py agrees). current_only: just the open ones, for choosing on a form."""
    points = AccessPoint.objects.filter(organisation=organisation)
    if current_only:
        points = points.filter(retired_on__isnull=True)
    rows = list(points.values_list("code", "pk", "retired_on"))
    return PointCodes(
        {code: pk for code, pk, _ in rows},
        {code: closed for code, _, closed in rows if closed is not None},
    )


def _good_rows(
    parsed: Iterable[Parsed], result: LoadResult, progress: Callable[[int], object] | None
) -> Iterator[ContactRow]:
    for n, item in enumerate(parsed, start=1):
        if item.row is not None:
            yield item.row
        else:
            result.skipped += 1
            if len(result.errors) < MAX_REPORTED:
                result.errors.append((item.line, item.error))
        if progress is not None and n % 10_000 == 0:
            progress(10_000)


def contacts_load(
    *,
    organisation: Organisation,
    lines: Iterable[str],
    source: str,
    by: Actor,
    skip_bad: bool = False,
    progress: Callable[[int], object] | None = None,
    timings: dict[str, float] | None = None,
) -> LoadResult:
    """Load a contacts CSV in one pass. Bad rows are reported with their line numbers; unless
    skip_bad, any bad row means nothing is loaded (raises BadRows). ``timings`` (if given)
    gets seconds per phase on PostgreSQL."""
    if connection.vendor == "postgresql":
        fast = _load_postgres(
            organisation=organisation,
            lines=lines,
            source=source,
            by=by,
            progress=progress,
            timings={} if timings is None else timings,
        )
        if fast is not None:
            return fast
    result = LoadResult()
    parsed = parse_csv(lines, access_points=access_point_codes(organisation), now=timezone.now())
    with transaction.atomic():
        load = ContactLoad.objects.create(
            organisation=organisation, source=source[:300], by=acting_user(by)
        )
        result.loaded = store_rows(
            organisation_id=organisation.pk,
            rows=_good_rows(parsed, result, progress),
            load_id=load.pk,
        )
        if result.skipped and not skip_bad:
            raise BadRows(result)  # rolls back the staging, contacts and tallies together
        if not result.loaded and not result.skipped:
            raise NoRows
        load.loaded, load.skipped = result.loaded, result.skipped
        load.save(update_fields=["loaded", "skipped"])
    return result


def _load_postgres(
    *,
    organisation: Organisation,
    lines: Iterable[str],
    source: str,
    by: Actor,
    progress: Callable[[int], object] | None,
    timings: dict[str, float],
) -> LoadResult | None:
    """The fast load (fastload.py); None when the file needs the typed row parser (a row it
    might refuse, or input that cannot be read twice)."""
    stream: IO[str] = lines  # type: ignore[assignment]
    if not (hasattr(stream, "seekable") and stream.seekable()):
        return None
    start = stream.tell()
    layout = read_header(next(csv.reader([stream.readline()]), []))
    sent = 0

    def counted(lines_sent: int) -> None:
        nonlocal sent
        sent += lines_sent
        if progress is not None:
            progress(lines_sent)

    try:
        with transaction.atomic():
            load = ContactLoad.objects.create(
                organisation=organisation, source=source[:300], by=acting_user(by)
            )
            loaded = fast_load(
                source=stream,
                layout=layout,
                organisation_id=organisation.pk,
                load_id=load.pk,
                now=timezone.now(),
                progress=counted,
                timings=timings,
            )
            if not loaded:
                raise NoRows  # rolls back the load's record with it
            load.loaded = loaded
            load.save(update_fields=["loaded"])
    except (DatabaseError, NeedsParser):
        if progress is not None:
            progress(-sent)
        stream.seek(start)
        return None
    return LoadResult(loaded=loaded)


@transaction.atomic
def contact_record(*, organisation: Organisation, row: ContactRow, by: Actor) -> None:
    """One contact typed in during a sampling week; it joins the tallies like a loaded one."""
    store_rows(organisation_id=organisation.pk, rows=[row])


@transaction.atomic
def sampling_period_add(
    *, organisation: Organisation, name: str, start: dt.date, end: dt.date, by: Actor
) -> SamplingPeriod:
    rules.period_in_order(start, end)
    overlapping = SamplingPeriod.objects.filter(
        organisation=organisation, start__lte=end, end__gte=start
    ).exists()
    rules.sampling_periods_do_not_overlap(overlapping)
    return SamplingPeriod.objects.create(organisation=organisation, name=name, start=start, end=end)
