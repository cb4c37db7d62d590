"""The document model every reader produces: ordered blocks of tables and narrative text.

Readers know formats, not council papers; everything they find is handed on in this shape so
that table understanding works the same whatever the file was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


class ImportFailed(Exception):
    """A file that cannot be imported; the message is one line fit to show a person."""


@dataclass
class Cell:
    lines: list[str] = field(default_factory=list)
    italics: list[str] = field(default_factory=list)
    bold: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def flat(self) -> str:
        return " ".join(self.lines)

    def __bool__(self) -> bool:
        return any(line.strip() for line in self.lines)


Row = list[Cell]


@dataclass
class Table:
    rows: list[Row]


TextKind = Literal["heading", "paragraph", "bullet"]


@dataclass
class Text:
    kind: TextKind
    text: str
    level: int = 0
    # Lines of one paragraph share a group; a blank line starts a new one. Cell-per-line
    # layouts need this to tell a cell with several lines from several cells.
    group: int = 0


Block = Table | Text

# A heading guessed from a line's look ranks below any the writer marked, so it never ends a
# table that a marked heading would.
GUESSED_HEADING = 9


def guessed(text: str, group: int, *, heading: bool) -> Text:
    return (
        Text("heading", text, GUESSED_HEADING, group)
        if heading
        else Text("paragraph", text, 0, group)
    )


@dataclass
class Document:
    format: str
    blocks: list[Block]
