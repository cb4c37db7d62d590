"""The PDF reader recovers what printing flattens: tables across pages, typed line breaks,
headings and paragraphs."""

from __future__ import annotations

from pathlib import Path

from stocktake.imports.model import Block, Cell, Document, Table, Text
from stocktake.imports.read_pdf import read_pdf
from stocktake.imports.tests import writers

_HEADER = ["Ref", "Action", "Lead Officer", "Target Date", "Update"]
_LONG = "Agree the terms of reference with partners and report the outcome to the board"


def _printed(tmp_path: Path, doc: Document) -> Document:
    path = tmp_path / "doc.pdf"
    writers.to_pdf(doc, path)
    return read_pdf(path.read_bytes())


def _row(*texts: str) -> list[Cell]:
    return [Cell(lines=[t]) for t in texts]


def test_a_table_over_several_pages_is_one_table_with_its_header_once(tmp_path: Path) -> None:
    rows = [_row(*_HEADER)] + [
        _row(f"{n}.1", f"{_LONG} {n}", "Jo Bloggs", "March 2010", "On track") for n in range(90)
    ]
    read = _printed(tmp_path, Document("text", [Table(rows)]))
    tables = [b for b in read.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [c.flat for c in tables[0].rows[0]] == _HEADER
    assert [r[0].flat for r in tables[0].rows[1:]] == [f"{n}.1" for n in range(90)]


def test_lines_typed_in_a_cell_stay_apart_and_wrapped_lines_join(tmp_path: Path) -> None:
    cell = Cell(lines=["Compile:", "Project Plan", f"{_LONG} {_LONG}", "Review"])
    rows = [_row(*_HEADER), [Cell(lines=["1.1"]), cell, *_row("Jo", "May 2009", "")]]
    read = _printed(tmp_path, Document("text", [Table(rows)]))
    table = next(b for b in read.blocks if isinstance(b, Table))
    assert table.rows[1][1].lines == cell.lines


def test_headings_and_paragraphs_come_back_in_order(tmp_path: Path) -> None:
    blocks: list[Block] = [
        Text("heading", "Service Objectives", 2, 1),
        Text("paragraph", f"{_LONG}, {_LONG}, {_LONG}.", 0, 2),
        Text("paragraph", "A second paragraph.", 0, 3),
        Text("bullet", _LONG, 0, 4),
        Text("bullet", "Short item", 0, 4),
    ]
    read = _printed(tmp_path, Document("text", blocks))
    assert [(b.kind, b.text) for b in read.blocks if isinstance(b, Text)] == [
        (b.kind, b.text) for b in blocks if isinstance(b, Text)
    ]
    groups = [b.group for b in read.blocks if isinstance(b, Text)]
    assert groups[0] < groups[1] < groups[2] < groups[3] == groups[4]
