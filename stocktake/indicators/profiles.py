"""Year-to-date profiles: how a year's target is spread over its quarters.

A sum or a running total builds up through the year, so its target can carry cumulative
milestones for Q1 to Q3 (Q4's is the annual figure), and a quarter is judged year to date
against its milestone. A percentage, an average or a latest value is not built up: the annual
figure applies to each quarter, so it needs no profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from stocktake.core.periods import fy_quarter

from .models import IndicatorDefinition, Target
from .status import Explanation, Status, StatusResult, TargetSpec, compute_status

if TYPE_CHECKING:
    from .evaluation import Row

BUILDS_UP = frozenset({IndicatorDefinition.Combine.SUM, IndicatorDefinition.Combine.RUNNING_TOTAL})


def profile_of(target: Target, combine: str) -> list[Decimal | None]:
    """The year-to-date figure expected by the end of each quarter, Q1 to Q4."""
    if combine not in BUILDS_UP:
        return [target.value] * 4
    return [target.profile_q1, target.profile_q2, target.profile_q3, target.value]


def has_profile(target: Target) -> bool:
    return any(p is not None for p in (target.profile_q1, target.profile_q2, target.profile_q3))


def applies(row: Row, definition: IndicatorDefinition, target: Target | None) -> bool:
    return (
        target is not None
        and definition.combine in BUILDS_UP
        and row.period_kind == "quarter"
        and has_profile(target)
    )


def _data_only(rule: str, sentence: str, **numbers: str) -> StatusResult:
    return StatusResult(Status.DATA_ONLY, Explanation(rule, "data_only", sentence, numbers))


def profile_status(
    row: Row, rows: Sequence[Row], definition: IndicatorDefinition, target: Target
) -> StatusResult:
    """A quarter of a sum or running total, year to date against the target's profile."""
    quarter = fy_quarter(row.period_start)
    milestone = profile_of(target, definition.combine)[quarter - 1]
    style = definition.style
    if row.value is None:
        return compute_status(
            value=None, polarity="", target=None, style=style, period=row.period_label
        )
    if milestone is None:
        return _data_only(
            "no_profile_milestone",
            f"Data only: the profile of the {target.period_label} target has no "
            f"year-to-date milestone for Q{quarter}",
        )
    if definition.combine == IndicatorDefinition.Combine.RUNNING_TOTAL:
        year_to_date: Decimal = row.value  # a running total is already the year so far
        how = "the running total"
    else:
        quarters = [
            r
            for r in rows
            if r.period_kind == "quarter"
            and target.period_start <= r.period_start
            and r.period_end <= row.period_end
        ]
        if len(quarters) < quarter or any(r.value is None for r in quarters):
            return _data_only(
                "year_to_date_incomplete",
                f"Data only: year to date cannot be worked out for {row.period_label} because "
                f"not every earlier quarter of {target.period_label} has a value",
                value=style.show(row.value),
            )
        year_to_date = sum((r.value for r in quarters if r.value is not None), Decimal(0))
        how = f"the sum of Q1 to Q{quarter}" if quarter > 1 else "Q1 alone"
    spec = TargetSpec(
        value=milestone,
        name=target.get_name_display(),
        period=f"Q{quarter} year to date",
        tolerance=target.tolerance,
        tolerance_kind=target.tolerance_kind,
    )
    found = compute_status(
        value=year_to_date, polarity=definition.polarity, target=spec, style=style
    )
    annual = style.show(target.value, exact=True) if target.value is not None else "—"
    sentence = (
        f"{found.explanation.sentence}: year to date ({how}) against the Q{quarter} milestone "
        f"of the {target.period_label} profile, whose annual target is {annual}"
    )
    numbers = dict(found.explanation.numbers) | {
        "year_to_date": style.show(year_to_date),
        "milestone": style.show(milestone, exact=True),
        "annual_target": annual,
    }
    return StatusResult(
        found.status,
        Explanation("year_to_date_profile", found.explanation.outcome, sentence, numbers),
    )
