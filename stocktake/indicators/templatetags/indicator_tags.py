"""Presentation filters: a stored status or direction in, an accessible tag out."""

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

STATUS_TAGS = {
    "green": ("Green", "govuk-tag--green"),
    "amber": ("Amber", "govuk-tag--orange"),
    "red": ("Red", "govuk-tag--red"),
    "data_only": ("Data only", "govuk-tag--grey"),
    "no_data": ("No data", "govuk-tag--grey"),
}

# The symbol is decoration; the words carry the meaning for screen readers and in print.
DIRECTIONS = {
    "improving": ("↑", "Improving"),
    "no_change": ("→", "No significant change"),
    "worsening": ("↓", "Worsening"),
    "not_comparable": ("–", "Not comparable"),
}


@register.filter
def pi_status(value: object) -> SafeString:
    label, modifier = STATUS_TAGS.get(str(value or "no_data"), STATUS_TAGS["no_data"])
    return format_html('<strong class="govuk-tag {}">{}</strong>', modifier, label)


@register.filter
def pi_status_label(value: object) -> str:
    return STATUS_TAGS.get(str(value or "no_data"), STATUS_TAGS["no_data"])[0]


@register.filter
def pi_direction(value: object) -> SafeString:
    symbol, label = DIRECTIONS.get(str(value or "not_comparable"), DIRECTIONS["not_comparable"])
    return format_html(
        '<span class="st-direction st-direction--{}"><span aria-hidden="true">{}</span> {}</span>',
        value or "not_comparable",
        symbol,
        label,
    )


@register.filter
def sentence(explanation: object, key: str) -> str:
    """The plain-English sentence stored with a status or direction."""
    if not isinstance(explanation, dict):
        return ""
    part = explanation.get(key)
    return str(part.get("sentence", "")) if isinstance(part, dict) else ""


# Where a figure that does not build up applies to every reporting period of the year.
_EACH = {"monthly": "each month", "quarterly": "each quarter"}


@register.filter
def profile_words(target: object, definition: object) -> str:
    """A target's year-to-date profile in words: milestones, or the annual figure each period."""
    from stocktake.indicators.models import IndicatorDefinition, Target
    from stocktake.indicators.profiles import BUILDS_UP, has_profile, profile_of

    if not isinstance(target, Target) or not isinstance(definition, IndicatorDefinition):
        return "—"
    yearly = (target.period_end - target.period_start).days > 300
    if target.value is None or not yearly:
        return "—"
    if definition.combine not in BUILDS_UP:
        each = _EACH.get(definition.frequency)
        return f"The annual figure applies to {each}" if each else "—"
    if not has_profile(target):
        return "None set"
    return ", ".join(
        f"Q{n}: {definition.style.show(v, exact=True)}" if v is not None else f"Q{n}: —"
        for n, v in enumerate(profile_of(target, definition.combine), start=1)
    )


@register.filter
def styled(value: object, definition: object) -> str:
    """A target, forecast or other figure with the indicator's unit, exactly as entered."""
    from stocktake.indicators.models import IndicatorDefinition

    if not isinstance(value, Decimal) or not isinstance(definition, IndicatorDefinition):
        return "" if value is None else str(value)
    return definition.style.show(value, exact=True)


@register.filter
def tolerance_words(target: object, definition: object) -> str:
    """How far from the target still counts as amber, in the indicator's unit or per cent."""
    from stocktake.indicators.models import IndicatorDefinition, Target
    from stocktake.indicators.style import plain

    if not isinstance(target, Target) or target.tolerance is None:
        return "None set"
    if target.tolerance_kind == Target.ToleranceKind.PERCENT:
        return f"{plain(target.tolerance)}% of target"
    if isinstance(definition, IndicatorDefinition):
        return definition.style.amount(target.tolerance)
    return plain(target.tolerance)
