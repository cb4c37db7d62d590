"""Named business rules, one line of policy each. They apply when a person enters or edits.

Imported data is flagged rather than blocked, so importers pass enforce_rules=False.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from django.core.exceptions import ValidationError

from stocktake.core.periods import Period

# The shortest period each frequency is reported for, in months; survey data comes when it comes.
_SHORTEST = {"monthly": 1, "quarterly": 3, "annual": 12, "biennial": 12, "survey": 1}
_LENGTH = {"month": 1, "quarter": 3, "financial_year": 12, "year": 12}


def measurement_needs_value(value: Decimal | None, numerator: Decimal | None) -> None:
    """A measurement says what the value was, directly or as a numerator and denominator."""
    if value is None and numerator is None:
        raise ValidationError({"value": "Enter the value for the period"})


def denominator_not_zero(numerator: Decimal | None, denominator: Decimal | None) -> None:
    """A ratio needs both parts, and nothing can be divided by zero."""
    if numerator is not None and (denominator is None or denominator == 0):
        raise ValidationError({"denominator": "Enter a denominator greater than zero"})


def red_needs_note(status: str, note: str) -> None:
    """A red indicator needs a note saying why it is off track and what is being done."""
    if status == "red" and not note.strip():
        raise ValidationError(
            {"note": "This value is red: enter a note saying why, and what is being done"}
        )


def period_fits_frequency(period: Period, frequency: str) -> None:
    """A quarterly indicator is reported for quarters (or whole years), never for months."""
    if _LENGTH.get(period.kind, 0) < _SHORTEST.get(frequency, 1):
        raise ValidationError(
            {"period": f"This indicator is reported {frequency}: enter a longer period"}
        )


def period_has_started(period: Period, today: dt.date) -> None:
    """Values describe what has happened, so a period must have begun."""
    if period.start > today:
        raise ValidationError({"period": f"{period.label} has not started yet"})


def target_needs_value_or_text(value: Decimal | None, text: str) -> None:
    """A target is a number, a level or a milestone, so it cannot be empty."""
    if value is None and not text.strip():
        raise ValidationError({"value": "Enter the target as a number or in words"})


def band_top_not_below_target(value: Decimal | None, upper_value: Decimal | None) -> None:
    """A target band runs from the target up to its top, so the top cannot be below it."""
    if value is not None and upper_value is not None and upper_value < value:
        raise ValidationError(
            {"upper_value": f"The top of the band must be at least the target ({value:g})"}
        )


def tolerance_not_negative(tolerance: Decimal | None) -> None:
    """A tolerance is how far from the target still counts as amber, so it cannot be negative."""
    if tolerance is not None and tolerance < 0:
        raise ValidationError({"tolerance": "Enter a tolerance of zero or more"})


def new_version_needs_date(effective_from: dt.date | None) -> None:
    """A change of meaning starts a new version, which needs the date it takes effect."""
    if effective_from is None:
        raise ValidationError(
            {"effective_from": "This change starts a new version: enter the date it takes effect"}
        )


def profile_fits_combine(combine: str, profile: tuple[Decimal | None, ...]) -> None:
    """Only sums and running totals build up through the year; otherwise the annual figure
    applies to each quarter, so there are no milestones to enter."""
    if combine.lower() not in {"sum", "running total"}:
        raise ValidationError(
            {
                "profile_q1": f"Periods of this indicator combine as {combine.lower()}, so the "
                "annual figure applies to each quarter: leave the profile empty"
            }
        )


def profile_is_for_a_year(period: Period) -> None:
    """Quarterly milestones profile a year's target."""
    if period.kind != "financial_year":
        raise ValidationError(
            {"profile_q1": "A quarterly profile is for a financial year's target"}
        )


def profile_is_cumulative(profile: tuple[Decimal | None, ...], annual: Decimal | None) -> None:
    """Milestones are year to date, so each is at least the one before, up to the annual value."""
    if annual is None:
        raise ValidationError({"value": "A profiled target needs an annual figure"})
    known = [p for p in (*profile, annual) if p is not None]
    if any(later < earlier for earlier, later in itertools.pairwise(known)):
        raise ValidationError(
            {"profile_q1": "Year-to-date milestones cannot fall from one quarter to the next"}
        )


def calculated_not_entered(formula: str) -> None:
    """A calculated indicator's values come from its inputs, never from a person."""
    if formula:
        raise ValidationError(
            {"value": "This indicator is calculated from others: enter their values instead"}
        )


def formula_is_valid(formula: str, own_code: str) -> None:
    """A formula uses only numbers, other indicators' codes, + - * / and brackets."""
    from .formulas import FormulaError, names_in, parse

    if not formula:
        return
    try:
        tree = parse(formula)
    except FormulaError as error:
        raise ValidationError({"formula": str(error)}) from error
    if own_code and own_code.upper().replace(" ", "_") in names_in(tree):
        raise ValidationError({"formula": "A formula cannot use its own indicator"})


def value_is_possible(
    data_type: str, value: Decimal | None, forecast: Decimal | None, denominator: Decimal | None
) -> None:
    """Levels start at zero, and a percentage is a share of a whole that cannot be negative."""
    if data_type == "level":
        for field, number in (("value", value), ("forecast", forecast)):
            if number is not None and number < 0:
                raise ValidationError({field: "A level cannot be below zero"})
    if data_type == "percentage" and denominator is not None and denominator < 0:
        raise ValidationError({"denominator": "Enter a denominator greater than zero"})
