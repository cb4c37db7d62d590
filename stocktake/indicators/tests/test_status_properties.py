"""Properties that hold for any numbers: status never fails, and better values never look worse."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from stocktake.indicators.status import (
    Comparison,
    Style,
    TargetSpec,
    compute_direction,
    compute_status,
)

RANK = {"red": 0, "amber": 1, "green": 2}
amounts = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False)
maybe = st.none() | amounts
targets = st.none() | st.builds(
    TargetSpec,
    value=maybe,
    upper=maybe,
    text=st.sampled_from(["", "Set baseline", "July 09"]),
    tolerance=st.none() | st.decimals(min_value=0, max_value=100, places=1),
    tolerance_kind=st.sampled_from(["absolute", "percent"]),
)
styles = st.builds(
    Style,
    data_type=st.sampled_from(["number", "percentage", "money", "level", "milestone", "yes_no"]),
    places=st.integers(0, 3),
)
polarities = st.sampled_from(["higher", "lower", "band", "data_only"])


@given(value=maybe, polarity=polarities, target=targets, style=styles)
def test_status_never_fails_and_always_explains_itself(
    value: Decimal | None, polarity: str, target: TargetSpec | None, style: Style
) -> None:
    result = compute_status(value=value, polarity=polarity, target=target, style=style)
    assert result.explanation.sentence
    assert result.explanation.outcome == result.status.value


@given(value=maybe, earlier=maybe, polarity=polarities, target=targets, style=styles, band=maybe)
def test_direction_never_fails(
    value: Decimal | None,
    earlier: Decimal | None,
    polarity: str,
    target: TargetSpec | None,
    style: Style,
    band: Decimal | None,
) -> None:
    result = compute_direction(
        value=value,
        earlier=Comparison(earlier, "Q4"),
        polarity=polarity,
        style=style,
        no_change_band=band,
        target=target,
    )
    assert result.explanation.sentence


@given(
    a=amounts,
    b=amounts,
    target=amounts,
    tolerance=st.decimals(min_value=0, max_value=50, places=1),
    kind=st.sampled_from(["absolute", "percent"]),
    polarity=st.sampled_from(["higher", "lower"]),
)
def test_moving_towards_the_good_side_never_makes_the_status_worse(
    a: Decimal, b: Decimal, target: Decimal, tolerance: Decimal, kind: str, polarity: str
) -> None:
    worse, better = sorted([a, b]) if polarity == "higher" else sorted([a, b], reverse=True)
    spec = TargetSpec(target, tolerance=tolerance, tolerance_kind=kind)

    def rank(value: Decimal) -> int:
        result = compute_status(value=value, polarity=polarity, target=spec, style=Style())
        return RANK[result.status.value]

    assert rank(better) >= rank(worse)


@given(a=amounts, b=amounts, low=amounts, width=st.decimals(0, 100, places=1))
def test_moving_towards_a_band_never_makes_the_status_worse(
    a: Decimal, b: Decimal, low: Decimal, width: Decimal
) -> None:
    spec = TargetSpec(low, upper=low + width, tolerance=Decimal(5))

    def distance(value: Decimal) -> Decimal:
        return max(low - value, value - (low + width), Decimal(0))

    def rank(value: Decimal) -> int:
        result = compute_status(value=value, polarity="band", target=spec, style=Style())
        return RANK[result.status.value]

    closer, further = sorted([a, b], key=distance)
    assert rank(closer) >= rank(further)
