"""Words for the codes stored on contacts, feedback and checks: pages show "Face to face",
"Council Tax" and "25 to 44", never face_to_face, CTAX or 25_44. An unknown code (one dropped
from the lists since it was stored) shows as itself rather than vanishing."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from ..choices import Channel
from ..models_feedback import AgeBand, Rating
from ..servicelist import SERVICES

register = template.Library()

CHANNELS: dict[str, str] = {code: str(label) for code, label in Channel.choices}
SERVICE_NAMES: dict[str, str] = dict(SERVICES)
AGE_BANDS: dict[str, str] = {code: str(label) for code, label in AgeBand.choices}
RATINGS: dict[str, str] = {code: str(label) for code, label in Rating.choices}


@register.filter
def channel_label(code: str) -> str:
    return CHANNELS.get(code, code)


@register.filter
def service_name(code: str) -> str:
    return SERVICE_NAMES.get(code, code)


@register.filter
def ratings_summary(ratings: Mapping[str, int]) -> str:
    """{"poor": 2, "good": 5} → "Good 5, Poor 2", in the order of the rating scale."""
    order = [*RATINGS, *sorted(set(ratings) - set(RATINGS))]
    return ", ".join(f"{RATINGS.get(r, r)} {ratings[r]}" for r in order if r in ratings)


@register.filter
def by_age_band(bands: Mapping[str, Mapping[str, int]]) -> list[tuple[str, Mapping[str, int]]]:
    """Age band code → ratings, as (label, ratings) youngest first; anything else (such as
    "Not answered") after the bands."""
    known = [(AGE_BANDS[code], bands[code]) for code in AGE_BANDS if code in bands]
    rest = [(name, ratings) for name, ratings in bands.items() if name not in AGE_BANDS]
    return known + sorted(rest, key=lambda item: item[0])
