"""Presentation of risk scores: the score and its band in words as well as colour."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from stocktake.risks.models import ScoringMatrix

register = template.Library()

_LABELS = {"green": "Low", "amber": "Medium", "red": "High"}


@register.simple_tag
def score_tag(matrix: ScoringMatrix, score: int | None) -> SafeString:
    """`{% score_tag risk.matrix risk.residual_score %}`: e.g. "6 High" on red."""
    band = matrix.band(score)
    if score is None:
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', "Not scored")
    return format_html(
        '<strong class="govuk-tag st-rag--{}">{} {}</strong>', band, score, _LABELS[band]
    )


@register.simple_tag
def level(matrix: ScoringMatrix, axis: str, value: int | None) -> str:
    """The name of a likelihood or impact level, e.g. "Medium"."""
    return matrix.level_name(axis, value) or "—"
