"""Presentation filters for GOV.UK tags: a value in, an escaped <strong> out."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

RAG_LABELS = {
    "blue": "Complete",
    "green": "On track",
    "amber": "At risk",
    "red": "Off track",
    "none": "No RAG",
}

# Blue is the tag's default colour, so in_progress needs no modifier.
STATUS_TAGS = {
    "not_started": ("Not started", "govuk-tag--grey"),
    "in_progress": ("In progress", ""),
    "ongoing": ("Ongoing", "govuk-tag--teal"),
    "on_hold": ("On hold", "govuk-tag--yellow"),
    "complete": ("Complete", "govuk-tag--green"),
    "superseded": ("Superseded", "govuk-tag--purple"),
    "transferred": ("Transferred", "govuk-tag--magenta"),
    "cancelled": ("Cancelled", "govuk-tag--red"),
    "unknown": ("Unknown", "govuk-tag--grey"),
}


@register.filter
def rag_tag(value: object) -> SafeString:
    """`{{ action.rag|rag_tag }}`; an empty value shows as "No RAG"."""
    key = str(value or "none")
    if key not in RAG_LABELS:
        return format_html('<strong class="govuk-tag st-rag--none">{}</strong>', key)
    return format_html('<strong class="govuk-tag st-rag--{}">{}</strong>', key, RAG_LABELS[key])


@register.filter
def status_tag(value: object) -> SafeString:
    """`{{ action.status|status_tag }}`; an unrecognised value is shown as itself, grey."""
    key = str(value or "unknown")
    label, modifier = STATUS_TAGS.get(key, (key, "govuk-tag--grey"))
    classes = f"govuk-tag {modifier}" if modifier else "govuk-tag"
    return format_html('<strong class="{}">{}</strong>', classes, label)
