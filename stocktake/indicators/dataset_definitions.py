"""Find or create the definition a dataset row names, and the organisation it is for.

A dataset with an organisation column is shared data (national indicators, benchmarking),
so its definitions are national; a file for one council defines that council's own. An
existing definition is never changed by a file: a changed definition is a new version,
which a person starts on purpose.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q

from stocktake.accounts.models import Organisation
from stocktake.core.periods import Period
from stocktake.core.recording import Actor

from . import selectors, services
from .dataset_columns import Columns, is_gss
from .models import IndicatorDefinition

Defs = IndicatorDefinition
_FREQUENCY = {"mont": "monthly", "quar": "quarterly", "annu": "annual", "year": "annual"}
_FREQUENCY |= {"bien": "biennial", "surv": "survey", "irre": "survey"}
_FROM_PERIOD = {"month": "monthly", "quarter": "quarterly"}
_POLARITY = {"high": "higher", "up": "higher", "+": "higher", "low": "lower", "down": "lower"}
_POLARITY |= {
    "-": "lower",
    "band": "band",
    "with": "band",
    "data": "data_only",
    "none": "data_only",
}


class RowError(ValueError):
    """One row's problem, said plainly; the importer adds where it is."""


def _choice(text: str, choices: Any, aliases: dict[str, str], what: str) -> str | None:
    words = text.strip().lower()
    if not words:
        return None
    for value, label in choices:
        if words in (value, str(label).lower()):
            return str(value)
    for start, value in aliases.items():
        if words.startswith(start):
            return value
    raise RowError(f"{what} “{text}” is not one this knows")


def definition_fields(cells: list[str], columns: Columns, period: Period | None) -> dict[str, Any]:
    """The definition's fields the row gives, with the data's own hints where it is silent."""
    cell = columns.cell
    unit = cell(cells, "unit")
    fields: dict[str, Any] = {"definition": cell(cells, "definition"), "unit": unit[:40]}
    data_type = _choice(
        cell(cells, "data_type"), Defs.DataType.choices, {"%": "percentage"}, "Type"
    )
    if data_type is None and (unit == "%" or cell(cells, "value").endswith("%")):
        data_type = Defs.DataType.PERCENTAGE
    if data_type is not None:
        fields["data_type"] = data_type
    if data_type == Defs.DataType.PERCENTAGE:
        fields |= {"unit": "" if unit == "%" else fields["unit"], "decimal_places": 1}
        fields["combine"] = Defs.Combine.AVERAGE
    polarity = _choice(cell(cells, "polarity"), Defs.Polarity.choices, _POLARITY, "Polarity")
    frequency = _choice(cell(cells, "frequency"), Defs.Frequency.choices, _FREQUENCY, "Frequency")
    if frequency is None and period is not None:
        frequency = _FROM_PERIOD.get(period.kind, Defs.Frequency.ANNUAL)
    family = _choice(cell(cells, "family"), Defs.Family.choices, {"nation": "national"}, "Family")
    places = cell(cells, "decimal_places")
    if places:
        if not places.isdigit() or int(places) > 6:
            raise RowError(f"Decimal places “{places}” should be a whole number from 0 to 6")
        fields["decimal_places"] = int(places)
    extra = {"polarity": polarity, "frequency": frequency, "family": family}
    return fields | {k: v for k, v in extra.items() if v is not None}


class Definitions:
    """Definitions by code for one import, each looked up or created once."""

    def __init__(self, *, owner: Organisation | None, shared: bool, by: Actor) -> None:
        self.owner = owner
        self.shared = shared
        self.by = by
        self.found: dict[str, tuple[IndicatorDefinition, list[IndicatorDefinition]]] = {}
        self.created = 0

    def key(self, cells: list[str], columns: Columns) -> str:
        return " ".join((columns.cell(cells, "code") or columns.cell(cells, "title")).split())

    def get(
        self, cells: list[str], columns: Columns, period: Period | None
    ) -> tuple[IndicatorDefinition, list[IndicatorDefinition]]:
        key = self.key(cells, columns)
        if not key:
            raise RowError("the indicator code is empty")
        if key not in self.found:
            self.found[key] = self._find_or_create(key, cells, columns, period)
        return self.found[key]

    def _find_or_create(
        self, key: str, cells: list[str], columns: Columns, period: Period | None
    ) -> tuple[IndicatorDefinition, list[IndicatorDefinition]]:
        code = columns.cell(cells, "code")
        mine = Q(organisation__isnull=True)
        if self.owner is not None:
            mine |= Q(organisation=self.owner)
        match = Q(code__iexact=code) if code else Q(code="", title=key)
        # National first: a council's copy of "NI 14" should not hide the shared one.
        # (PostgreSQL sorts nulls last unless told, SQLite first.)
        first = F("organisation_id").asc(nulls_first=True)
        existing = Defs.objects.filter(mine & match).order_by(first, "-version").first()
        if existing is not None:
            return existing, selectors.definition_versions(existing)
        fields = definition_fields(cells, columns, period)
        organisation = None if self.shared or self.owner is None else self.owner
        if organisation is None:
            fields.setdefault("family", Defs.Family.NATIONAL)
        title = columns.cell(cells, "title") or key
        made = services.definition_create(
            organisation=organisation, code=code[:30], title=title[:300], by=self.by, **fields
        )
        self.created += 1
        return made, [made]

    def versions_by_pk(self) -> dict[int, IndicatorDefinition]:
        return {v.pk: v for _, versions in self.found.values() for v in versions}


class Organisations:
    """Organisations matched by GSS code or name (case apart); unknown ones become peers."""

    def __init__(self) -> None:
        self.by_name: dict[str, int] = {}
        self.by_gss: dict[str, int] = {}
        self.peers: set[int] = set()
        for pk, name, gss, kind in Organisation.objects.values_list(
            "pk", "name", "gss_code", "kind"
        ):
            self.by_name[name.casefold()] = pk
            if kind == Organisation.Kind.PEER:
                self.peers.add(pk)
            if gss:
                self.by_gss[gss.upper()] = pk
        self.created = 0

    def get(self, name: str, gss: str) -> int:
        name, gss = " ".join(name.split()), gss.strip().upper()
        if not gss and is_gss(name):
            name, gss = "", name.upper()
        if not name and not gss:
            raise RowError("the organisation is empty")
        found = (self.by_gss.get(gss) if gss else None) or self.by_name.get(name.casefold())
        if found is not None:
            return found
        if gss and not is_gss(gss):
            raise RowError(f"“{gss}” is not a GSS code (such as E07000077)")
        made = Organisation.objects.create(
            name=(name or gss)[:200], gss_code=gss, kind=Organisation.Kind.PEER
        )
        self.created += 1
        self.peers.add(made.pk)
        self.by_name[made.name.casefold()] = made.pk
        if gss:
            self.by_gss[gss] = made.pk
        return made.pk
