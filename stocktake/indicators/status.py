"""Status (RAG) and direction of travel, as pure functions that say why.

Members ask "what is behind and why?", so every colour and arrow carries an Explanation: the
rule that produced it, the target and tolerance it used, the numbers, and one plain-English
sentence. Nothing here touches the database; services store the results when data is written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .style import Style as Style  # re-exported: callers import it from here
from .style import plain


class Status(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    DATA_ONLY = "data_only"
    NO_DATA = "no_data"


class Direction(StrEnum):
    IMPROVING = "improving"
    NO_CHANGE = "no_change"
    WORSENING = "worsening"
    NOT_COMPARABLE = "not_comparable"


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    BAND = "band"
    DATA_ONLY = "data_only"


class ToleranceKind(StrEnum):
    ABSOLUTE = "absolute"
    PERCENT = "percent"


# Data types whose value is "done or not" (1 or 0) rather than an amount.
ACHIEVEMENT_TYPES = frozenset({"yes_no", "milestone", "date"})


@dataclass(frozen=True)
class TargetSpec:
    value: Decimal | None
    name: str = "Local"
    period: str = ""
    upper: Decimal | None = None  # the top of the band, for "within a band" indicators
    text: str = ""  # a level or milestone in words: "Level 2", "July 09", "Set baseline"
    tolerance: Decimal | None = None
    tolerance_kind: str = ToleranceKind.ABSOLUTE


@dataclass(frozen=True)
class Explanation:
    rule: str
    outcome: str
    sentence: str
    numbers: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "outcome": self.outcome,
            "sentence": self.sentence,
            "numbers": dict(self.numbers),
        }


@dataclass(frozen=True)
class StatusResult:
    status: Status
    explanation: Explanation


@dataclass(frozen=True)
class DirectionResult:
    direction: Direction
    explanation: Explanation


@dataclass(frozen=True)
class Comparison:
    """The earlier value a period is compared with, and what it is (its label and basis)."""

    value: Decimal | None
    label: str
    basis: str = "previous period"  # or "same period last year", "last available value"
    same_definition: bool = True
    sample_size: int | None = None


def _status(status: Status, rule: str, sentence: str, **numbers: str) -> StatusResult:
    return StatusResult(status, Explanation(rule, status.value, sentence, numbers))


def tolerance_amount(target: TargetSpec, reference: Decimal) -> Decimal:
    """The amber margin in the indicator's units; a % tolerance is a share of the target."""
    if target.tolerance is None or target.tolerance <= 0:
        return Decimal(0)
    if target.tolerance_kind == ToleranceKind.PERCENT:
        return abs(reference) * target.tolerance / 100
    return target.tolerance


def _tolerance_words(target: TargetSpec, amount: Decimal, style: Style) -> str:
    assert target.tolerance is not None
    if target.tolerance_kind == ToleranceKind.PERCENT:
        return f"the {plain(target.tolerance)}% tolerance ({style.amount(amount)})"
    if style.data_type == "percentage":
        return f"the {plain(target.tolerance)}-point tolerance"
    return f"the tolerance of {style.amount(target.tolerance)}"


def compute_status(
    *,
    value: Decimal | None,
    polarity: str,
    target: TargetSpec | None,
    style: Style,
    period: str = "this period",
    combine: str = "latest",
    target_is_longer: bool = False,
) -> StatusResult:
    """Green, amber, red, data only or no data for one period's value, with the reason.

    A target set for a longer period than the value (a year against a quarter) still applies to
    a percentage, an average or a latest value, but not to a part-period sum.
    """
    if value is None:
        return _status(
            Status.NO_DATA, "no_value", f"No data: no value has been entered for {period}"
        )
    if polarity == Polarity.DATA_ONLY:
        return _status(
            Status.DATA_ONLY,
            "data_only_polarity",
            f"Data only: {style.show(value)} is reported for information; "
            "this indicator has no better direction, so it has no colour",
            value=style.show(value),
        )
    if style.data_type in ACHIEVEMENT_TYPES:
        return _achievement_status(value, target, period)
    if target is None:
        return _status(
            Status.DATA_ONLY,
            "no_target",
            f"Data only: there is no target for {period} to compare {style.show(value)} with",
            value=style.show(value),
        )
    if target.value is None:
        return _status(
            Status.DATA_ONLY,
            "text_target",
            f"Data only: the target “{target.text}” is not a number, "
            f"so {style.show(value)} is not compared with it",
            value=style.show(value),
            target=target.text,
        )
    if combine == "sum" and target_is_longer:
        return _status(
            Status.DATA_ONLY,
            "sum_against_longer_target",
            f"Data only: the target of {style.show(target.value, exact=True)} is for "
            f"{target.period} as a whole, so the total for {period} is not compared with it",
            value=style.show(value),
            target=style.show(target.value, exact=True),
            target_period=target.period,
        )
    if polarity == Polarity.BAND:
        return _band_status(value, target, style)
    return _one_sided_status(value, target, style, higher=polarity != Polarity.LOWER)


def _achievement_status(value: Decimal, target: TargetSpec | None, period: str) -> StatusResult:
    done = value >= 1
    words = "achieved" if done else "not achieved"
    if target is None:
        return _status(
            Status.DATA_ONLY,
            "no_target",
            f"Data only: {words}, and there is no target for {period}",
            value=words,
        )
    wanted = target.text or "achieved"
    return _status(
        Status.GREEN if done else Status.RED,
        "achievement",
        f"{'Green' if done else 'Red'}: {words}; the target for {target.period or period} "
        f"was “{wanted}”",
        value=words,
        target=wanted,
        target_name=target.name,
        target_period=target.period,
    )


def _one_sided_status(
    value: Decimal, target: TargetSpec, style: Style, *, higher: bool
) -> StatusResult:
    assert target.value is not None
    rule = "higher_is_better" if higher else "lower_is_better"
    shown, wanted = style.show(value), style.show(target.value, exact=True)
    shortfall = (target.value - value) if higher else (value - target.value)
    numbers = {
        "value": shown,
        "target": wanted,
        "target_name": target.name,
        "target_period": target.period,
        "gap": style.amount(abs(value - target.value)),
    }
    if shortfall <= 0:
        relation = "meets" if value == target.value else ("is above" if higher else "is below")
        return _status(
            Status.GREEN, rule, f"Green: {shown} {relation} the target of {wanted}", **numbers
        )
    side = "below" if higher else "above"
    amount = tolerance_amount(target, target.value)
    if amount == 0:
        return _status(
            Status.RED,
            rule,
            f"Red: {shown} is {side} the target of {wanted} and no tolerance is set",
            **numbers,
        )
    words = _tolerance_words(target, amount, style)
    numbers |= {"tolerance": style.amount(amount), "tolerance_kind": target.tolerance_kind}
    if shortfall <= amount:
        sentence = f"Amber: {shown} is {side} the target of {wanted} but within {words}"
        return _status(Status.AMBER, rule, sentence, **numbers)
    sentence = f"Red: {shown} is {side} the target of {wanted} by more than {words}"
    return _status(Status.RED, rule, sentence, **numbers)


def _band_status(value: Decimal, target: TargetSpec, style: Style) -> StatusResult:
    assert target.value is not None
    low, high = sorted([target.value, target.upper if target.upper is not None else target.value])
    band = f"the band of {style.show(low, exact=True)} to {style.show(high, exact=True)}"
    shown = style.show(value)
    numbers = {
        "value": shown,
        "low": style.show(low, exact=True),
        "high": style.show(high, exact=True),
    }
    if low <= value <= high:
        return _status(Status.GREEN, "within_band", f"Green: {shown} is within {band}", **numbers)
    side, edge = ("below", low) if value < low else ("above", high)
    amount = tolerance_amount(target, edge)
    if amount == 0:
        return _status(
            Status.RED,
            "within_band",
            f"Red: {shown} is {side} {band} and no tolerance is set",
            **numbers,
        )
    words = _tolerance_words(target, amount, style)
    numbers |= {"tolerance": style.amount(amount), "tolerance_kind": target.tolerance_kind}
    if abs(value - edge) <= amount:
        sentence = f"Amber: {shown} is {side} {band} but within {words}"
        return _status(Status.AMBER, "within_band", sentence, **numbers)
    sentence = f"Red: {shown} is {side} {band} by more than {words}"
    return _status(Status.RED, "within_band", sentence, **numbers)


def _direction(direction: Direction, rule: str, sentence: str, **numbers: str) -> DirectionResult:
    return DirectionResult(direction, Explanation(rule, direction.value, sentence, numbers))


def _distance_from_band(value: Decimal, target: TargetSpec) -> Decimal:
    assert target.value is not None
    low, high = sorted([target.value, target.upper if target.upper is not None else target.value])
    return max(low - value, value - high, Decimal(0))


def compute_direction(
    *,
    value: Decimal | None,
    earlier: Comparison | None,
    polarity: str,
    style: Style,
    no_change_band: Decimal | None = None,
    target: TargetSpec | None = None,
    period: str = "this period",
    sample_size: int | None = None,
) -> DirectionResult:
    """Improving, no significant change, worsening or not comparable, against one earlier value.

    Two survey percentages with their sample sizes are judged by a 95% confidence interval for
    the difference of two proportions, not by the fixed band: a small sample moves by chance.
    """
    nc = Direction.NOT_COMPARABLE
    if value is None:
        return _direction(nc, "no_value", f"Not comparable: there is no value for {period}")
    if earlier is None:
        return _direction(
            nc, "no_earlier_value", "Not comparable: there is no earlier value to compare with"
        )
    basis = f"{earlier.label} ({earlier.basis})"
    if earlier.value is None:
        return _direction(nc, "no_earlier_value", f"Not comparable: there is no value for {basis}")
    if not earlier.same_definition:
        return _direction(
            nc,
            "series_break",
            f"Not comparable: the definition changed between {earlier.label} and {period}",
        )
    shown, before = style.show(value), style.show(earlier.value)
    numbers = {
        "value": shown,
        "earlier": before,
        "earlier_period": earlier.label,
        "basis": earlier.basis,
    }
    if polarity == Polarity.DATA_ONLY or style.data_type in {"date"}:
        return _direction(
            nc,
            "data_only_polarity",
            f"Not comparable: this indicator has no better direction "
            f"({shown} against {before} in {basis})",
            **numbers,
        )
    if polarity == Polarity.BAND:
        if target is None or target.value is None:
            return _direction(
                nc, "no_band", "Not comparable: there is no target band to judge the change by"
            )
        gain = _distance_from_band(earlier.value, target) - _distance_from_band(value, target)
        rule = "closer_to_band"
    else:
        gain = value - earlier.value if polarity != Polarity.LOWER else earlier.value - value
        rule = "higher_is_better" if polarity != Polarity.LOWER else "lower_is_better"
    band = no_change_band if no_change_band is not None and no_change_band > 0 else Decimal(0)
    interval = survey_interval(value, sample_size, earlier.value, earlier.sample_size, style)
    if interval is not None and polarity != Polarity.BAND:
        band = interval
        numbers["confidence_interval"] = style.amount(interval)
    if abs(gain) <= band:
        within = f", within the ±{style.amount(band)} band" if band else ""
        if interval is not None and polarity != Polarity.BAND:
            within = (
                f", within the ±{style.amount(band)} 95% confidence interval for samples of "
                f"{sample_size} and {earlier.sample_size}"
            )
        if value == earlier.value:
            sentence = f"No significant change: {shown}, the same as in {basis}"
        else:
            sentence = f"No significant change: {shown} against {before} in {basis}{within}"
        return _direction(Direction.NO_CHANGE, rule, sentence, **numbers)
    moved = "up" if value > earlier.value else "down"
    if gain > 0:
        return _direction(
            Direction.IMPROVING,
            rule,
            f"Improving: {shown}, {moved} from {before} in {basis}",
            **numbers,
        )
    return _direction(
        Direction.WORSENING,
        rule,
        f"Worsening: {shown}, {moved} from {before} in {basis}",
        **numbers,
    )


def survey_interval(
    value: Decimal, n: int | None, earlier: Decimal, n_earlier: int | None, style: Style
) -> Decimal | None:
    """Half-width of the 95% interval for a change between two sample percentages, in points."""
    if style.data_type != "percentage" or not n or not n_earlier:
        return None
    p1, p2 = float(value) / 100, float(earlier) / 100
    if not (0 <= p1 <= 1 and 0 <= p2 <= 1):
        return None
    spread = math.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n_earlier)
    return Decimal(str(round(1.96 * spread * 100, 2)))


def direction_not_applicable(reason: str) -> DirectionResult:
    """A comparison that does not apply to this indicator, saying why."""
    return _direction(Direction.NOT_COMPARABLE, "not_applicable", f"Not comparable: {reason}")
