"""What each column of a dataset holds, from its header: long, wide or definitions only.

Long files have one value per row (a period column and a value column); wide files put
periods across as column headers ("2015/16", "Q1 2009/10"); a file with neither only
defines indicators. Headers are matched loosely, as publishers spell them differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from stocktake.core.fuzzydates import parse_period
from stocktake.core.periods import Period

from .dataset_read import DatasetUnreadable

_ROLES: dict[str, tuple[str, ...]] = {
    "code": (
        "code", "indicator code", "measure code", "pi", "pi code", "indicator", "measure",
        "indicator id", "measure id", "ref",
    ),
    "title": (
        "title", "indicator title", "measure title", "indicator name", "measure name", "name",
    ),
    "definition": ("definition", "description"),
    "gss": (
        "gss", "gss code", "ons code", "area code", "la code", "lad code", "organisation code",
        "organization code", "authority code",
    ),
    "organisation": (
        "organisation", "organization", "organisation name", "organization name", "authority",
        "local authority", "authority name", "council", "area", "area name", "la name",
    ),
    "period": ("period", "year", "financial year", "quarter", "month", "time period"),
    "value": ("value", "actual", "result", "figure", "outturn"),
    "numerator": ("numerator",),
    "denominator": ("denominator",),
    "target": ("target",),
    "note": ("note", "notes", "comment", "comments"),
    "unit": ("unit", "units"),
    "polarity": ("polarity", "better", "good performance", "direction"),
    "data_type": ("data type", "type"),
    "frequency": ("frequency",),
    "decimal_places": ("decimal places", "places", "dp"),
    "family": ("family", "source"),
}  # fmt: skip
_BY_WORDS = {words: role for role, spellings in _ROLES.items() for words in spellings}
# A role's second column goes here instead: "indicator" after "code" is the indicator's title.
_SECOND = {"code": "title"}
_GSS = re.compile(r"^[EJKLMNSW]\d{8}$")


def normalise(header: str) -> str:
    return " ".join(re.sub(r"[_\-.:()]+", " ", header.lower()).split())


def is_gss(text: str) -> bool:
    return bool(_GSS.match(text.strip().upper()))


@lru_cache(maxsize=4096)
def period_of(text: str) -> Period | None:
    """Periods repeat on every row, so parsing each distinct one once matters for speed."""
    return parse_period(text) if text and any(c.isdigit() for c in text) else None


@dataclass
class Columns:
    roles: dict[str, int] = field(default_factory=dict)  # role → column index
    periods: list[tuple[int, Period]] = field(default_factory=list)  # wide: period columns
    ignored: list[str] = field(default_factory=list)

    @property
    def shape(self) -> str:
        if self.periods:
            return "wide"
        return "long" if "period" in self.roles else "definitions"

    @property
    def has_organisation(self) -> bool:
        return "organisation" in self.roles or "gss" in self.roles

    def cell(self, cells: list[str], role: str) -> str:
        index = self.roles.get(role)
        return cells[index] if index is not None and index < len(cells) else ""


def read_columns(header: list[str]) -> Columns:
    columns = Columns()
    for index, raw in enumerate(header):
        words = normalise(raw)
        role = _BY_WORDS.get(words)
        if role in columns.roles:
            role = _SECOND.get(role)
        if role is not None and role not in columns.roles:
            columns.roles[role] = index
            continue
        period = period_of(raw.strip())
        if period is not None and role is None:
            columns.periods.append((index, period))
        elif raw.strip():
            columns.ignored.append(raw.strip())
    if "code" not in columns.roles and "title" not in columns.roles:
        raise DatasetUnreadable("no column names the indicator (code, measure or title)")
    if columns.periods and "period" in columns.roles:
        raise DatasetUnreadable("the file has a period column and periods across: choose one")
    if "period" in columns.roles and not {"value", "numerator"} & set(columns.roles):
        raise DatasetUnreadable("the file has a period column but no value column")
    return columns
