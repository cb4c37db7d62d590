"""How an indicator's numbers read, for sentences, tables and charts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache


@dataclass(frozen=True)
class Style:
    """How an indicator's numbers read: "31.0%", "£1,200", "Level 2", "45 visits"."""

    data_type: str = "number"
    places: int = 0
    unit: str = ""

    def show(self, value: Decimal, *, exact: bool = False) -> str:
        """The value in the indicator's own format; exact keeps a target as it was set."""
        text = plain(value) if exact else f"{value:,.{self._places(value)}f}"
        if self.data_type == "percentage":
            return f"{text}%"
        if self.data_type == "money":
            return f"£{text}"
        if self.data_type == "level":
            return f"Level {text}"
        return f"{text} {self.unit}".strip()

    def _places(self, value: Decimal) -> int:
        """The configured places, plus up to two more rather than hide a digit that was given."""
        return max(self.places, min(_given_places(value), self.places + 2))

    def amount(self, value: Decimal) -> str:
        """A difference or tolerance: points for percentages, the unit otherwise."""
        text = plain(value)
        if self.data_type == "percentage":
            return f"{text} {'point' if value == 1 else 'points'}"
        if self.data_type == "money":
            return f"£{text}"
        return f"{text} {self.unit}".strip()


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros and never in exponent form: 34, 33.9, 0.5."""
    return f"{value.normalize():f}"


@lru_cache(maxsize=4096)  # a bulk import shows the same few values thousands of times
def _given_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
