"""What a document says about itself: title, organisation, key/value header blocks and the
date it reports at."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from stocktake.core.fuzzydates import Precision, parse_fuzzy_date
from stocktake.imports.model import Block, Text
from stocktake.imports.narrative import as_at_in, council_name, kv_target


@dataclass
class Meta:
    title: str | None = None
    organisation: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    as_at: str | None = None
    as_at_source: str | None = None


def _lines(blocks: list[Block]) -> list[tuple[str, str, bool]]:
    """(kind, text, before the first table) for every line of text, including the key/value
    pairs and single cells that papers put in tables."""
    lines: list[tuple[str, str, bool]] = []
    before = True
    for block in blocks:
        if isinstance(block, Text):
            lines.append((block.kind, block.text, before))
            continue
        for row in block.rows:
            cells = [c.flat.strip() for c in row]
            filled = [c for c in cells if c]
            if len(filled) == 1:
                lines.append(("paragraph", filled[0], before))
            elif filled and filled[0].endswith(":"):
                lines.extend(
                    ("paragraph", f"{k} {v}", before)
                    for k, v in zip(cells[::2], cells[1::2], strict=False)
                    if k
                )
        before = False
    return lines


def read_metadata(blocks: list[Block]) -> Meta:
    meta = Meta()
    pending: str | None = None
    headings_before: list[str] = []
    texts_before: list[str] = []
    for kind, text, before in _lines(blocks):
        if before:
            texts_before.append(text)
        if kind == "heading":
            pending = None
            if before:
                headings_before.append(text)
            continue
        target = kv_target(text)
        if target:
            scope, key, value = target
            pending = key if scope == "document" and not value else None
            if scope == "document" and value and key not in meta.metadata:
                meta.metadata[key] = value
        elif pending and before:
            meta.metadata[pending] = f"{meta.metadata.get(pending, '')} {text}".strip()
    team = meta.metadata.get("project_team")
    if isinstance(team, str):
        meta.metadata["project_team"] = [t.strip() for t in re.split(r"\s*,\s*", team) if t.strip()]
    for key in ("meeting_date", "date"):
        written = meta.metadata.get(key)
        if isinstance(written, str):
            fd = parse_fuzzy_date(written)
            if fd.end and fd.precision is not Precision.RANGE:
                meta.metadata[f"{key}_iso"] = fd.end.isoformat()
    _title(meta, headings_before)
    _organisation(meta, headings_before, texts_before)
    _as_at(meta, headings_before)
    return meta


def _title(meta: Meta, headings: list[str]) -> None:
    if isinstance(meta.metadata.get("title"), str):
        meta.title = meta.metadata["title"]
        return
    for heading in headings:
        if council_name(heading) and len(heading.split()) <= 6:
            continue
        if parse_fuzzy_date(heading).precision is not Precision.NONE and len(heading) < 25:
            continue
        meta.title = heading
        return
    project = meta.metadata.get("project_title")
    meta.title = project if isinstance(project, str) else None


def _organisation(meta: Meta, headings: list[str], texts: list[str]) -> None:
    values = [v for v in meta.metadata.values() if isinstance(v, str)]
    for source in (headings, values, texts):
        for text in source:
            if name := council_name(text):
                meta.organisation = name
                return


def _as_at(meta: Meta, headings: list[str]) -> None:
    for text in ([meta.title] if meta.title else []) + headings:
        if found := as_at_in(text):
            meta.as_at, meta.as_at_source = found[0], f"'{found[1]}' in the title"
            return
    for key in ("meeting_date", "date"):
        iso = meta.metadata.get(f"{key}_iso")
        if isinstance(iso, str):
            meta.as_at = iso
            meta.as_at_source = f"the document's {key.replace('_', ' ')} '{meta.metadata[key]}'"
            return
