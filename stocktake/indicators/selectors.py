"""Reads for the indicator pages. Each page issues a fixed number of queries whatever its size."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from stocktake.accounts.models import Person, Unit
from stocktake.accounts.selectors import AnyUser
from stocktake.core.fuzzydates import financial_year_of
from stocktake.core.periods import Period

from . import periods
from .models import Baseline, Indicator, IndicatorDefinition, Measurement, Target
from .status import Status

STATUS_ORDER = [s.value for s in (Status.RED, Status.AMBER, Status.GREEN, Status.DATA_ONLY)]
STATUS_ORDER.append(Status.NO_DATA.value)


def definition_versions(definition: IndicatorDefinition) -> list[IndicatorDefinition]:
    """Every version of a definition, oldest first."""
    if definition.code:
        return list(
            IndicatorDefinition.objects.filter(
                organisation=definition.organisation_id, code=definition.code
            ).order_by("version")
        )
    chain = [definition]
    while chain[0].previous_version_id is not None:
        older = chain[0].previous_version
        assert older is not None
        chain.insert(0, older)
    return chain


def version_for(versions: list[IndicatorDefinition], start: dt.date) -> IndicatorDefinition:
    """The version in force at the start of a period: the latest that had taken effect."""
    found = versions[0]
    for version in versions:
        if version.effective_from is None or version.effective_from <= start:
            found = version
    return found


def _listing(user: AnyUser) -> Any:
    from .access import visible_indicators

    return (
        Indicator.objects.filter(visible_indicators(user))
        .select_related("definition", "unit", "owner_person", "owner_post", "organisation")
        .with_latest()
    )


def _decorate(indicators: list[Indicator]) -> list[Indicator]:
    """Add the latest value in the indicator's own format, for the templates."""
    for indicator in indicators:
        value = getattr(indicator, "latest_value", None)
        text = getattr(indicator, "latest_value_text", "") or ""
        shown = indicator.definition.style.show(value) if value is not None else ""
        indicator.latest_shown = text or shown or "—"  # type: ignore[attr-defined]
    return indicators


def indicator_list(user: AnyUser, filters: dict[str, Any]) -> list[Indicator]:
    qs = _listing(user).filtered(**filters).order_by("organisation__name", "definition__code")
    return _decorate(list(qs))


def filter_choices(user: AnyUser) -> tuple[list[Unit], list[Person]]:
    from .access import visible_indicators

    visible = Indicator.objects.filter(visible_indicators(user))
    units = list(Unit.objects.filter(indicators__in=visible).distinct().order_by("name"))
    owners = list(Person.objects.filter(indicators_owned__in=visible).distinct().order_by("name"))
    return units, owners


@dataclass
class Page:
    measurements: list[Measurement]
    targets: list[Target]
    baselines: list[Baseline]
    versions: list[IndicatorDefinition]
    breaks: list[Measurement]  # the first value under each new definition version


def indicator_page(indicator: Indicator) -> Page:
    versions = definition_versions(indicator.definition)
    by_id = {v.pk: v for v in versions}
    measurements = list(
        Measurement.objects.filter(organisation_id=indicator.organisation_id, indicator=indicator)
        .select_related("entered_by")
        .order_by("period_end", "period_start")
    )
    breaks = []
    for before, after in itertools.pairwise(measurements):
        if before.definition_id != after.definition_id:
            breaks.append(after)
    for row in measurements:
        definition = by_id.get(row.definition_id, indicator.definition)
        row.shown = row.value_text or (  # type: ignore[attr-defined]
            definition.style.show(row.value) if row.value is not None else "—"
        )
        row.version = definition.version  # type: ignore[attr-defined]
    targets = list(
        Target.objects.filter(organisation_id=indicator.organisation_id, indicator=indicator)
    )
    baselines = list(
        Baseline.objects.filter(organisation_id=indicator.organisation_id, indicator=indicator)
    )
    return Page(measurements, targets, baselines, versions, breaks)


def scorecard(indicators: list[Indicator]) -> list[tuple[str, int]]:
    """RAG counts in reporting order, each status once even when nothing has it."""
    return status_counts(getattr(i, "latest_status", Status.NO_DATA.value) for i in indicators)


def status_counts(statuses: Iterable[str]) -> list[tuple[str, int]]:
    """Counts of latest statuses in reporting order, each status once even when none has it."""
    counts = Counter(statuses)
    return [(status, counts.get(status, 0)) for status in STATUS_ORDER]


def indicators_for_scorecard(user: AnyUser, **scope: Any) -> list[Indicator]:
    from .access import visible_indicators

    qs = (
        Indicator.objects.filter(visible_indicators(user))
        .select_related("definition", "unit", "owner_person", "owner_post", "organisation")
        .with_latest_id()
        .filter(**scope)
        .order_by("definition__code", "position")
    )
    return _decorate(_with_latest_values(list(qs)))


_LATEST = ("value", "value_text", "period_label", "period_end", "status", "direction")
_LATEST_NAMES = ("value", "value_text", "period", "end", "status", "direction", "explanation")


def _with_latest_values(indicators: list[Indicator]) -> list[Indicator]:
    """The attributes with_latest() annotates, read in one query by the latest values' ids:
    seven correlated subqueries cost a scorecard more to build and compile than to run."""
    ids = [i.latest_id for i in indicators if i.latest_id is not None]  # type: ignore[attr-defined]
    found = {
        pk: rest
        for pk, *rest in Measurement.objects.filter(pk__in=ids).values_list(
            "id", *_LATEST, "explanation"
        )
    }
    nothing = [None, None, None, None, Status.NO_DATA.value, "not_comparable", None]
    for indicator in indicators:
        values = found.get(indicator.latest_id, nothing)  # type: ignore[attr-defined]
        for name, value in zip(_LATEST_NAMES, values, strict=True):
            setattr(indicator, f"latest_{name}", value)
    return indicators


def due_period(frequency: str, on: dt.date) -> Period | None:
    """The latest period that has ended and should now be reported."""
    if frequency == "monthly":
        current = Period("", on.replace(day=1), on, "month")
    elif frequency == "quarterly":
        current = Period("", _quarter_start(on), on, "quarter")
    else:
        current = financial_year_of(on)
    return periods.previous(current)


def _quarter_start(on: dt.date) -> dt.date:
    month = on.month - (on.month - 4) % 3
    return dt.date(on.year, month, 1)


def my_indicators(user: AnyUser, today: dt.date) -> list[Indicator]:
    qs = (
        Indicator.objects.owned_by(user)
        .select_related("definition", "unit", "organisation", "plan", "owner_person", "owner_post")
        .with_latest()
        .order_by("organisation__name", "definition__code")
    )
    return _mark_due(_decorate(list(qs)), today)


def _mark_due(rows: list[Indicator], today: dt.date) -> list[Indicator]:
    for row in rows:
        due = due_period(row.definition.frequency, today)
        latest_end = getattr(row, "latest_end", None)
        row.due = due  # type: ignore[attr-defined]
        row.is_missing = due is not None and (  # type: ignore[attr-defined]
            latest_end is None or latest_end < due.end
        )
    return rows


def not_entered(user: AnyUser, today: dt.date) -> list[Indicator]:
    """Indicators in the user's editing scope with no value yet for their latest due period."""
    from stocktake.accounts.models import Capability
    from stocktake.accounts.selectors import scopes_with

    if getattr(user, "is_superuser", False):
        scope = Q(organisation__kind="council")
    else:
        organisations, units = scopes_with(user, Capability.EDIT_ALL)
        scope = Q(organisation_id__in=organisations) | Q(unit_id__in=units)
    qs = (
        Indicator.objects.filter(scope)
        .select_related("definition", "unit", "organisation", "owner_person", "owner_post")
        .with_latest()
        .order_by("organisation__name", "definition__code")
    )
    rows = _mark_due(_decorate(list(qs)), today)
    return [row for row in rows if getattr(row, "is_missing", False)]


def measurement_for(indicator: Indicator, period: Period) -> Measurement | None:
    """The value already entered for exactly this period, if any."""
    return Measurement.objects.filter(
        organisation_id=indicator.organisation_id,
        indicator=indicator,
        period_start=period.start,
        period_end=period.end,
    ).first()
