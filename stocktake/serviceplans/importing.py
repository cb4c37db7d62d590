"""A service plan from a plan the document importer has already saved.

The importer keeps the paper's own words as the plan's narrative (heading and text, in
order). Here each heading, and each short line inside the text that is exactly a heading
("a) External Drivers"), is matched against the template's section headings and aliases;
what follows belongs to that section until the next match. Text under headings that match
nothing continues the section before (papers break lists oddly), except a numbered heading
("11. Something else"), which is noted on the plan for a person to place. The words are then
shaped by the section's kind: bullets become items, "Label … | Label …" rows become grid
cells, "1 x Post" lines under "The … Team" become workforce rows. Link sections list the
plan's tracked items: objectives, actions (by the heading they sit under), indicators,
risks and equality assessments.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from stocktake.accounts.models import Unit
from stocktake.core.recording import Actor, save_recorded
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Plan, Section
from stocktake.risks.models import EqualityAssessment, Risk

from . import services
from .document import grid_label
from .models import Kind, LinkKind, ServicePlan, TemplateSection

_REF = re.compile(r"^\s*(?:\(?[a-z]{1,2}\)|\(?\d{1,2}[.)]|\(?[ivx]{1,4}\))\s+", re.I)
_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+\S")
_BULLET = re.compile(r"^\s*[•❑▪◦*]\s*(?:❑\s*)?")
_FTE = re.compile(r"^(\d+(?:\.\d+)?)\s*x\s+(.+)$", re.I)
_TEAM = re.compile(r"^(?:[Tt]he\s+)?([A-Z][A-Za-z&' ]*?\s[Tt]eam)\b")
_LABEL = re.compile(r"^([A-Za-z]+)\s+(.*)$", re.S)
_LIST_INTRO = (":", "-", "–", "—", ":-")
MAX_HEADING_WORDS = 10


def heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", _REF.sub("", text).lower()).split())


def _names(section: TemplateSection) -> list[str]:
    return [k for k in (heading_key(a) for a in [section.heading, *section.aliases]) if k]


def match_heading(
    text: str, sections: list[TemplateSection], *, exact: bool = False
) -> TemplateSection | None:
    """The section a heading names; the longest alias wins. Inside text only exact matches."""
    key = heading_key(text)
    if not key or len(key.split()) > MAX_HEADING_WORDS:
        return None
    best, best_length = None, 0
    for section in sections:
        for name in _names(section):
            hit = key == name if exact else f" {name} " in f" {key} "
            if hit and len(name) > best_length:
                best, best_length = section, len(name)
    return best


def _looks_like_heading(line: str) -> bool:
    return (
        not _BULLET.match(line)
        and len(line.split()) <= MAX_HEADING_WORDS
        and not line.rstrip().endswith((".", ","))
    )


def place_narrative(
    narrative: list[tuple[str, str]], sections: list[TemplateSection]
) -> tuple[dict[str, list[str]], list[str]]:
    """Lines for each section key, and the headings that could not be placed."""
    placed: dict[str, list[str]] = {}
    unplaced: list[str] = []
    current: TemplateSection | None = None
    for heading, text in narrative:
        found = match_heading(heading, sections) if heading.strip() else None
        if found is not None:
            current = found
        elif _NUMBERED.match(heading):
            current = None
            unplaced.append(heading.strip())
        elif heading.strip() and current is not None:
            placed.setdefault(current.key, []).append(heading.strip())
        for line in text.splitlines():
            if not line.strip():
                continue
            inner = match_heading(line, sections, exact=True) if _looks_like_heading(line) else None
            if inner is not None:
                current = inner
                continue
            if current is not None and current.import_text:
                placed.setdefault(current.key, []).append(line.strip())
    return placed, unplaced


def _bullet(line: str) -> str | None:
    return _BULLET.sub("", line).strip(" ,;") if _BULLET.match(line) else None


def _grid(lines: list[str], labels: list[str]) -> dict[str, Any]:
    cells: dict[str, list[str]] = {}
    text: list[str] = []
    by_column: dict[int, str] = {}
    for line in lines:
        parts = [p.strip() for p in line.split(" | ")]
        started = False
        for index, part in enumerate(parts):
            m = _LABEL.match(part)
            label = grid_label(m[1], labels) if m else None
            if label is not None and m is not None:
                by_column[index], value, started = label, m[2], True
            elif len(parts) > 1 and index in by_column:
                label, value, started = by_column[index], part, True
            else:
                continue
            cells.setdefault(label, []).append(value)
        if not started:
            text.append(line)
    return {"text": "\n".join(text), "cells": {k: " ".join(v) for k, v in cells.items()}}


def _table(lines: list[str], columns: list[str]) -> dict[str, Any]:
    names = [c.lower() for c in columns]
    rows: list[list[str]] = []
    text: list[str] = []
    team = ""
    counted = "fte" in names
    for line in lines:
        plain = _bullet(line) or line.strip()
        fte = _FTE.match(plain) if counted else None
        if fte is not None:
            row = [""] * len(columns)
            row[names.index("fte")] = fte[1]
            if "post" in names:
                row[names.index("post")] = fte[2].strip()
            if "team" in names:
                row[names.index("team")] = team
            rows.append(row)
            continue
        if counted and line.rstrip().endswith(_LIST_INTRO) and (m := _TEAM.match(plain)):
            team = m[1].strip()
        if not counted and _bullet(line):
            rows.append([plain] + [""] * (len(columns) - 1))
            continue
        text.append(line)
    return {"text": "\n".join(text), "rows": rows}


def shape(section: TemplateSection, lines: list[str]) -> dict[str, Any]:
    """The section's content, from its lines, in the shape of its kind."""
    if section.kind == Kind.BULLETS:
        items = [b for line in lines if (b := _bullet(line))]
        return {"text": "\n".join(x for x in lines if not _bullet(x)), "items": items}
    if section.kind in (Kind.PESTLE, Kind.SWOT):
        return _grid(lines, list(section.columns))
    if section.kind == Kind.TABLE:
        return _table(lines, list(section.columns))
    return {"text": "\n".join(f"• {b}" if (b := _bullet(x)) else x for x in lines)}


def _action_section(
    section_id: int | None,
    tree: dict[int, Section],
    action_sections: list[TemplateSection],
) -> TemplateSection:
    """The actions section named by the heading an action sits under, or by one above it."""
    while section_id is not None and section_id in tree:
        found = match_heading(tree[section_id].title, action_sections)
        if found is not None:
            return found
        section_id = tree[section_id].parent_id
    return action_sections[-1]


def _links(plan: Plan, sections: list[TemplateSection]) -> dict[str, list[Any]]:
    by_kind: dict[str, list[TemplateSection]] = {}
    for section in sections:
        if section.kind == Kind.LINKS:
            by_kind.setdefault(section.link_kind, []).append(section)
    links: dict[str, list[Any]] = {}

    def put(kind: str, items: list[Any]) -> None:
        if by_kind.get(kind):
            links.setdefault(by_kind[kind][0].key, []).extend(items)

    tree = {s.pk: s for s in plan.sections.all()}
    put(LinkKind.OBJECTIVES, [s for s in tree.values() if s.parent_id is not None])
    if action_sections := by_kind.get(LinkKind.ACTIONS):
        for action in plan.actions.order_by("position", "id"):
            target = _action_section(action.section_id, tree, action_sections)
            links.setdefault(target.key, []).append(action)
    organisation = plan.organisation_id
    put(LinkKind.INDICATORS, list(Indicator.objects.filter(organisation=organisation, plan=plan)))
    put(LinkKind.RISKS, list(Risk.objects.filter(organisation=organisation, plan=plan)))
    put(
        LinkKind.EQUALITY,
        list(EqualityAssessment.objects.filter(organisation=organisation, plan=plan)),
    )
    return links


@transaction.atomic
def service_plan_from_imported_plan(*, plan: Plan, unit: Unit, year: int, by: Actor) -> ServicePlan:
    """A draft service plan for `unit` and `year` (2009 = 2009/10) filled from an imported plan.

    Narrative sections are filled by matching headings; link sections list the plan's
    tracked items. Headings that could not be placed are kept in `import_notes`.
    """
    service_plan = services.service_plan_create(
        organisation=plan.organisation, unit=unit, year=year, tracked_plan=plan, by=by
    )
    contents = list(service_plan.contents.select_related("section", "service_plan"))
    sections = [c.section for c in contents]
    narrative = list(plan.narrative.order_by("position", "id").values_list("heading", "text"))
    placed, unplaced = place_narrative(narrative, sections)
    links = _links(plan, sections)
    for content in contents:
        section = content.section
        if section.key in placed:
            services.section_save(
                content=content,
                data=shape(section, placed[section.key]),
                by=by,
                enforce_rules=False,
            )
        if section.key in links:
            services.section_links_set(
                content=content, items=links[section.key], by=by, enforce_rules=False
            )
    if unplaced:
        service_plan.import_notes = "Headings not placed in a section: " + "; ".join(unplaced)
        save_recorded(service_plan, by)
    return service_plan
