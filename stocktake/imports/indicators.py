"""Indicator details written into titles and target cells: codes, baselines, area notes and
the financial years of target columns."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date, parse_period

_CODE = re.compile(r"^(?P<prefix>[A-Z]{1,5})\s?(?P<num>\d{1,4}[a-z]?)\s*(?:[-–—:]\s*|\s+(?=%))")
_BASELINES = [
    re.compile(r"\((?P<period>[^()=]{2,40}?)\s*=\s*(?P<value>[^()]+?)\)"),
    re.compile(r"\((?P<value>\d[\d.,]*\s*%?)\s+in\s+(?P<period>[\d/]{4,9})\)"),
    re.compile(
        r"\b(?:below|above|from|under|over)\s+(?:the\s+)?(?P<period>\d{4}\s*/\s*\d{1,4}|\d{4})"
        r"\s+(?:level|figure|outturn|baseline)\s+of\s+(?P<value>[\d,.]+\s*%?)"
    ),
]
_AREA = re.compile(
    r"(county[- ]?wide(?: figure)?|county figure|countywide|\d+ district councils[^)]*"
    r"|sub-?regional|region(al)?[- ]wide|partnership[- ]wide|district[- ]wide)",
    re.I,
)


def split_code(text: str) -> tuple[str | None, str]:
    """("NI 14", "Avoidable contact…") from "NI 14 – Avoidable contact…"; the prefix is kept
    as written for now and spaced by `normalise_codes` once the whole document is read."""
    m = _CODE.match(text)
    if not m:
        return None, text
    return f"{m['prefix']}{' ' if text[len(m['prefix'])] == ' ' else ''}{m['num']}", text[m.end() :]


def normalise_codes(codes: Iterable[str]) -> dict[str, str]:
    """Write each code family the way the document mostly does ("NI1" → "NI 1" when "NI 14"
    is the usual form there; "SX52" stays when SX codes are never spaced)."""
    spaced: Counter[str] = Counter()
    total: Counter[str] = Counter()
    parts: dict[str, tuple[str, str]] = {}
    for code in codes:
        m = re.match(r"^([A-Z]+)(\s?)(.*)$", code)
        if not m:
            continue
        parts[code] = (m[1], m[3])
        total[m[1]] += 1
        spaced[m[1]] += bool(m[2])
    return {
        code: f"{prefix} {num}" if spaced[prefix] * 2 >= total[prefix] else f"{prefix}{num}"
        for code, (prefix, num) in parts.items()
    }


def period_label(text: str) -> str:
    period = parse_period(text)
    return period.label if period else text.strip()


def baselines(text: str) -> list[dict[str, str]]:
    found: list[tuple[int, dict[str, str]]] = []
    for pattern in _BASELINES:
        for m in pattern.finditer(text):
            period_text = m["period"].strip()
            fd = parse_fuzzy_date(period_text)
            if fd.precision is Precision.NONE:
                continue
            entry = {"period": period_label(period_text), "value": m["value"].strip()}
            if fd.precision is Precision.DAY and fd.start:
                entry["period"] = period_text
                entry["date"] = fd.start.isoformat()
            rest = period_text.replace(m["period"].strip().split()[0], "", 1).strip()
            if rest:
                entry["source"] = rest
                entry["period"] = period_label(period_text.split()[0])
            entry["text"] = m[0]
            found.append((m.start(), entry))
    return [entry for _, entry in sorted(found, key=lambda f: f[0])]


def strip_baselines(text: str) -> str:
    for pattern in _BASELINES[:2]:
        text = pattern.sub("", text)
    return " ".join(text.split())


def area_note(*texts: str) -> str | None:
    for text in texts:
        m = _AREA.search(text or "")
        if m:
            return m[0].strip()
    return None


def periods_for(labels: list[str]) -> tuple[list[str], list[str]]:
    """Financial years for target columns, read by position where a heading is misprinted."""
    warnings: list[str] = []
    parsed = [parse_period(label) if label.strip() else None for label in labels]
    years = [p.start.year if p is not None and p.kind == "financial_year" else None for p in parsed]
    known = [(i, y) for i, y in enumerate(years) if y is not None]
    if not known:
        return [label.strip() for label in labels], warnings
    first_i, first_y = known[0]
    result = []
    for i, label in enumerate(labels):
        expected = first_y + (i - first_i)
        if years[i] != expected:
            fixed = f"{expected}/{(expected + 1) % 100:02d}"
            shown = label.strip() or "(blank)"
            warnings.append(f"target column '{shown}' read by position as {fixed}")
            result.append(fixed)
        else:
            result.append(f"{expected}/{(expected + 1) % 100:02d}")
    return result, warnings
