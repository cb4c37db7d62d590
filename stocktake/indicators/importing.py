"""Indicators found by the document importer become definitions, indicators, baselines, targets.

The lead calls `save_indicators_from_preview` from `stocktake/imports/save.py` inside the
import's transaction. National codes ("NI 14") share one definition across councils; anything
else is local to the importing council. What a paper leaves out (an owner, a direction, a
tolerance) is flagged on the indicator for a person to review, never guessed silently.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.fuzzydates import parse_period
from stocktake.core.recording import Actor
from stocktake.imports.owners import OwnerResolver
from stocktake.plans.models import Plan, Section

from . import services
from .models import Indicator, IndicatorDefinition

KIND = "indicator"
# A number, maybe a % sign, maybe a remark in brackets: "90%", "12.11", "15.3% (tentative …)".
_NUMBER = re.compile(r"^\s*(-?\d[\d,]*(?:\.\d+)?)\s*(%?)\s*(?:\((.*)\))?\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(-?\d[\d,]*(?:\.\d+)?)\s*%?\s*(.*)$")
_NATIONAL = re.compile(r"^NI\s*\d+", re.IGNORECASE)
_LOWER_WORDS = ("reduce", "avoidable", "crime rate", "perceptions of anti-social")
_ACCUMULATIVE = ("accumulative", "cumulative")


def number(text: str) -> tuple[Decimal | None, str]:
    """A numeric target or baseline and any remark with it; (None, text) when not a number."""
    found = _NUMBER.match(text or "")
    if found is None:
        return None, text.strip()
    try:
        return Decimal(found.group(1).replace(",", "")), (found.group(3) or "").strip()
    except InvalidOperation:
        return None, text.strip()


def _looks_like_date(text: str) -> bool:
    return parse_period(text) is not None and not _NUMBER.match(text)


def _guess(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Definition fields the paper implies, and flags saying which were guessed."""
    title = item.get("title") or item.get("text") or ""
    targets = [str(t.get("value") or "") for t in item.get("targets") or []]
    numeric = [t for t in targets if number(t)[0] is not None]
    words = f"{title} {' '.join(b.get('value') or '' for b in item.get('baselines') or [])}"
    flags = ["polarity_guessed"]
    fields: dict[str, Any] = {"frequency": IndicatorDefinition.Frequency.QUARTERLY}
    if "%" in title or any(t.strip().endswith("%") for t in numeric):
        fields |= {"data_type": IndicatorDefinition.DataType.PERCENTAGE, "decimal_places": 1}
        fields["combine"] = IndicatorDefinition.Combine.AVERAGE
    elif targets and not numeric and all(_looks_like_date(t) for t in targets):
        fields |= {
            "data_type": IndicatorDefinition.DataType.MILESTONE,
            "frequency": IndicatorDefinition.Frequency.ANNUAL,
        }
    if any(w in words.lower() for w in _ACCUMULATIVE):
        fields["combine"] = IndicatorDefinition.Combine.RUNNING_TOTAL
    if "survey" in words.lower():
        fields["frequency"] = IndicatorDefinition.Frequency.SURVEY
    values = [number(t)[0] for t in numeric]
    falling = len(values) > 1 and values[-1] is not None and values[0] is not None
    if any(w in title.lower() for w in _LOWER_WORDS) or (falling and values[-1] < values[0]):  # type: ignore[operator]
        fields["polarity"] = IndicatorDefinition.Polarity.LOWER
    area = (item.get("area") or "").strip()
    if area:
        scope = "county" if "county" in area.lower() else "districts"
        fields |= {"area_scope": scope, "area_note": area[:200]}
    return fields, flags


def _clean_title(item: dict[str, Any]) -> str:
    """The title without a bracketed baseline such as "(2008 = 33.9%)"; wording stays."""
    title = str(item.get("title") or item.get("text") or "").strip()
    for baseline in item.get("baselines") or []:
        text = str(baseline.get("text") or "")
        if text.startswith("(") and text in title:
            title = title.replace(text, "")
    return " ".join(title.split())[:300]


def _definition(
    item: dict[str, Any], organisation: Organisation, by: Actor
) -> tuple[IndicatorDefinition, list[str]]:
    code = str(item.get("code") or "").strip()[:30]
    title = _clean_title(item)
    national = bool(_NATIONAL.match(code))
    owner = None if national else organisation
    found = (
        (
            IndicatorDefinition.objects.filter(organisation=owner, code=code)
            if code
            else IndicatorDefinition.objects.filter(organisation=owner, code="", title=title)
        )
        .order_by("-version")
        .first()
    )
    fields, flags = _guess(item)
    if found is not None:
        return found, []
    family = IndicatorDefinition.Family.NATIONAL if national else IndicatorDefinition.Family.LOCAL
    definition = services.definition_create(
        organisation=owner, code=code, title=title, family=family, by=by, **fields
    )
    return definition, flags


def _owners(
    names: list[str], resolver: OwnerResolver
) -> tuple[Person | None, Post | None, list[Person]]:
    person: Person | None = None
    post: Post | None = None
    updaters: list[Person] = []
    for index, name in enumerate(names):
        owner = resolver.resolve(name)
        if index == 0 and isinstance(owner, Person):
            person = owner
        elif index == 0 and isinstance(owner, Post):
            post = owner
        elif isinstance(owner, Person):
            updaters.append(owner)
    return person, post, updaters


def save_indicators_from_preview(
    *, items: list[dict[str, Any]], organisation: Organisation, plan: Plan | None, by: Actor
) -> int:
    """Save the preview's items of kind "indicator"; returns how many indicators were created.

    Items of other kinds are ignored. An indicator the council already tracks (same definition)
    is left as it is, so saving the same paper twice does not duplicate it. Call inside the
    import's transaction: it is all or nothing with the rest of the import.
    """
    resolver = OwnerResolver(organisation)
    sections: dict[str, Section] = {}
    if plan is not None:
        for section in Section.objects.filter(organisation=organisation, plan=plan):
            sections.setdefault(section.title, section)
    created = 0
    for position, item in enumerate(i for i in items if i.get("kind") == KIND):
        definition, flags = _definition(item, organisation, by)
        if Indicator.objects.filter(organisation=organisation, definition=definition).exists():
            continue
        person, post, updaters = _owners(list(item.get("owners") or []), resolver)
        if person is None and post is None:
            flags.append("unassigned")
        flags.append("tolerance_not_set")
        indicator = services.indicator_create(
            organisation=organisation,
            definition=definition,
            plan=plan,
            unit=plan.unit if plan is not None else None,
            section=sections.get(str(item.get("section") or "")),
            owner_person=person,
            owner_post=post,
            owner_text=str(item.get("owner") or "")[:300],
            updaters=updaters,
            flags=flags + list(item.get("flags") or []),
            position=position,
            by=by,
        )
        _baselines_and_targets(indicator, item, by)
        created += 1
    return created


def _baselines_and_targets(indicator: Indicator, item: dict[str, Any], by: Actor) -> None:
    for baseline in item.get("baselines") or []:
        value, remark = number(str(baseline.get("value") or ""))
        if value is None:
            found = _LEADING_NUMBER.match(str(baseline.get("value") or ""))
            if found and found.group(1):
                value, remark = Decimal(found.group(1).replace(",", "")), found.group(2)
        services.baseline_add(
            indicator=indicator,
            period_label=str(baseline.get("period") or "")[:50],
            value=value,
            value_text="" if value is not None else str(baseline.get("value") or "")[:200],
            note=" ".join(filter(None, [remark, baseline.get("source") or ""]))[:500],
            by=by,
        )
    for target in item.get("targets") or []:
        period = parse_period(str(target.get("period") or ""))
        text = str(target.get("value") or "").strip()
        if period is None or not text or text == "-":
            continue
        value, remark = number(text)
        services.target_set(
            indicator=indicator,
            period=period,
            value=value,
            text=(remark if value is not None else text)[:300],
            name="laa"
            if indicator.definition.family == IndicatorDefinition.Family.LAA
            else "local",
            by=by,
        )
