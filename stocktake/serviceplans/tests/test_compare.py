"""The side-by-side comparison loses nothing: each side reads back as its version."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stocktake.serviceplans.compare import side_by_side

lines = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=6)


@given(lines, lines)
def test_each_side_of_the_comparison_is_the_whole_version(old: list[str], new: list[str]) -> None:
    rows = side_by_side(old, new)
    assert [r.before for r in rows if r.before or r.tag in ("equal", "delete")] == old
    assert [r.after for r in rows if r.after or r.tag in ("equal", "insert")] == new
    assert all(r.before == r.after for r in rows if r.tag == "equal")
