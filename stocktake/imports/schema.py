"""A recognised table header: its columns, their roles, and what kind of item a row is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stocktake.core.fuzzydates import parse_period
from stocktake.imports.indicators import periods_for
from stocktake.imports.model import Row
from stocktake.imports.roles import assign_roles, header_date, is_header


@dataclass
class Schema:
    headers: list[str]
    roles: list[str]
    kind: str
    update_dates: dict[int, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    signature: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return len(self.headers)

    def columns(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def export(self, rows: int) -> dict[str, object]:
        return {
            "header": self.headers,
            "roles": {h: r or "ignore" for h, r in zip(self.headers, self.roles, strict=True)},
            "rows": rows,
        }


def _texts(row: Row) -> list[str]:
    return [c.flat.strip() for c in row]


def signature(row: Row) -> tuple[str, ...]:
    return tuple(" ".join(t.lower().split()) for t in _texts(row))


def is_period_row(row: Row) -> bool:
    texts = [t for t in _texts(row) if t]
    return len(texts) >= 2 and all(
        re.fullmatch(r"(19|20)?\d\d\s*/\s*\d\d(\d\d)?", t) or parse_period(t) for t in texts
    )


def _kind(headers: list[str], roles: list[str]) -> str:
    text_headers = " ".join(h.lower() for h, r in zip(headers, roles, strict=True) if r == "text")
    if "target" in roles:
        return "indicator"
    if {"likelihood", "impact", "mitigation"} & set(roles) or "risk" in text_headers:
        return "risk"
    if "recommendation" in text_headers:
        return "recommendation"
    return "action"


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, header in enumerate(headers):
        name = header or f"Column {i + 1}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def build_schema(header: Row, periods: Row | None) -> Schema:
    headers = _texts(header)
    roles = assign_roles(headers)
    warnings: list[str] = []
    if periods is not None:
        labels = _texts(periods) + [""] * (len(headers) - len(periods))
        cols = [i for i, t in enumerate(labels[: len(headers)]) if t]
        fixed, warnings = periods_for([labels[i] for i in cols])
        for i, label in zip(cols, fixed, strict=True):
            headers[i] = label
            roles[i] = "target"
    else:
        # A target heading over one column with its years in that column is still a target.
        cols = [i for i, r in enumerate(roles) if r == "target"]
        if cols:
            fixed, warnings = periods_for([headers[i] for i in cols])
            for i, label in zip(cols, fixed, strict=True):
                headers[i] = label if parse_period(label) else headers[i]
    if "target" in roles and periods is not None:
        for i, role in enumerate(roles):
            if role == "target" and not re.search(r"\d", headers[i]):
                # The spanning heading above the years: its own column holds the first year.
                roles[i] = "ignore"
    headers = _unique(headers)
    update_dates = {}
    for i in (i for i, r in enumerate(roles) if r == "update"):
        found = header_date(headers[i])
        update_dates[i] = found[0] if found else None
    return Schema(headers, roles, _kind(headers, roles), update_dates, warnings, signature(header))


def header_row(row: Row) -> bool:
    return is_header(_texts(row))
