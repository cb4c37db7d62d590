"""Whole-document passes once every item is read: owners against the names found anywhere,
indicator codes in the document's own style, cross-references, duplicates and defaults."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from stocktake.imports.indicators import normalise_codes, strip_baselines
from stocktake.imports.metadata import Meta
from stocktake.imports.narrative import not_prioritised_note
from stocktake.imports.notes import cross_reference
from stocktake.imports.people import known_people, name_variants, split_owners

_DEFAULTS: dict[str, Any] = {
    "ref": None,
    "text": "",
    "section": None,
    "owner": None,
    "owners": [],
    "due": None,
    "due_date": None,
    "due_start": None,
    "due_precision": "none",
    "status": None,
    "status_code": None,
    "updates": [],
    "targets": [],
    "baseline": None,
    "flags": [],
    "fields": {},
}


# How to supply the date differs between the command line and the web page; each says it its way.
ASK_AS_AT = "give the date its current positions describe"


def finish(preview: dict[str, Any], *, meta: Meta, as_at_given: str | None) -> None:
    items: list[dict[str, Any]] = preview["items"]
    warnings: list[str] = preview["warnings"]
    _owners(items, meta, warnings, preview)
    _codes(items)
    _priorities(items, preview)
    _cross_references(items)
    _duplicates(items, warnings)
    _as_at(preview, meta, as_at_given, warnings)
    for n, item in enumerate(items):
        for key in ("_schema", "_table", "from_objective"):
            item.pop(key, None)
        item["flags"] = list(dict.fromkeys(item.get("flags", [])))
        # The contract's keys first, in its order, so the JSON reads like the documentation.
        ordered: dict[str, Any] = {"kind": item["kind"]}
        for key, value in _DEFAULTS.items():
            ordered[key] = item.get(key, type(value)() if isinstance(value, list | dict) else value)
        ordered.update((k, v) for k, v in item.items() if k not in ordered)
        items[n] = ordered


def _owners(
    items: list[dict[str, Any]], meta: Meta, warnings: list[str], preview: dict[str, Any]
) -> None:
    cells = [i.get("owner") or "" for i in items]
    team = meta.metadata.get("project_team")
    cells += team if isinstance(team, list) else []
    known = known_people(cells)
    everyone: list[str] = []
    for item in items:
        found = split_owners(item.get("owner"), known)
        item["owners"] = found.owners
        if found.associates:
            item["associates"] = found.associates
        if found.notes:
            item["owner_notes"] = found.notes
        warnings.extend(
            f"{w} (item {item.get('ref') or item['text'][:40]!r})" for w in found.warnings
        )
        everyone += found.owners + found.associates
        if not found.owners:
            item["flags"].append("unassigned")
    groups = name_variants(everyone)
    preview["owner_variants"] = groups
    for group in groups:
        warnings.append(
            f"owner names {', '.join(repr(n) for n in group)} look like one person; proposed merge"
        )


def _codes(items: list[dict[str, Any]]) -> None:
    codes = normalise_codes(i["code"] for i in items if i.get("code"))
    for item in items:
        if item.get("code"):
            item["code"] = codes.get(item["code"], item["code"])
            item["title"] = strip_baselines(item.pop("title_without_code", item["text"]))
        elif item.get("kind") == "indicator":
            item["title"] = strip_baselines(item.pop("title_without_code", item["text"]))


def _priorities(items: list[dict[str, Any]], preview: dict[str, Any]) -> None:
    texts = [n["text"] for n in preview["narrative"]]
    note = not_prioritised_note(texts)
    for item in items:
        schema = item.get("_schema")
        if note and schema is not None and schema.columns("priority") and not item.get("priority"):
            item["priority"] = "not prioritised"
            item["priority_note"] = note
            item["flags"].append("not_prioritised")


def _cross_references(items: list[dict[str, Any]]) -> None:
    previous: dict[str, Any] | None = None
    for item in items:
        refs = []
        cells = [("text", item.get("text") or "")]
        cells += [(h, v) for h, v in item.get("fields", {}).items() if v]
        for column, text in cells:
            found = cross_reference(text)
            if found is None:
                continue
            target, above = found
            entry: dict[str, Any] = {"column": column, "text": text[:80], "target": target}
            if above and previous is not None:
                entry["target"] = previous.get("ref")
                entry["target_text"] = previous.get("text", "")[:80]
            refs.append(entry)
        if refs:
            item["cross_references"] = refs
            item["flags"].append("cross_reference")
        if item.get("_schema") is not None:
            previous = item


def _duplicates(items: list[dict[str, Any]], warnings: list[str]) -> None:
    seen: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        if item.get("ref"):
            seen[(item["kind"], item["ref"])].append(item)
    for (_, ref), group in seen.items():
        if len(group) < 2:
            continue
        sections = list(dict.fromkeys(i.get("section") or "the document" for i in group))
        warnings.append(f"duplicate ref {ref} in {' and '.join(sections)} (kept both)")
        for item in group:
            item["flags"].append("duplicate_ref")


def _as_at(
    preview: dict[str, Any], meta: Meta, as_at_given: str | None, warnings: list[str]
) -> None:
    if as_at_given and meta.as_at and meta.as_at != as_at_given:
        warnings.append(
            f"as_at {as_at_given} given, but the document states {meta.as_at} "
            f"({meta.as_at_source}); using the date given"
        )
    elif not as_at_given and meta.as_at:
        warnings.append(f"as_at {meta.as_at} taken from {meta.as_at_source}")
    elif not preview["as_at"]:
        undated = sum(1 for i in preview["items"] for u in i.get("updates", []) if not u["as_at"])
        warnings.append(
            "no as-at date found in the document"
            + (f" ({undated} updates have no date of their own)" if undated else "")
            + f"; {ASK_AS_AT}"
        )
