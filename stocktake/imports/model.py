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
    # The list marker each line had in the paper ("•", "-", "2."), "" for none. Lines are kept
    # bare so that dates, owners and steps read the same whether or not they were a list.
    marks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def listed(self) -> str:
        """The lines as the paper showed them: one list item a line, with its marker."""
        marks = (self.marks + [""] * len(self.lines))[: len(self.lines)]
        pairs = zip(marks, self.lines, strict=True)
        return "\n".join(f"{m} {line}" if m else line for m, line in pairs)

    def extend(self, other: Cell, *, mark: str = "") -> None:
        """Add another cell's lines; `mark` is for a first line whose marker a reader removed."""
        self.marks = self.marks + [""] * (len(self.lines) - len(self.marks))
        marks = other.marks + [""] * (len(other.lines) - len(other.marks))
        if mark and marks and not marks[0]:
            marks[0] = mark
        self.lines.extend(other.lines)
        self.marks.extend(marks)

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
