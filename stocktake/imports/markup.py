"""Cell text from inline HTML or plain text: lines, italic fragments, bullets and numbered steps.

Council papers put whole lists inside one table cell ("<ul><li>…</li></ul>", "• a • b",
"1. Recruit … 2. Map …" with no markup at all). Each item becomes its own line so that later
stages can treat the lines as bullets or milestones.
"""

from __future__ import annotations

import html
import itertools
import re

from lxml import etree
from lxml import html as lxml_html

from stocktake.imports.model import Cell

_BLOCK_TAGS = frozenset((
    "p", "div", "li", "ul", "ol", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "dt", "dd", "blockquote", "section",
))  # fmt: skip
_ITALIC_TAGS = frozenset({"i", "em"})
_BOLD_TAGS = frozenset({"b", "strong"})
_BULLETS = "•❑▪◦●○■□➢►\uf0b7\uf0a7\uf076"
_INLINE_BULLET = re.compile(rf"\s*[{_BULLETS}]\s*")
_LEADING_MARK = re.compile(rf"^(?:[{_BULLETS}]|[-*–](?=\s))\s*")
_STEP = re.compile(r"(?<![\w.,/£$%-])(\d{1,2})[.)]\s+(?=\S)")
_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def split_steps(line: str) -> list[str]:
    """Split "1. Do this 2. Do that" into its steps; anything else is returned whole.

    Only a run counting up from 1 is taken as steps, so a stray "2." inside a sentence stays.
    """
    matches = list(_STEP.finditer(line))
    chain: list[re.Match[str]] = []
    for m in matches:
        if int(m[1]) == len(chain) + 1:
            chain.append(m)
        elif not chain:
            continue
    if len(chain) < 2:
        return [line]
    parts = [line[: chain[0].start()]]
    parts += [line[m.start() : nxt.start()] for m, nxt in itertools.pairwise(chain)]
    parts.append(line[chain[-1].start() :])
    return [p for p in (tidy(p) for p in parts) if p]


def _mark_of(found: str) -> str:
    """The marker a line is shown with: any bullet glyph as "•" (symbol fonts' private
    characters draw nothing elsewhere), a dash or star as "-"."""
    return "•" if found.strip()[:1] in _BULLETS else "-"


def _finish(raw_lines: list[str], raw_marks: list[str] | None = None) -> Cell:
    """Bare lines, one per list item or step, each with the marker it had."""
    cell = Cell()
    for n, raw in enumerate(raw_lines):
        mark = raw_marks[n] if raw_marks and n < len(raw_marks) else ""
        for i, piece in enumerate(_INLINE_BULLET.split(raw)):
            piece = tidy(piece)
            if i > 0:
                mark = mark or "•"  # the piece followed a bullet written inline
            if lead := _LEADING_MARK.match(piece):
                mark, piece = mark or _mark_of(lead[0]), piece[lead.end() :]
            if not piece:
                continue
            steps = split_steps(piece)
            cell.lines.extend(steps)
            # Steps carry their own numbers; only the first line of a list item is marked.
            cell.marks.extend([mark] + [""] * (len(steps) - 1))
            mark = ""
    return cell


def cell_from_plain(text: str) -> Cell:
    return _finish(html.unescape(text).split("\n"))


class _Walker:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.marks: list[str] = []
        self.mark = ""
        # Items counted so far in each open list; None for a bulleted one.
        self.lists: list[int | None] = []
        self.buf: list[str] = []
        self.italics: list[str] = []
        self.plain_chars = 0
        self.bold_chars = 0

    def flush(self) -> None:
        if self.buf:
            self.lines.append("".join(self.buf))
            self.marks.append(self.mark if "".join(self.buf).strip() else "")
            self.mark = "" if "".join(self.buf).strip() else self.mark
            self.buf = []

    def add(self, text: str | None, italic: bool, bold: bool, sup: bool = False) -> None:
        if not text:
            return
        if sup and self.buf:
            self.buf[-1] = self.buf[-1].rstrip()
        self.buf.append(text)
        visible = len(text.strip())
        self.plain_chars += visible
        if bold:
            self.bold_chars += visible

    def walk(self, el: etree._Element, italic: bool, bold: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in ("script", "style"):
            self.add(el.tail, italic, bold)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        if tag in ("ul", "ol"):
            self.lists.append(0 if tag == "ol" else None)
        elif tag == "li":
            self.mark = self._next_mark()
        inner_italic = italic or tag in _ITALIC_TAGS
        inner_bold = bold or tag in _BOLD_TAGS
        start = len(self.lines), len(self.buf)
        self.add(el.text, inner_italic, inner_bold, sup=tag == "sup")
        for child in el:
            self.walk(child, inner_italic, inner_bold)
        if tag in _ITALIC_TAGS and not italic:
            self.italics.append(tidy(self._since(start)))
        if block:
            self.flush()
        if tag in ("ul", "ol"):
            self.lists.pop()
        self.add(el.tail, italic, bold)

    def _next_mark(self) -> str:
        if not self.lists or self.lists[-1] is None:
            return "•"
        self.lists[-1] += 1
        return f"{self.lists[-1]}."

    def _since(self, start: tuple[int, int]) -> str:
        n_lines, n_buf = start
        if len(self.lines) == n_lines:
            return "".join(self.buf[n_buf:])
        done = self.lines[n_lines:]
        done[0] = done[0][len("".join(self.buf[:n_buf])) :] if n_buf else done[0]
        return " ".join([*done, "".join(self.buf)])


def cell_from_html(text: str) -> Cell:
    """Parse a cell that may hold inline HTML; plain text takes a fast path."""
    if "<" not in text:
        return cell_from_plain(text)
    try:
        root = lxml_html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return cell_from_plain(re.sub(r"<[^>]*>", " ", text))
    walker = _Walker()
    walker.walk(root, False, False)
    walker.flush()
    italics = [t for t in (tidy(i) for i in walker.italics) if t]
    bold = walker.plain_chars > 0 and walker.bold_chars == walker.plain_chars
    cell = _finish(walker.lines, walker.marks)
    cell.italics, cell.bold = italics, bold
    return cell
