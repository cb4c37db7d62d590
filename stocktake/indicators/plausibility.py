"""Values a person should look at twice before saving: possible, but rarely what was meant.

What cannot be at all (a level below zero, a percentage of a negative whole) is refused by
rules.value_is_possible. What can be but usually is a slip is only pointed out here: a
percentage above 100 may be a percentage change or a share of a target, and a negative
ratio or percentage may be a fall. Numbers and money may well be negative (a net change,
an overspend), and polarity says which way is better, not which values exist, so neither
raises a warning.
"""

from __future__ import annotations

from decimal import Decimal

from .models import IndicatorDefinition
from .style import plain

_DataType = IndicatorDefinition.DataType
_PERCENT = Decimal(100)


def unusual_values(
    definition: IndicatorDefinition, *, value: Decimal | None, forecast: Decimal | None
) -> list[str]:
    """Sentences about each value that is possible but unusual for the indicator's data type."""
    found = []
    for name, number in (("value", value), ("forecast year-end figure", forecast)):
        if number is None:
            continue
        if definition.data_type == _DataType.PERCENTAGE and not 0 <= number <= _PERCENT:
            side = "more than 100%" if number > _PERCENT else "below 0%"
            found.append(f"The {name}, {plain(number)}%, is {side}")
        elif definition.data_type == _DataType.RATIO and number < 0:
            found.append(f"The {name}, {plain(number)}, is a negative ratio")
    return found
