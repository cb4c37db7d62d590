"""Writes for service plans: the template, plans, section contents, links and comments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from stocktake.accounts.models import Organisation, Unit
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans.models import Plan

from . import rules
from .defaults import DEFAULT_SECTIONS
from .models import (
    Comment,
    Kind,
    LinkKind,
    SectionContent,
    ServicePlan,
    Template,
    TemplateSection,
    year_label,
)

# SectionContent's many-to-many field for each kind of tracked item.
LINK_FIELDS = {
    LinkKind.OBJECTIVES: "objectives",
    LinkKind.ACTIONS: "actions",
    LinkKind.INDICATORS: "indicators",
    LinkKind.RISKS: "risks",
    LinkKind.EQUALITY: "assessments",
}


@transaction.atomic
def template_ensure(*, organisation: Organisation, by: Actor) -> Template:
    """The council's default template, created in the standard shape the first time."""
    found = Template.objects.filter(organisation=organisation, is_default=True).first()
    if found is not None:
        return found
    template = Template(organisation=organisation, name="Service plan", is_default=True)
    save_recorded(template, by)
    for position, spec in enumerate(DEFAULT_SECTIONS):
        template_section_add(template=template, position=position, by=by, **spec)
    return template


@transaction.atomic
def template_section_add(
    *, template: Template, key: str, heading: str, kind: str, by: Actor, **fields: Any
) -> TemplateSection:
    if "position" not in fields:
        fields["position"] = template.sections.count()
    section = TemplateSection(
        organisation_id=template.organisation_id,
        template=template,
        key=key,
        heading=heading,
        kind=kind,
        **fields,
    )
    save_recorded(section, by)
    return section


@transaction.atomic
def template_section_edit(*, section: TemplateSection, by: Actor, **changes: Any) -> None:
    """Change a template section. When a table's columns change, every plan's rows under it
    are reshaped to match, so no figure ends up under another column's heading."""
    before = list(section.columns or [])
    for name, value in changes.items():
        setattr(section, name, value)
    save_recorded(section, by)
    after = list(section.columns or [])
    if section.kind == Kind.TABLE and after != before:
        for content in SectionContent.objects.filter(section=section):
            rows = reshaped_rows(content.content.get("rows") or [], before, after, renames=True)
            content.content = {**content.content, "rows": rows}
            save_recorded(content, by)


def reshaped_rows(
    rows: list[list[str]], before: list[str], after: list[str], *, renames: bool
) -> list[list[str]]:
    """Rows under new columns: a cell follows its column's name; with ``renames`` and as many
    columns as before, a column whose name is new takes the cells of the one it replaced; a
    column added fresh starts blank, and a column taken away takes its cells with it."""
    where = {label: i for i, label in enumerate(before)}
    sources: list[int | None] = []
    for j, label in enumerate(after):
        if label in where:
            sources.append(where[label])
        elif renames and len(before) == len(after) and before[j] not in after:
            sources.append(j)
        else:
            sources.append(None)
    return [[row[i] if i is not None and i < len(row) else "" for i in sources] for row in rows]


def empty_content(kind: str) -> dict[str, Any]:
    content: dict[str, Any] = {"text": ""}
    if kind == Kind.BULLETS:
        content["items"] = []
    elif kind in (Kind.PESTLE, Kind.SWOT):
        content["cells"] = {}
    elif kind == Kind.TABLE:
        content["rows"] = []
    return content


@transaction.atomic
def service_plan_create(
    *,
    organisation: Organisation,
    unit: Unit,
    year: int,
    by: Actor,
    title: str = "",
    tracked_plan: Plan | None = None,
    previous: ServicePlan | None = None,
) -> ServicePlan:
    """A draft plan with an empty content for every section of the council's template."""
    exists = ServicePlan.objects.filter(organisation=organisation, unit=unit, year=year).exists()
    rules.one_plan_a_year(exists, year_label(year))
    template = template_ensure(organisation=organisation, by=by)
    plan = ServicePlan(
        organisation=organisation,
        unit=unit,
        template=template,
        year=year,
        title=title or f"Service plan for {unit.name} {year_label(year)}",
        tracked_plan=tracked_plan,
        previous=previous,
    )
    save_recorded(plan, by)
    SectionContent.objects.bulk_create(
        SectionContent(
            organisation=organisation,
            service_plan=plan,
            section=section,
            content=empty_content(section.kind),
        )
        for section in template.sections.all()
    )
    return plan


def clean_content(kind: str, content: dict[str, Any], width: int) -> dict[str, Any]:
    """Content of the section's shape: stripped text, no empty items, rows of the right width."""
    cleaned = empty_content(kind)
    cleaned["text"] = str(content.get("text") or "").strip()
    if kind == Kind.BULLETS:
        cleaned["items"] = [str(i).strip() for i in content.get("items") or [] if str(i).strip()]
    elif kind in (Kind.PESTLE, Kind.SWOT):
        cells = content.get("cells") or {}
        cleaned["cells"] = {k: str(v).strip() for k, v in cells.items() if str(v).strip()}
    elif kind == Kind.TABLE:
        rows = [[str(c).strip() for c in row][:width] for row in content.get("rows") or []]
        cleaned["rows"] = [row + [""] * (width - len(row)) for row in rows if any(row)]
    return cleaned


class SectionChanged(Exception):
    """Someone saved the section after the editor opened it: nothing was saved."""


@transaction.atomic
def section_save(
    *,
    content: SectionContent,
    by: Actor,
    data: dict[str, Any],
    enforce_rules: bool = True,
    seen_version: dt.datetime | None = None,
) -> SectionContent:
    """Save what a section says. Imports and roll-forward pass enforce_rules=False. With
    seen_version (the updated_at the editor's page showed), a later save by anyone else stops it
    with SectionChanged rather than overwriting their words."""
    if enforce_rules:
        rules.plan_editable(content.service_plan.status)
    if seen_version is not None:
        stored = SectionContent.objects.select_for_update().filter(pk=content.pk)
        if stored.values_list("updated_at", flat=True).get() != seen_version:
            raise SectionChanged
    section = content.section
    content.content = clean_content(section.kind, data, len(section.columns))
    content.needs_review = False
    save_recorded(content, by)
    return content


@transaction.atomic
def section_links_set(
    *, content: SectionContent, items: list[Any], by: Actor, enforce_rules: bool = True
) -> None:
    """Which tracked items a link section lists (objectives, actions, indicators, risks…)."""
    if enforce_rules:
        rules.plan_editable(content.service_plan.status)
    field = LINK_FIELDS[LinkKind(content.section.link_kind)]
    getattr(content, field).set(items)
    save_recorded(content, by)


def linked(content: SectionContent) -> Any:
    """The queryset of items a link section lists."""
    return getattr(content, LINK_FIELDS[LinkKind(content.section.link_kind)])


@transaction.atomic
def comment_add(
    *, service_plan: ServicePlan, text: str, by: Actor, section: TemplateSection | None = None
) -> Comment:
    rules.comment_needs_text(text)
    comment = Comment(
        organisation_id=service_plan.organisation_id,
        service_plan=service_plan,
        section=section,
        text=text.strip(),
        by=acting_user(by),
    )
    comment.save()
    return comment
