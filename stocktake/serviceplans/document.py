"""A service plan as one plain structure: the page, the Word and PDF files, the versions and
their comparison are all made from it, so they always say the same thing."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from stocktake.indicators.models import Indicator, Target
from stocktake.indicators.style import Style
from stocktake.plans.models import Action, ProgressStatus, Section

from .defaults import LABEL_ALIASES
from .models import Kind, LinkKind, SectionContent, ServicePlan, year_label

_YEAR = re.compile(r"\{year([+-]\d)?\}")

LINK_COLUMNS: dict[str, list[str]] = {
    LinkKind.OBJECTIVES: ["Objective", "Part of", "Council aims and approaches"],
    LinkKind.ACTIONS: [
        "Action",
        "Steps",
        "Supporting information",
        "Completion by",
        "Responsible officer",
        "Status",
    ],
    LinkKind.INDICATORS: [
        "Supporting objective",
        "Indicator or milestone",
        "{year}",
        "{year+1}",
        "{year+2}",
        "Lead officer",
    ],
    LinkKind.RISKS: ["Ref", "Risk", "Score", "Owner", "Status"],
    LinkKind.EQUALITY: ["Policy or function", "Priority", "Due", "Status"],
}


def columns_for(columns: list[str], year: int) -> list[str]:
    """Column names with "{year}", "{year+1}", "{year-1}" as financial years of the plan."""
    return [_YEAR.sub(lambda m: year_label(year + int(m[1] or 0)), c) for c in columns]


def grid_label(label: str, labels: list[str]) -> str | None:
    """The configured grid label a paper's label stands for ("Legislation" → "Legislative")."""
    key = label.strip().lower()
    for known in labels:
        if known.lower() == key:
            return known
    alias = LABEL_ALIASES.get(key)
    return alias if alias in labels else None


def _contents(plan: ServicePlan) -> list[SectionContent]:
    actions = Action.objects.select_related("plan").prefetch_related(
        "milestones",
        "ownerships__person",
        "ownerships__post",
        "ownerships__organisation",
    )
    indicators = Indicator.objects.select_related(
        "definition", "section", "owner_person", "owner_post"
    ).prefetch_related(Prefetch("targets", queryset=Target.objects.filter(is_primary=True)))
    return list(
        plan.contents.select_related("section").prefetch_related(
            Prefetch("objectives", queryset=Section.objects.select_related("parent")),
            "objectives__priorities",
            Prefetch("actions", queryset=actions),
            Prefetch("indicators", queryset=indicators),
            "risks",
            "assessments",
        )
    )


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _target(indicator: Indicator, year: int) -> str:
    start = dt.date(year, 4, 1)
    for target in indicator.targets.all():
        if target.period_start == start:
            if target.text:
                return target.text
            if target.value is not None:
                definition = indicator.definition
                style = Style(definition.data_type, definition.decimal_places, definition.unit)
                return style.show(target.value, exact=True)
    return ""


def _action_row(action: Action) -> list[str]:
    steps = "\n".join(
        f"{m.ref + '. ' if m.ref else ''}{m.text}{f' ({m.due_text})' if m.due_text else ''}"
        for m in action.milestones.all()
    )
    supporting = "\n".join(
        f"{label}: {value}"
        for label, value in [
            ("Additional resources required", action.resources),
            ("Outputs", action.outputs),
            ("Outcomes", action.outcomes),
            ("Risks", action.risks),
            ("Other services affected", action.other_services),
        ]
        if value
    )
    owners = action.owner_text or ", ".join(str(o.owner) for o in action.ownerships.all())
    status = ProgressStatus(action.progress_status).label
    return [action.text, steps, supporting, action.due_text, owners, status]


def link_rows(content: SectionContent, year: int) -> list[list[str]]:
    kind = content.section.link_kind
    if kind == LinkKind.OBJECTIVES:
        return [
            [
                s.title,
                s.parent.title if s.parent else "",
                ", ".join(p.code for p in s.priorities.all()),
            ]
            for s in sorted(content.objectives.all(), key=lambda s: (s.position, s.pk))
        ]
    if kind == LinkKind.ACTIONS:
        actions = sorted(content.actions.all(), key=lambda a: (a.position, a.pk))
        return [_action_row(a) for a in actions]
    if kind == LinkKind.INDICATORS:
        return [
            [
                i.section.title if i.section else "",
                f"{i.definition.code} – {i.definition.title}"
                if i.definition.code
                else i.definition.title,
                *(_target(i, year + k) for k in range(3)),
                i.owner_name,
            ]
            for i in sorted(content.indicators.all(), key=lambda i: (i.position, i.pk))
        ]
    if kind == LinkKind.RISKS:
        return [
            [
                r.ref,
                r.title,
                r.score_text or str(r.residual_score or ""),
                r.owner_text,
                r.get_status_display(),
            ]
            for r in sorted(content.risks.all(), key=lambda r: (r.position, r.pk))
        ]
    return [
        [a.title, a.get_priority_display(), a.due_text, a.get_status_display()]
        for a in sorted(content.assessments.all(), key=lambda a: (a.position, a.pk))
    ]


def section_document(content: SectionContent, year: int) -> dict[str, Any]:
    section = content.section
    data = content.content or {}
    entry: dict[str, Any] = {
        "key": section.key,
        "uuid": str(content.uuid),
        "heading": section.heading,
        "kind": section.kind,
        "link_kind": section.link_kind,
        "text": data.get("text") or "",
        "needs_review": content.needs_review,
    }
    if section.kind == Kind.BULLETS:
        entry["points"] = list(data.get("items") or [])
    elif section.kind in (Kind.PESTLE, Kind.SWOT):
        cells = data.get("cells") or {}
        labels = list(section.columns) + [k for k in cells if k not in section.columns]
        entry["cells"] = [[label, cells.get(label, "")] for label in labels]
    elif section.kind == Kind.TABLE:
        entry["columns"] = columns_for(section.columns, year)
        entry["rows"] = [list(r) for r in data.get("rows") or []]
    elif section.kind == Kind.LINKS:
        entry["columns"] = columns_for(LINK_COLUMNS[section.link_kind], year)
        entry["rows"] = link_rows(content, year)
    return entry


def plan_document(plan: ServicePlan) -> dict[str, Any]:
    """Everything the plan says, in template order, as plain lists and strings."""
    return {
        "title": plan.title,
        "organisation": plan.organisation.name,
        "unit": plan.unit.name,
        "year": plan.year,
        "year_label": plan.year_label,
        "status": plan.status,
        "approved_by": plan.approved_by,
        "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
        "sections": [section_document(c, plan.year) for c in _contents(plan)],
    }


def section_lines(section: dict[str, Any]) -> list[str]:
    """The section as lines of text, for comparing two versions side by side."""
    lines = [line for line in (section.get("text") or "").splitlines() if line.strip()]
    lines += [f"• {item}" for item in section.get("points") or []]
    lines += [f"{label}: {text}" for label, text in section.get("cells") or [] if text]
    lines += [" | ".join(c.replace("\n", " / ") for c in row) for row in section.get("rows") or []]
    return lines
