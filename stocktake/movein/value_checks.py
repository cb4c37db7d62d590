"""Values that do not fit their indicator's data type: imported, and listed in the report."""

from __future__ import annotations

from decimal import Decimal

from stocktake.indicators.models import IndicatorDefinition

DataType = IndicatorDefinition.DataType
_YES_NO = {"yes", "no", "y", "n", "true", "false", "1", "0"}


def data_type_problem(definition: IndicatorDefinition, value: Decimal | None, text: str) -> str:
    """Why the value does not fit the definition's data type; empty when it fits."""
    kind = definition.data_type
    if kind == DataType.PERCENTAGE and value is not None and not 0 <= value <= 100:
        return f"{value.normalize():f} is not a percentage between 0 and 100"
    if kind == DataType.YES_NO and (text or str(value)).casefold() not in _YES_NO:
        return f"“{text or value}” is not yes or no"
    if kind in (DataType.NUMBER, DataType.MONEY, DataType.RATIO) and value is None:
        return f"“{text}” is not a number"
    return ""
