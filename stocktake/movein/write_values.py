"""Indicator values and targets from an export, in bulk, with status worked out as written.

Rows are read into memory first (an export's rows for one indicator may be anywhere in the
file, and a series' arrows need the whole series). Then, a chunk of indicators at a time, the
indicators app's own `evaluate_batch` works out status and arrows over each whole series, new
values with any already stored, and its writer upserts them with no audit history (values are
high volume; the move-in records who imported them). So an imported history reads exactly
like one typed in: the second period has an arrow, and the same period a year on a yearly one.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from stocktake.accounts.models import Organisation
from stocktake.core.periods import Period
from stocktake.core.recording import Actor, acting_user
from stocktake.indicators.dataset_status import evaluate_batch
from stocktake.indicators.dataset_write import NewValue, upsert_measurements
from stocktake.indicators.models import Indicator, IndicatorDefinition, Measurement, Target
from stocktake.indicators.selectors import definition_versions, version_for
from stocktake.indicators.services import indicator_recompute, ratio
from stocktake.plans.models import Plan

from .people import People
from .report import Report
from .rows import Layout, RowError, number
from .target_write import upsert_targets
from .value_checks import data_type_problem
from .write_status import Key, reconcile

BATCH = 2000  # values per upsert
CHUNK = 200  # indicators evaluated together


@lru_cache(maxsize=65536)
def code_key(code: str) -> str:
    """ "NI 14", "ni14" and "NI-14" are one code."""
    return "".join(ch for ch in code.casefold() if ch.isalnum())


class ValueWriter:
    def __init__(
        self, organisation: Organisation, plan: Plan | None, mapping: dict[str, Any], by: Actor
    ) -> None:
        self.organisation, self.plan, self.mapping, self.by = organisation, plan, mapping, by
        self.report = Report(kind="indicators", source="", dry_run=False)
        self.create = mapping.get("unmatched") == "create"
        self.vocabulary: dict[str, str] = mapping.get("statuses") or {}
        self.people = People(organisation)
        self.user = acting_user(by)
        self.indicators: dict[str, Indicator] = {
            code_key(i.definition.code): i
            for i in Indicator.objects.filter(organisation=organisation)
            .exclude(definition__code="")
            .select_related("definition")
        }
        self.values: dict[Key, NewValue] = {}
        self.targets: dict[Key, Target] = {}
        self.versions: dict[int, list[IndicatorDefinition]] = {}
        self.source_status: dict[Key, str] = {}
        self.missing: set[str] = set()
        self.wanted: dict[str, tuple[str, str]] = {}

    def _indicator(self, layout: Layout, cells: list[str], where: str) -> Indicator | None:
        code = layout.cell(cells, "code")
        if not code:
            raise RowError("no indicator code")
        found = self.indicators.get(code_key(code))
        if found is not None:
            return found
        if self.mapping.get("unmatched") == "skip":
            self.report.skipped += 1
            return None
        if not self.create:
            if code_key(code) not in self.missing:
                self.missing.add(code_key(code))
                self.report.missing(where, f"no indicator with code {code}")
            else:
                self.report.unmatched_count += 1
            return None
        raise AssertionError(f"{code} should have been created before the rows were read")

    def note(self, layout: Layout, cells: list[str]) -> None:
        """First pass, when missing indicators are to be created: which codes the file uses."""
        code = layout.cell(cells, "code")
        if code and code_key(code) not in self.indicators:
            self.wanted.setdefault(code_key(code), (code, layout.cell(cells, "title")))

    def create_missing(self) -> None:
        """Every indicator the file names and the council lacks, made in a few statements.

        A national or local definition with the code is used where there is one; otherwise
        a local one is defined from the export's code and title. Both keep their audit trail.
        """
        if not self.wanted:
            return
        found = {
            code_key(d.code): d
            for d in IndicatorDefinition.objects.filter(
                Q(organisation__isnull=True) | Q(organisation=self.organisation),
                next_version__isnull=True,
            ).exclude(code="")
        }
        new = [
            IndicatorDefinition(organisation=self.organisation, code=code[:30], title=title or code)
            for key, (code, title) in self.wanted.items()
            if key not in found
        ]
        bulk_create_with_history(new, IndicatorDefinition, default_user=self.user)
        self.report.created["indicator definitions"] += len(new)
        found |= {
            code_key(d.code): d
            for d in IndicatorDefinition.objects.filter(
                organisation=self.organisation, code__in=[d.code for d in new]
            )
        }
        made = [
            Indicator(
                organisation=self.organisation,
                definition=found[key],
                plan=self.plan,
                flags=["imported"],
            )
            for key in self.wanted
        ]
        bulk_create_with_history(made, Indicator, default_user=self.user)
        self.report.created["indicators"] += len(made)
        saved = Indicator.objects.filter(organisation=self.organisation).select_related(
            "definition"
        )
        for indicator in saved.filter(definition__in=[i.definition for i in made]):
            self.indicators[code_key(indicator.definition.code)] = indicator
        self.wanted.clear()

    def add(self, layout: Layout, where: str, cells: list[str]) -> None:
        indicator = self._indicator(layout, cells, where)
        if indicator is None:
            return
        if layout.periods:
            for index, period in layout.periods:
                raw = cells[index] if index < len(cells) else ""
                try:
                    self._value(indicator, where, period, raw, {})
                except RowError as error:
                    self.report.error(f"{where}, column {layout.sheet.header[index]}", str(error))
        else:
            text = layout.cell(cells, "period")
            found = layout.period(text)
            if found is None:
                raise RowError(f"“{text}” is not a period such as Q1 2008/09, Jun-08 or 2008/09")
            more = {n: layout.cell(cells, n) for n in ("numerator", "denominator", "target")}
            more |= {n: layout.cell(cells, n) for n in ("note", "entered_by", "status")}
            self._value(indicator, where, found, layout.cell(cells, "value"), more)

    def _value(
        self, indicator: Indicator, where: str, period: Period, raw: str, more: dict[str, str]
    ) -> None:
        definition = indicator.definition
        key = (indicator.pk, period.start, period.end)
        target = more.get("target", "")
        if target:
            self._target(indicator, period, target)
        numerator, denominator = (
            number(more.get("numerator", "")),
            number(more.get("denominator", "")),
        )
        text_value = ""
        try:
            value = number(raw)
        except RowError:
            if definition.data_type not in data_type_text_kinds():
                raise
            value, text_value = None, raw[:200]
        if value is None and numerator is not None:
            if not denominator:
                raise RowError("a numerator needs a denominator greater than zero")
            value = ratio(numerator, denominator, definition)
        if value is None and not text_value:
            if not target:
                self.report.skipped += 1
            return
        problem = data_type_problem(definition, value, text_value)
        if problem:
            self.report.bad_value(where, f"{definition.code} {period.label}: {problem}")
        if key in self.values:
            self.report.warn(
                f"{where}: a second value for {definition.code} in {period.label}; "
                "the later one is kept"
            )
        status_word = more.get("status", "")
        if status_word:
            self.source_status[key] = status_word
        entered_by = (
            self.people.user(more.get("entered_by", "")) if more.get("entered_by") else None
        )
        note = more.get("note", "")
        if more.get("entered_by") and entered_by is None:
            note = f"{note}\n(Entered by {more['entered_by']} in the previous system.)".strip()
        self.values[key] = NewValue(
            organisation_id=self.organisation.pk,
            indicator_id=indicator.pk,
            definition_id=self._version(indicator, period).pk,
            period_label=period.label,
            period_start=period.start,
            period_end=period.end,
            period_kind=period.kind,
            value=value,
            value_text=text_value,
            numerator=numerator,
            denominator=denominator,
            note=note,
            entered_by_id=entered_by.pk if entered_by else self.user.pk if self.user else None,
            status="no_data",
            direction="not_comparable",
            direction_year="not_comparable",
            explanation={},
        )
        self.report.covers(period.label, period.start, period.end)

    def _target(self, indicator: Indicator, period: Period, text: str) -> None:
        try:
            value, words = number(text), ""
        except RowError:
            value, words = None, text[:300]
        if value is None and not words:
            return
        self.targets[(indicator.pk, period.start, period.end)] = Target(
            organisation_id=self.organisation.pk,
            indicator_id=indicator.pk,
            period_label=period.label,
            period_start=period.start,
            period_end=period.end,
            value=value,
            text=words,
        )

    def _version(self, indicator: Indicator, period: Period) -> IndicatorDefinition:
        """The definition in force for the period: most have only one version."""
        definition = indicator.definition
        if definition.version == 1:
            return definition
        if indicator.pk not in self.versions:
            self.versions[indicator.pk] = definition_versions(definition)
        return version_for(self.versions[indicator.pk], period.start)

    def _write(self, ids: list[int], keys: list[Key]) -> None:
        """Count, evaluate and upsert the values of a chunk of indicators."""
        new = {key: self.values[key] for key in keys}
        stored: dict[Key, Any] = {
            (i, s, e): v
            for i, s, e, v in Measurement.objects.filter(indicator_id__in=ids).values_list(
                "indicator_id", "period_start", "period_end", "value"
            )
        }
        for key, row in new.items():
            if key not in stored:
                self.report.created["indicator values"] += 1
            elif stored[key] == row.value:
                self.report.unchanged["indicator values"] += 1
            else:
                self.report.changed["indicator values"] += 1
        used = {row.definition_id for row in new.values()}
        versions = {d.pk: d for d in IndicatorDefinition.objects.filter(pk__in=used)}
        rows = evaluate_batch(dict(new.items()), versions)
        for start in range(0, len(rows), BATCH):
            upsert_measurements(rows[start : start + BATCH])
        reconcile(self.report, ids, new, set(stored), self.source_status, self.vocabulary)

    def _flush_targets(self) -> None:
        if not self.targets:
            return
        ids = {key[0] for key in self.targets}
        stored = set(
            Target.objects.filter(indicator_id__in=ids, name=Target.Name.LOCAL).values_list(
                "indicator_id", "period_start", "period_end"
            )
        )
        for key in self.targets:
            self.report.changed["targets"] += key in stored
            self.report.created["targets"] += key not in stored
        # As many as values, so no audit trail; the move-in says who imported them.
        rows = list(self.targets.values())
        for start in range(0, len(rows), BATCH):
            upsert_targets(rows[start : start + BATCH])

    def finish(self) -> None:
        self._flush_targets()  # first: targets colour the values
        grouped: dict[int, list[Key]] = defaultdict(list)
        for key in self.values:
            grouped[key[0]].append(key)
        ids = sorted(grouped)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            self._write(chunk, [key for i in chunk for key in grouped[i]])
        for indicator in Indicator.objects.filter(
            pk__in={key[0] for key in self.targets} - grouped.keys()
        ):
            indicator_recompute(indicator=indicator)  # new targets recolour stored values
        for created in self.people.created:  # "person Jo Bloggs", "post Head of Revenues"
            self.report.created[f"{created.split()[0]}s"] += 1


def data_type_text_kinds() -> set[str]:
    kinds = IndicatorDefinition.DataType
    return {kinds.YES_NO, kinds.LEVEL, kinds.DATE, kinds.MILESTONE}
