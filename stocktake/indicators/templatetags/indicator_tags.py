"""Presentation filters: a stored status or direction in, an accessible tag out."""

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


@register.filter
def profile_words(target: object, combine: str) -> str:
    """A target's year-to-date profile in words: milestones, or the annual figure each quarter."""
    from stocktake.indicators.models import Target
    from stocktake.indicators.profiles import BUILDS_UP, has_profile, profile_of

    if not isinstance(target, Target) or target.value is None:
        return "—"
    if combine not in BUILDS_UP:
        return "The annual figure applies to each quarter"
    if not has_profile(target):
        return "None set"
    return ", ".join(
        f"Q{n}: {v.normalize():f}" if v is not None else f"Q{n}: —"
        for n, v in enumerate(profile_of(target, combine), start=1)
    )
