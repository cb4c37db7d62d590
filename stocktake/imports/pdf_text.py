"""Text from a PDF's characters: lines, the line breaks the writer typed, bold and italics.

A PDF keeps glyphs and positions, not paragraphs: the reader has to tell a line the layout
wrapped from a break the writer typed. The rules here are the ones a person reading the page
uses, so they hold whatever program made the PDF:

- a wider gap than the usual leading, or a change of font size or weight, starts a paragraph;
- a line opening with a bullet or a list number starts a new line;
- a line the layout wrapped was full: the next line's first word would not have fitted on it.
  When that word would have fitted, the writer broke the line there on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from stocktake.imports.markup import tidy

_ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
MARKER = re.compile(r"^\s*(?:[•❑▪◦●○■□➢►\uf0b7\uf0a7*-]\s|\(?\d{1,2}[.)]\s|\(?[a-z]\)\s)")
# A label opening a line ("Outputs:", "Risks:") after a finished sentence starts a new line
# even when its first word is too long to have fitted on the line before.
_LABEL = re.compile(r"^[A-Z][A-Za-z ]{0,40}:(?:\s|$)")
_STEP = re.compile(r"^\s*\(?(\d{1,2})[.)]\s")
_SENTENCE_END = re.compile(r"[.!?;]$")
# A word glued to a hyphen or slash at the end of a line was broken there by the layout, at a
# break opportunity inside the word ("non-" / "users", "and/" / "or"): rejoined without a space.
_GLUED_BREAK = re.compile(r"\w[-/]$")
# Extra space between lines, as a share of the font size, beyond which a new paragraph starts;
# ordinary leading is well under this, paragraph spacing and list margins well over.
PARAGRAPH_GAP = 0.4
# Horizontal gap, as a share of the font size, that stands for a space a PDF did not draw.
_WORD_GAP = 0.15
# Width of a space as a share of the font size, where a line shows none to measure.
_SPACE = 0.28
# A word "fits" only with this much to spare (a share of the font size): glyph boxes and the
# padding read from them are not exact, and layouts keep a little room at the edge; a line
# wrapped near the edge must not be read as a typed break.
_FIT_SLACK = 0.2


Glyph = tuple[str, bool]  # a character and whether it is set in italics


@dataclass
class Line:
    glyphs: list[Glyph]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_word: float
    space: float | None = None  # the width of a space in this line, where it has one
    # The first line on a page: its distance from the line before says nothing.
    new_page: bool = False

    @property
    def text(self) -> str:
        return "".join(g for g, _ in self.glyphs)


@dataclass
class Paragraph:
    """Lines separated from their neighbours by space or a change of font; each of `lines`
    is one line as the writer typed it (wrapped lines already joined)."""

    lines: list[list[Glyph]] = field(default_factory=list)
    bold: bool = False
    size: float = 0.0
    top: float = 0.0

    def texts(self) -> list[str]:
        return [t for t in (tidy("".join(g for g, _ in line)) for line in self.lines) if t]

    def italics(self) -> list[str]:
        """Each run of italic characters, as one fragment even where it wraps."""
        runs: list[str] = []
        run: list[str] = []
        for line in self.lines:
            for glyph, italic in [*line, ("\n", False)]:
                if italic or (run and glyph == " "):
                    run.append(glyph)
                elif run:
                    runs.append(tidy("".join(run)))
                    run = []
        return [r for r in runs if r]


def _line(chars: list[dict[str, Any]]) -> Line:
    chars = sorted(chars, key=lambda c: c["x0"])
    glyphs: list[Glyph] = []
    spaces: list[float] = []
    last: dict[str, Any] | None = None
    for char in chars:
        italic = bool(_ITALIC.search(char.get("fontname", "")))
        if char["text"].isspace():
            if glyphs and glyphs[-1][0] != " ":
                glyphs.append((" ", italic))
                spaces.append(char["x1"] - char["x0"])
            continue
        if last is not None and glyphs and glyphs[-1][0] != " ":
            gap = char["x0"] - last["x1"]
            if gap > _WORD_GAP * char["size"]:
                glyphs.append((" ", italic and bool(glyphs[-1][1])))
                spaces.append(gap)
        glyphs.append((char["text"], italic))
        last = char
    ink = [c for c in chars if not c["text"].isspace()]
    first = ink[0]
    word_end = first["x1"]
    for a, b in zip(chars[chars.index(first) :], chars[chars.index(first) + 1 :], strict=False):
        if b["text"].isspace() or b["x0"] - a["x1"] > _WORD_GAP * b["size"]:
            break
        word_end = b["x1"]
    sizes = sorted(c["size"] for c in ink)
    return Line(
        glyphs=glyphs,
        x0=first["x0"],
        x1=max(c["x1"] for c in ink),
        top=min(c["top"] for c in ink),
        bottom=max(c["bottom"] for c in ink),
        size=sizes[len(sizes) // 2],
        bold=all(_BOLD.search(c.get("fontname", "")) for c in ink),
        first_word=word_end - first["x0"],
        space=sorted(spaces)[len(spaces) // 2] if spaces else None,
    )


def lines_of(chars: Iterable[dict[str, Any]]) -> list[Line]:
    """Characters grouped into lines, top to bottom: characters whose tops lie within half a
    font size of each other share a line."""
    ordered = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    groups: list[list[dict[str, Any]]] = []
    for char in ordered:
        if groups and abs(char["top"] - groups[-1][0]["top"]) <= 0.5 * char["size"]:
            groups[-1].append(char)
        else:
            groups.append([char])
    return [_line(g) for g in groups if any(not c["text"].isspace() for c in g)]


def _joined(before: list[Glyph], after: list[Glyph]) -> list[Glyph]:
    text = "".join(g for g, _ in before).rstrip()
    if _GLUED_BREAK.search(text):
        return [*before, *after]
    italic = bool(before and after and before[-1][1] and after[0][1])
    return [*before, (" ", italic), *after]


def _typed_break(previous: Line, line: Line, right_edge: float) -> bool:
    if MARKER.match(line.text):
        return True
    if _LABEL.match(line.text) and _SENTENCE_END.search(previous.text.rstrip()):
        return True
    space = previous.space or line.space or _SPACE * line.size
    return previous.x1 + space + line.first_word <= right_edge - _FIT_SLACK * line.size


def _next_step(typed_line: list[Glyph], line: Line) -> bool:
    before, after = _STEP.match("".join(g for g, _ in typed_line)), _STEP.match(line.text)
    return bool(before and after and int(after[1]) == int(before[1]) + 1)


def paragraphs(lines: list[Line], right_edge: float) -> list[Paragraph]:
    """Lines into paragraphs and typed lines. `right_edge` is where the text column ends."""
    out: list[Paragraph] = []
    previous: Line | None = None
    for line in lines:
        typed = previous is not None and _typed_break(previous, line, right_edge)
        new_paragraph = (
            previous is None
            # Across a page break the spacing is lost: a paragraph goes on only from a line
            # the layout filled, or with the next step of a numbered list.
            or (line.new_page and typed and not _next_step(out[-1].lines[-1], line))
            or (
                not line.new_page
                and line.top - previous.bottom > PARAGRAPH_GAP * max(line.size, previous.size)
            )
            or line.bold != previous.bold
            or abs(line.size - previous.size) > 0.1 * previous.size
        )
        if new_paragraph or previous is None:
            out.append(Paragraph([line.glyphs], line.bold, line.size, line.top))
        elif typed:
            out[-1].lines.append(line.glyphs)
        else:
            out[-1].lines[-1] = _joined(out[-1].lines[-1], line.glyphs)
        previous = line
    return out
