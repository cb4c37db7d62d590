"""The overall result follows the framework's stated rule, and names what blocks the next level."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stocktake.frameworks.scoring import Outcome, Rated, below_target, outcome, rule_in_words

NAMES = ["Developing", "Achieving", "Excellent"]
LABELS = {0: "Not in place", 1: "Partly in place", 2: "In place"}


def _rows(ratings: list[int | None]) -> list[Rated]:
    return [Rated(f"c{i}", f"Criterion {i}", i % 3 + 1, r) for i, r in enumerate(ratings)]


def _levels(rows: list[Rated]) -> Outcome:
    return outcome(rule="levels", threshold=2, labels=LABELS, level_names=NAMES, rows=rows)


def test_a_level_is_reached_when_it_and_all_lower_levels_are_in_place() -> None:
    rows = [Rated("a", "A", 1, 2), Rated("b", "B", 2, 2), Rated("c", "C", 3, 1)]
    result = _levels(rows)
    assert result.reached == 2
    assert result.result == "Level 2: Achieving"
    assert result.next_step == "Level 3: Excellent"
    assert [b.ref for b in result.blocking] == ["c"]


def test_a_gap_at_a_lower_level_holds_back_the_higher_ones() -> None:
    rows = [Rated("a", "A", 1, 1), Rated("b", "B", 2, 2), Rated("c", "C", 3, 2)]
    result = _levels(rows)
    assert result.reached == 0
    assert result.result == "No level reached"
    assert [b.ref for b in result.blocking] == ["a"]


def test_the_rule_is_stated_in_words() -> None:
    assert "all lower levels is rated at least “In place”" in rule_in_words("levels", "In place")
    assert "every criterion is rated at least “Good”" in rule_in_words("all_at_least", "Good")


def test_every_criterion_at_least_the_threshold_meets_the_standard() -> None:
    rows = [Rated("A1", "A", None, 3), Rated("A2", "B", None, 2)]
    result = outcome(rule="all_at_least", threshold=3, labels={}, level_names=[], rows=rows)
    assert (result.result, [b.ref for b in result.blocking]) == ("Not met", ["A2"])


def test_an_unrated_criterion_is_below_target() -> None:
    assert below_target(None, 2)
    assert below_target(1, 2)
    assert not below_target(2, 2)


@given(st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=3, max_size=12))
def test_the_level_reached_is_the_highest_with_nothing_blocking_below(
    ratings: list[int | None],
) -> None:
    rows = _rows(ratings)
    result = _levels(rows)
    reached = result.reached
    assert all(r.rating == 2 for r in rows if r.level is not None and r.level <= reached)
    if reached < 3:
        assert result.blocking
        assert all((b.level or 1) <= reached + 1 for b in result.blocking)
