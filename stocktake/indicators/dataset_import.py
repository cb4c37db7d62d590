"""Import an indicator dataset: definitions, targets and values, all or nothing.

The file streams through in batches: each batch's indicators are found or created with a
couple of queries and its values are written with one upsert, so memory holds one batch
whatever the file's size. Bad rows are collected with their line numbers; if there are any,
the transaction is rolled back and nothing is saved. A dry run does the same work and rolls
back, so its summary is exactly what the import would do.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from stocktake.accounts.models import Organisation
from stocktake.accounts.services import organisation_get_or_create
from stocktake.core.periods import Period
from stocktake.core.recording import Actor, acting_user

from .dataset_columns import Columns, period_of, read_columns
from .dataset_definitions import Definitions, Organisations, RowError
from .dataset_read import DatasetUnreadable, Sheet, open_dataset
from .dataset_status import evaluate_batch
from .dataset_summary import DatasetRejected, Summary
from .dataset_write import NewValue, upsert_measurements
from .models import Indicator, IndicatorDefinition, Target
from .selectors import version_for
from .services import ratio

BATCH = 2000
# Blank cells and the markers statistical releases use for suppressed or missing values.
_MISSING = {"", "-", "–", "..", ".", ":", "*", "x", "c", "z", "n/a", "na", "[c]", "[x]", "[z]"}

__all__ = ["DatasetRejected", "DatasetUnreadable", "dataset_import"]


class _Refused(Exception):
    """The row is for an organisation the importer may not write; finish() says which."""


class _DryRun(Exception):
    pass


def _number(text: str) -> Decimal:
    cleaned = text.replace(",", "").replace("£", "").removesuffix("%").strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise RowError(f"“{text}” is not a number") from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 14:
        raise RowError(f"“{text}” is not a number this can store")
    return number


def _optional(text: str) -> Decimal | None:
    return None if text.strip().lower() in _MISSING else _number(text)


@dataclass
class _Value:
    where: str
    organisation_id: int
    definition: IndicatorDefinition
    versions: list[IndicatorDefinition]
    period: Period
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    note: str = ""
    target: str = ""


class _Importer:
    def __init__(
        self,
        columns: Columns,
        sheet: Sheet,
        owner: Organisation | None,
        by: Actor,
        may_write: Collection[int] | None,
    ) -> None:
        self.columns, self.sheet, self.owner, self.by = columns, sheet, owner, by
        self.may_write = may_write
        self.refused: dict[int, list[int]] = {}  # organisation → lines naming it
        self.line = 0
        self.summary = Summary(source="", format=sheet.format, shape=columns.shape)
        self.definitions = Definitions(owner=owner, shared=columns.has_organisation, by=by)
        self.organisations = Organisations()
        self.indicators: dict[tuple[int, int], int] = {}
        self.pending: list[_Value] = []

    def add(self, line: int, cells: list[str]) -> None:
        where = f"{self.sheet.unit} {line}"
        self.line = line
        try:
            if self.columns.shape == "definitions":
                self._definition(cells)
            elif self.columns.shape == "wide":
                self._wide(where, cells)
            else:
                self._long(where, cells)
        except _Refused:
            pass
        except RowError as error:
            self.summary.error(f"{where}: {error}")
        if len(self.pending) >= BATCH:
            self.flush()

    def _definition(self, cells: list[str]) -> None:
        self.definitions.get(cells, self.columns, None)
        self.summary.codes.add(self.definitions.key(cells, self.columns))
        if self.owner is not None:
            self._may_write(self.owner.pk)
            definition, _ = self.definitions.get(cells, self.columns, None)
            self._indicator_ids([(self.owner.pk, definition.pk)])

    def _organisation(self, cells: list[str]) -> int:
        if not self.columns.has_organisation:
            if self.owner is None:
                raise RowError("the file has no organisation column: say which organisation")
            return self._may_write(self.owner.pk)
        cell = self.columns.cell
        found = self.organisations.get(cell(cells, "organisation"), cell(cells, "gss"))
        return self._may_write(found)

    def _may_write(self, organisation_id: int) -> int:
        """A council's values are written only by those who may write them. A benchmarking
        peer's figures are anyone's to import: they sit at the peer, never at a council."""
        if self.may_write is None or organisation_id in self.may_write:
            return organisation_id
        if organisation_id in self.organisations.peers:
            return organisation_id
        lines = self.refused.setdefault(organisation_id, [])
        if not lines or lines[-1] != self.line:
            lines.append(self.line)
            self.summary.error_count += 1  # the message, one per organisation, comes last
        raise _Refused

    def _long(self, where: str, cells: list[str]) -> None:
        cell = self.columns.cell
        text = cell(cells, "period")
        if not text and not cell(cells, "value") and not cell(cells, "numerator"):
            self._definition(cells)  # a definition among values, as JSON files give them
            return
        period = period_of(text)
        if period is None:
            raise RowError(f"“{text}” is not a period such as 2015/16, Q1 2009/10 or June 2009")
        raw = cell(cells, "value")
        value, numerator = _optional(raw), _optional(cell(cells, "numerator"))
        if value is None and numerator is None:
            self.summary.skipped += 1
            return
        denominator = _optional(cell(cells, "denominator"))
        if numerator is not None and not denominator:
            raise RowError("a numerator needs a denominator greater than zero")
        self._queue(
            where,
            cells,
            period,
            value,
            numerator=numerator,
            denominator=denominator,
            note=cell(cells, "note"),
            target=cell(cells, "target"),
        )

    def _wide(self, where: str, cells: list[str]) -> None:
        for index, period in self.columns.periods:
            raw = cells[index] if index < len(cells) else ""
            try:
                value = _optional(raw)
            except RowError as error:
                self.summary.error(f"{where}, column {self.sheet.header[index]}: {error}")
                continue
            if value is None:
                self.summary.skipped += 1
                continue
            self._queue(where, cells, period, value)

    def _queue(
        self, where: str, cells: list[str], period: Period, value: Decimal | None, **more: Any
    ) -> None:
        organisation_id = self._organisation(cells)
        definition, versions = self.definitions.get(cells, self.columns, period)
        if value is None:
            value = ratio(more["numerator"], more["denominator"], definition)
        self.pending.append(
            _Value(where, organisation_id, definition, versions, period, value, **more)
        )
        summary = self.summary
        summary.codes.add(self.definitions.key(cells, self.columns))
        summary.organisations.add(organisation_id)
        summary.periods.setdefault(period.label, (period.start, period.end))
        summary.measurements += 1

    def _indicator_ids(self, keys: list[tuple[int, int]]) -> None:
        """Find or create each (organisation, definition)'s indicator: two or three queries."""
        missing = set(keys) - self.indicators.keys()
        if not missing:
            return
        organisations = {o for o, _ in missing}
        definitions = {d for _, d in missing}
        existing = Indicator.objects.filter(
            organisation_id__in=organisations, definition_id__in=definitions
        ).values_list("organisation_id", "definition_id", "pk")
        for organisation_id, definition_id, pk in existing:
            self.indicators[(organisation_id, definition_id)] = pk
        new = sorted(missing - self.indicators.keys())
        peers = self.organisations.peers
        made = [Indicator(organisation_id=o, definition_id=d, flags=["imported"]) for o, d in new]
        # A benchmarking peer's indicators only hold its published values and nobody edits
        # them, so they skip the audit trail (half the import's time on national datasets).
        Indicator.objects.bulk_create([i for i in made if i.organisation_id in peers])
        user = acting_user(self.by)
        ours = [i for i in made if i.organisation_id not in peers]
        if ours:
            bulk_create_with_history(ours, Indicator, default_user=user)
        if any(i.pk is None for i in made):  # backends that do not return new ids
            self.indicators.update(
                ((o, d), pk)
                for o, d, pk in Indicator.objects.filter(
                    organisation_id__in=organisations, definition_id__in=definitions
                ).values_list("organisation_id", "definition_id", "pk")
            )
            return
        for indicator in made:
            self.indicators[(indicator.organisation_id, indicator.definition_id)] = indicator.pk

    def flush(self) -> None:
        if not self.pending or self.summary.error_count:
            self.pending.clear()
            return
        self._indicator_ids([(v.organisation_id, v.definition.pk) for v in self.pending])
        rows: dict[tuple[int, Any, Any], NewValue] = {}
        targets: list[Target] = []
        user = acting_user(self.by)
        for item in self.pending:
            indicator_id = self.indicators[(item.organisation_id, item.definition.pk)]
            key = (indicator_id, item.period.start, item.period.end)
            if key in rows:
                self.summary.warnings.append(
                    f"{item.where}: a second value for {item.definition.code or item.definition}"
                    f" in {item.period.label}; the later one is kept"
                )
            rows[key] = NewValue(
                organisation_id=item.organisation_id,
                indicator_id=indicator_id,
                definition_id=version_for(item.versions, item.period.start).pk,
                period_label=item.period.label,
                period_start=item.period.start,
                period_end=item.period.end,
                period_kind=item.period.kind,
                value=item.value,
                numerator=item.numerator,
                denominator=item.denominator,
                note=item.note,
                entered_by_id=user.pk if user else None,
            )
            if item.target:
                targets.append(self._target(item, indicator_id))
        if targets:
            # Dataset targets are as many as values, so they skip the audit trail as values do;
            # the DatasetImport record says who imported them.
            Target.objects.bulk_create(
                targets,
                update_conflicts=True,
                unique_fields=["indicator", "period_start", "period_end", "name"],
                update_fields=["period_label", "value", "text"],
            )
        upsert_measurements(evaluate_batch(rows, self.definitions.versions_by_pk()))
        self.pending.clear()

    def _target(self, item: _Value, indicator_id: int) -> Target:
        try:
            value, text = _number(item.target), ""
        except RowError:
            value, text = None, item.target[:300]
        return Target(
            organisation_id=item.organisation_id,
            indicator_id=indicator_id,
            period_label=item.period.label,
            period_start=item.period.start,
            period_end=item.period.end,
            value=value,
            text=text,
        )

    def finish(self) -> Summary:
        self.flush()
        summary = self.summary
        summary.refuse(self.refused, self.sheet.unit)
        if self.summary.error_count:
            return summary
        summary.name_organisations(self.organisations.peers)
        if summary.skipped:
            summary.warnings.append(f"{summary.skipped} blank or suppressed values skipped")
        if self.columns.ignored:
            summary.warnings.append(f"columns not used: {', '.join(self.columns.ignored)}")
        if self.organisations.created:
            summary.warnings.append(
                f"{self.organisations.created} organisations not known before were added "
                "as benchmarking peers"
            )
        return summary


def dataset_import(
    *,
    path: Path,
    by: Actor,
    organisation: Organisation | str | None = None,
    dry_run: bool = False,
    source: str | None = None,
    progress: Callable[[int], object] | None = None,
    may_write: Collection[int] | None = None,
) -> dict[str, Any]:
    """Import the file and return its summary; DatasetUnreadable or DatasetRejected if not.

    organisation is whom the file is for when it has no organisation column (a name is found
    or created), and owns any local definitions it creates. may_write is the organisations
    whose own values the importer may write (rows for any other but a benchmarking peer are
    refused); None, as on the command line, for any. With dry_run everything is worked out
    and rolled back.
    """
    sheet = open_dataset(path)
    columns = read_columns(sheet.header)
    try:
        with transaction.atomic():
            if isinstance(organisation, str):
                organisation = _named(organisation)
            importer = _Importer(columns, sheet, organisation, by, may_write)
            importer.summary.source = source or path.name
            for count, (line, cells) in enumerate(sheet.rows, start=1):
                importer.add(line, cells)
                if progress is not None and count % 500 == 0:
                    progress(500)
            summary = importer.finish()
            if summary.error_count:
                raise DatasetRejected(summary)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return importer.summary.as_json()


def _named(name: str) -> Organisation:
    found = Organisation.objects.filter(name__iexact=name.strip()).first()
    return found or organisation_get_or_create(name=name.strip())
