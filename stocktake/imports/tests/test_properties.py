"""Table understanding never raises and never makes more items than there are rows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stocktake.imports.markup import cell_from_html
from stocktake.imports.model import Document, Table, Text
from stocktake.imports.understand import understand

_WORDS = st.sampled_from(
    [
        "",
        "Ref",
        "Action",
        "Lead Officer",
        "Target Date",
        "Task Status",
        "Update",
        "Situation @ May 2009",
        "2009/10",
        "11/11",
        "Risk",
        "Likelihood",
        "Priority",
        "1.2",
        "R1",
        "a)",
        "As above",
        "DELETE?",
        "Total: 57 actions",
        "Jo Bloggs / Sam Smith",
        "Dec 06",
        "??",
        "Ongoing",
        "Date Required",
        "<ul><li>one</li><li>two</li></ul>",
        "1. April 2009 2. May 2009",
        "NI 14 - Avoidable contact (2008 = 3%)",
        "Service Objective: Do it",
        "OBJECTIVE 2: ACCESS",
    ]
)
_TEXT = st.one_of(_WORDS, st.text(max_size=30))
_ROW = st.lists(_TEXT, min_size=1, max_size=7)
_TABLE = st.lists(_ROW, min_size=1, max_size=12)


@given(st.lists(st.one_of(_TABLE, _TEXT), min_size=1, max_size=5))
def test_understanding_never_raises_and_never_invents_rows(blocks: list[object]) -> None:
    doc_blocks: list[Table | Text] = []
    rows = 0
    texts = 0
    for block in blocks:
        if isinstance(block, list):
            doc_blocks.append(Table([[cell_from_html(c) for c in row] for row in block]))
            rows += len(block)
        else:
            doc_blocks.append(Text("bullet", str(block)))
            texts += 1
    preview = understand(Document("text", doc_blocks), as_at=None, organisation=None, source="x")
    assert len(preview["items"]) <= rows + texts
    for item in preview["items"]:
        assert item["kind"] in {
            "recommendation",
            "action",
            "indicator",
            "risk",
            "milestone",
            "equality_assessment",
        }
        assert item["status_code"] in {
            None,
            "not_started",
            "in_progress",
            "at_risk",
            "behind",
            "complete",
            "on_hold",
            "cancelled",
            "unknown",
        }


@given(st.text(max_size=200))
def test_cell_markup_never_raises(text: str) -> None:
    cell_from_html(text)
