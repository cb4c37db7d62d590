"""Plain text as the seeds are written: tab-separated rows with inline HTML between
markdown-ish headings (`## …`, `**…**`), bullets and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from stocktake.imports.markup import cell_from_html, tidy
from stocktake.imports.model import Block, Document, Table, Text, guessed

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^(\s*)(?:[-*•❑▪◦●➢►\uf0b7](?:\s+|$))(.*)$")
_BOLD_MARK = re.compile(r"\*\*")
_KEY_PREFIX = re.compile(r"^([^:]{1,60}):\s+\S")
# A priority label over a list ("HIGH:", "Medium") introduces items; it is not a heading.
_LABEL = re.compile(r"^(high|medium|low|h|m|l)(\s+priority)?\s*:?$", re.IGNORECASE)
_TERMINAL = (".", ",", ";", ":", "-", "–", "!")


def looks_like_heading(line: str) -> bool:
    """A short line that does not read as a sentence, a list item or a "Key: value" pair."""
    if len(line) > 90 or len(line.split()) > 14 or not any(c.isalpha() for c in line):
        return False
    if line.endswith(_TERMINAL) or line[0].islower() or line.startswith("("):
        return False
    if _LABEL.match(line):
        return False
    kv = _KEY_PREFIX.match(line)
    if kv:
        return kv[1].isupper()
    # Headings are written in capitals or title case; a sentence that merely lacks its full
    # stop ("E) ii) working more closely with …") is not one.
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’/-]*", line) if len(w) > 3]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return not long_words or capitals * 10 >= len(long_words) * 6


def read_text(data: str) -> Document:
    return Document("text", blocks_from_lines(data.splitlines(), tabs=True))


def _decode_line(line: str) -> str:
    return tidy(_BOLD_MARK.sub("", line))


def blocks_from_lines(lines: Iterable[str], *, tabs: bool) -> list[Block]:
    blocks: list[Block] = []
    table: Table | None = None
    group = 0
    bold_run: list[str] | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if tabs and "\t" in line:
            if table is None:
                table = Table([])
                blocks.append(table)
            table.rows.append([cell_from_html(c) for c in line.split("\t")])
            continue
        if not line.strip():
            group += 1
            continue
        if bold_run is not None:
            bold_run.append(line.strip())
            if line.rstrip().endswith("**"):
                blocks.append(Text("heading", _decode_line(" ".join(bold_run)), 1, group))
                bold_run = None
            continue
        table = None
        stripped = line.strip()
        if stripped.startswith("**") and stripped.count("**") == 1:
            bold_run = [stripped]
            continue
        blocks.extend(text_blocks(line, group))
    if bold_run:
        blocks.append(Text("heading", _decode_line(" ".join(bold_run)), 1, group))
    return blocks


def text_blocks(line: str, group: int) -> list[Text]:
    stripped = line.strip()
    if m := _MD_HEADING.match(stripped):
        return [Text("heading", _decode_line(m[2]), len(m[1]), group)]
    if stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4:
        return [Text("heading", _decode_line(stripped), 1, group)]
    if "<" in stripped and ">" in stripped:
        lines = cell_from_html(stripped).lines
        return [
            Text("paragraph" if i == 0 else "bullet", text, 0, group)
            for i, text in enumerate(lines)
        ]
    if m := _BULLET.match(line):
        text = _decode_line(m[2])
        return [Text("bullet", text, 1 if m[1] else 0, group)] if text else []
    text = _decode_line(stripped)
    return [guessed(text, group, heading=looks_like_heading(text))]
