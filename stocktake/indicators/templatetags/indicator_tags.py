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
