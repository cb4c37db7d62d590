"""Every write to indicators goes through here, inside a transaction, recording who did it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.core.fuzzydates import parse_period
from stocktake.core.period_text import PeriodError, read_period
from stocktake.core.periods import Period
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans.models import Plan, Section

from . import rules, selectors
from .evaluation import evaluate
from .models import Baseline, Indicator, IndicatorDefinition, Measurement, Target

_STORED = ["status", "direction", "direction_year", "explanation"]


def today() -> dt.date:
    return timezone.localdate()


def period_from(period: str | Period) -> Period:
    if isinstance(period, Period):
        return period
    try:
        return read_period(period)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from error


@transaction.atomic
def definition_create(
    *, organisation: Organisation | None, title: str, by: Actor, code: str = "", **fields: Any
) -> IndicatorDefinition:
    rules.formula_is_valid(fields.get("formula", ""), code)
    definition = IndicatorDefinition(organisation=organisation, code=code, title=title, **fields)
    save_recorded(definition, by)
    return definition


@transaction.atomic
def definition_revise(
    *, definition: IndicatorDefinition, effective_from: dt.date, by: Actor, **changes: Any
) -> IndicatorDefinition:
    """Start a new version; indicators move to it, and values keep the version they were under."""
    return _revise(definition, effective_from, by, changes)


def _revise(
    definition: IndicatorDefinition, effective_from: dt.date, by: Actor, changes: dict[str, Any]
) -> IndicatorDefinition:
    fields = {
        f.name: getattr(definition, f.name)
        for f in IndicatorDefinition._meta.concrete_fields
        if f.name not in {"id", "uuid", "created_at", "updated_at", "previous_version"}
    }
    fields |= changes | {"version": definition.version + 1, "effective_from": effective_from}
    revised = IndicatorDefinition(previous_version=definition, **fields)
    save_recorded(revised, by)
    for indicator in Indicator.objects.filter(definition=definition):
        indicator.definition = revised
        save_recorded(indicator, by)
        Measurement.objects.filter(indicator=indicator, period_start__gte=effective_from).update(
            definition=revised
        )
        indicator_recompute(indicator=indicator)
    return revised


# Changing any of these changes what the numbers mean, so it starts a new version of the
# definition and the chart marks the break; other fields (the title, say) are corrected in place.
MEANING_FIELDS = frozenset({"data_type", "polarity", "unit", "definition", "combine", "formula"})


@transaction.atomic
def definition_edit(
    *,
    definition: IndicatorDefinition,
    changes: dict[str, Any],
    by: Actor,
    effective_from: dt.date | None = None,
) -> IndicatorDefinition:
    """Correct a definition in place, or start a new version when its meaning changes."""
    changed = {k: v for k, v in changes.items() if getattr(definition, k) != v}
    if "formula" in changed:
        rules.formula_is_valid(changed["formula"], definition.code)
    if MEANING_FIELDS & changed.keys():
        rules.new_version_needs_date(effective_from)
        assert effective_from is not None
        revised = _revise(definition, effective_from, by, changed)
        if revised.formula and "formula" in changed:
            from .calculated import recalculate_every_period

            for indicator in Indicator.objects.filter(definition=revised):
                recalculate_every_period(indicator=indicator, by=by)
        return revised
    if not changed:
        return definition
    for name, value in changed.items():
        setattr(definition, name, value)
    save_recorded(definition, by)
    for indicator in Indicator.objects.filter(definition=definition):
        indicator_recompute(indicator=indicator)
    return definition


@transaction.atomic
def indicator_create(
    *,
    organisation: Organisation,
    definition: IndicatorDefinition,
    by: Actor,
    unit: Unit | None = None,
    plan: Plan | None = None,
    section: Section | None = None,
    owner_person: Person | None = None,
    owner_post: Post | None = None,
    updaters: Iterable[Person] = (),
    **fields: Any,
) -> Indicator:
    indicator = Indicator(
        organisation=organisation,
        definition=definition,
        unit=unit,
        plan=plan,
        section=section,
        owner_person=owner_person,
        owner_post=owner_post,
        **fields,
    )
    save_recorded(indicator, by)
    people = list(updaters)
    if people:
        indicator.updaters.add(*people)
    return indicator


@transaction.atomic
def indicator_publish(*, indicator: Indicator, is_public: bool, by: Actor) -> Indicator:
    """Show the indicator on its public plan page and in open data, or stop showing it."""
    indicator.is_public = is_public
    save_recorded(indicator, by)
    return indicator


@transaction.atomic
def baseline_add(
    *,
    indicator: Indicator,
    period_label: str,
    by: Actor,
    value: Decimal | None = None,
    value_text: str = "",
    note: str = "",
) -> Baseline:
    period = parse_period(period_label)
    baseline = Baseline(
        organisation_id=indicator.organisation_id,
        indicator=indicator,
        period_label=period.label if period else period_label,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        value=value,
        value_text=value_text,
        note=note,
    )
    save_recorded(baseline, by)
    return baseline


@transaction.atomic
def target_set(
    *,
    indicator: Indicator,
    period: str | Period,
    by: Actor,
    value: Decimal | None = None,
    text: str = "",
    name: str = Target.Name.LOCAL,
    is_primary: bool = True,
    upper_value: Decimal | None = None,
    tolerance: Decimal | None = None,
    tolerance_kind: str = Target.ToleranceKind.ABSOLUTE,
    profile: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None),
) -> Target:
    """Set (or replace) the named target for a period; the primary one drives the colour.

    The profile is the year-to-date milestones for Q1 to Q3 of a sum or running total.
    """
    rules.target_needs_value_or_text(value, text)
    rules.band_top_not_below_target(value, upper_value)
    rules.tolerance_not_negative(tolerance)
    span = period_from(period)
    if any(p is not None for p in profile):
        rules.profile_fits_combine(indicator.definition.get_combine_display(), profile)
        rules.profile_is_for_a_year(span)
        rules.profile_is_cumulative(profile, value)
    target = Target.objects.filter(
        indicator=indicator, period_start=span.start, period_end=span.end, name=name
    ).first() or Target(
        organisation_id=indicator.organisation_id,
        indicator=indicator,
        period_start=span.start,
        period_end=span.end,
        name=name,
    )
    if is_primary:
        for other in Target.objects.filter(
            indicator=indicator, period_start=span.start, period_end=span.end, is_primary=True
        ).exclude(name=name):
            other.is_primary = False
            save_recorded(other, by)
    target.period_label = span.label
    target.is_primary = is_primary
    target.value, target.text, target.upper_value = value, text, upper_value
    target.tolerance, target.tolerance_kind = tolerance, tolerance_kind
    target.profile_q1, target.profile_q2, target.profile_q3 = profile
    save_recorded(target, by)
    indicator_recompute(indicator=indicator)
    return target


def ratio(
    numerator: Decimal | None, denominator: Decimal | None, definition: IndicatorDefinition
) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    scale = Decimal(100) if definition.data_type == IndicatorDefinition.DataType.PERCENTAGE else 1
    return (numerator / denominator * scale).quantize(Decimal("0.000001"))


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    period: str | Period,
    by: Actor,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    note: str = "",
    value_text: str = "",
    state: str = Measurement.State.PROVISIONAL,
    enforce_rules: bool = True,
    forecast: Decimal | None = None,
    calculation: dict[str, Any] | None = None,
    sample_size: int | None = None,
    change_reason: str = "",
) -> Measurement:
    """Record (or correct) one period's value; status and arrows are worked out and stored.

    Once a reporting cycle that had the period is locked, a change needs `change_reason`.
    """
    span = period_from(period)
    definition = indicator.definition
    if enforce_rules:
        _lock_allows(indicator, span, change_reason)
        rules.calculated_not_entered(definition.formula)
        rules.period_fits_frequency(span, definition.frequency)
        rules.period_has_started(span, today())
        rules.measurement_needs_value(value, numerator)
        rules.denominator_not_zero(numerator, denominator)
        rules.value_is_possible(definition.data_type, value, forecast, denominator)
    if value is None:
        value = ratio(numerator, denominator, definition)
    versions = selectors.definition_versions(definition)
    row = Measurement.objects.filter(
        indicator=indicator, period_start=span.start, period_end=span.end
    ).first() or Measurement(
        organisation_id=indicator.organisation_id,
        indicator=indicator,
        period_start=span.start,
        period_end=span.end,
    )
    row.definition = selectors.version_for(versions, span.start)
    row.period_label, row.period_kind = span.label, span.kind
    row.value, row.value_text, row.numerator, row.denominator = (
        value,
        value_text,
        numerator,
        denominator,
    )
    row.note, row.state, row.entered_by = note, state, acting_user(by)
    row.change_reason = change_reason.strip()
    row.forecast = forecast
    row.sample_size = sample_size
    # Kept through every re-evaluation: why a calculated value is what it is (or is missing).
    row.explanation = {"calculation": calculation} if calculation else {}
    row.save()
    rows = indicator_recompute(indicator=indicator, versions=versions)
    saved = next(r for r in rows if r.pk == row.pk)
    if enforce_rules:
        rules.red_needs_note(saved.status, note)
    from .calculated import recalculate_dependents  # it records values through this module

    recalculate_dependents(indicator=indicator, period=span, by=by)
    return saved


def _lock_allows(indicator: Indicator, span: Period, reason: str) -> None:
    """Ask the cycles app, when installed; imported here so indicators loads without it."""
    if apps.is_installed("stocktake.cycles"):
        from stocktake.cycles.hooks import check_value_lock

        check_value_lock(indicator, span.end, reason)


def indicator_recompute(
    *, indicator: Indicator, versions: list[IndicatorDefinition] | None = None
) -> list[Measurement]:
    """Work out and store every period's status and arrows again, after any change."""
    rows = list(Measurement.objects.filter(indicator=indicator))
    targets = list(Target.objects.filter(indicator=indicator))
    found = (
        versions if versions is not None else selectors.definition_versions(indicator.definition)
    )
    evaluate(indicator, rows, targets, {d.pk: d for d in found})
    Measurement.objects.bulk_update(rows, _STORED)
    return rows
