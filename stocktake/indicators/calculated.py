"""Calculated indicators: worked out again for a period whenever one of their inputs is written.

Inputs are the organisation's other indicators, named by code, for the same period. A missing
input or a division by zero gives no value, with the reason stored beside it.
"""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal

from stocktake.core.periods import Period
from stocktake.core.recording import Actor

from .formulas import NotCalculable, calculate, code_name, names_in, parse
from .models import Indicator, Measurement
from .style import plain

# The calculated indicators being worked out now, so a formula that loops stops.
_RUNNING: ContextVar[frozenset[int]] = ContextVar("calculating", default=frozenset())


def recalculate_dependents(*, indicator: Indicator, period: Period, by: Actor) -> None:
    """Work out again every calculated indicator that uses this one, for this period."""
    code = code_name(indicator.definition.code)
    if not code:
        return
    calculated = (
        Indicator.objects.filter(organisation_id=indicator.organisation_id)
        .exclude(definition__formula="")
        .select_related("definition")
    )
    for found in calculated:
        if found.pk not in _RUNNING.get() and code in names_in(parse(found.definition.formula)):
            recalculate(indicator=found, period=period, by=by)


def recalculate_every_period(*, indicator: Indicator, by: Actor) -> None:
    """After a formula changes: every period any input has a value for, from the new version's
    date on (earlier periods keep the values worked out under the old formula)."""
    names = names_in(parse(indicator.definition.formula))
    inputs = [
        i.pk
        for i in Indicator.objects.filter(organisation_id=indicator.organisation_id)
        .exclude(definition__code="")
        .select_related("definition")
        if code_name(i.definition.code) in names
    ]
    spans = Measurement.objects.filter(indicator__in=inputs)
    if indicator.definition.effective_from is not None:
        spans = spans.filter(period_start__gte=indicator.definition.effective_from)
    found = spans.values_list("period_label", "period_start", "period_end", "period_kind")
    for label, start, end, kind in sorted(set(found), key=lambda s: (s[2], s[1])):
        recalculate(indicator=indicator, period=Period(label, start, end, kind), by=by)


def recalculate(*, indicator: Indicator, period: Period, by: Actor) -> Measurement:
    from .services import measurement_record  # which calls back here for indicators using this

    formula = indicator.definition.formula
    tree = parse(formula)
    names = names_in(tree)
    inputs = {
        code_name(i.definition.code): i
        for i in Indicator.objects.filter(organisation_id=indicator.organisation_id)
        .exclude(definition__code="")
        .select_related("definition")
        if code_name(i.definition.code) in names
    }
    stored = {
        m.indicator_id: m.value
        for m in Measurement.objects.filter(
            indicator__in=list(inputs.values()), period_start=period.start, period_end=period.end
        )
    }
    values = {name: stored.get(found.pk) for name, found in inputs.items()}
    shown = {name: plain(v) if v is not None else "no value" for name, v in sorted(values.items())}
    numbers = "; ".join(f"{name} = {v}" for name, v in shown.items())
    value: Decimal | None
    try:
        value = calculate(tree, values).quantize(Decimal("0.000001"))
        sentence = f"Calculated as {formula} from {numbers}"
    except NotCalculable as why:
        value = None
        sentence = f"Not calculated for {period.label}: {why} ({numbers})"
    token = _RUNNING.set(_RUNNING.get() | {indicator.pk})
    try:
        return measurement_record(
            indicator=indicator,
            period=period,
            value=value,
            by=by,
            enforce_rules=False,
            calculation={"formula": formula, "inputs": shown, "sentence": sentence},
        )
    finally:
        _RUNNING.reset(token)
