"""The corporate view of a year's service plans: what each service commits to under each
council aim, and whether the load falls disproportionately on small teams."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action, Section
from stocktake.priorities.models import Priority

from . import access
from .models import Kind, SectionContent, ServicePlan

NO_AIM = "Not linked to an aim"
HEAVY = Decimal("1.5")  # a team's actions per FTE this many times the council's is flagged


@dataclass
class Team:
    name: str
    fte: Decimal = Decimal(0)
    actions: int = 0

    @property
    def per_fte(self) -> Decimal | None:
        return (Decimal(self.actions) / self.fte).quantize(Decimal("0.1")) if self.fte else None


@dataclass
class ServiceRow:
    plan: ServicePlan
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # aim → kind → n
    teams: dict[str, Team] = field(default_factory=dict)
    actions: int = 0
    heavy: list[str] = field(default_factory=list)
    cells: list[Counter[str] | None] = field(default_factory=list)  # one per aim, in order

    @property
    def fte(self) -> Decimal:
        return sum((t.fte for t in self.teams.values()), Decimal(0))

    @property
    def per_fte(self) -> Decimal | None:
        return (Decimal(self.actions) / self.fte).quantize(Decimal("0.1")) if self.fte else None


@dataclass
class Assembly:
    aims: list[str]
    aim_titles: dict[str, str]
    services: list[ServiceRow]
    corporate: list[tuple[str, str, list[tuple[str, str]]]]  # aim, title, (service, objective)
    per_fte: Decimal | None


def _number(text: str) -> Decimal:
    try:
        return Decimal(text.strip() or "0")
    except InvalidOperation:
        return Decimal(0)


def _aims_of(organisation: Organisation) -> tuple[dict[int, str], dict[str, str]]:
    """Each priority's aim code (an approach counts for its aim) and each aim's title."""
    priorities = list(Priority.objects.filter(organisation=organisation))
    by_id = {p.pk: p for p in priorities}
    aim_of: dict[int, str] = {}
    for p in priorities:
        top = p
        while top.parent_id in by_id:
            top = by_id[top.parent_id]
        aim_of[p.pk] = top.code
    titles = {p.code: p.title for p in priorities if p.parent_id is None}
    return aim_of, titles


def _team_rows(contents: list[SectionContent], row: ServiceRow) -> None:
    for content in contents:
        columns = [c.lower() for c in content.section.columns]
        if content.section.kind != Kind.TABLE or "fte" not in columns:
            continue
        fte_at = columns.index("fte")
        team_at = columns.index("team") if "team" in columns else None
        post_at = columns.index("post") if "post" in columns else None
        for cells in content.content.get("rows") or []:
            name = cells[team_at] if team_at is not None and cells[team_at] else "Whole service"
            team = row.teams.setdefault(name, Team(name))
            team.fte += _number(cells[fte_at])
            if post_at is not None and cells[post_at]:
                row.teams.setdefault(f"post:{cells[post_at].lower()}", Team(name))


def assemble(organisation: Organisation, year: int, user: AnyUser) -> Assembly:
    plans = list(
        ServicePlan.objects.filter(organisation=organisation, year=year)
        .filter(access.visible_plans(user))
        .select_related("unit")
        .order_by("unit__name")
    )
    aim_of, titles = _aims_of(organisation)
    contents = list(SectionContent.objects.filter(service_plan__in=plans).select_related("section"))
    by_plan: dict[int, list[SectionContent]] = defaultdict(list)
    for content in contents:
        by_plan[content.service_plan_id].append(content)
    objective_links = list(
        SectionContent.objectives.through.objects.filter(sectioncontent__in=contents).values_list(
            "sectioncontent__service_plan_id", "section_id"
        )
    )
    action_links = list(
        SectionContent.actions.through.objects.filter(sectioncontent__in=contents).values_list(
            "sectioncontent__service_plan_id", "action_id"
        )
    )
    indicator_links = list(
        SectionContent.indicators.through.objects.filter(sectioncontent__in=contents).values_list(
            "sectioncontent__service_plan_id", "indicator_id"
        )
    )
    tracked = [p.tracked_plan_id for p in plans if p.tracked_plan_id]
    parents = dict(Section.objects.filter(plan_id__in=tracked).values_list("pk", "parent_id"))
    section_aims: dict[int, set[str]] = defaultdict(set)
    for section_id, priority_id in Section.priorities.through.objects.filter(
        section__plan_id__in=tracked
    ).values_list("section_id", "priority_id"):
        section_aims[section_id].add(aim_of.get(priority_id, NO_AIM))
    actions = dict(
        Action.objects.filter(pk__in=[a for _, a in action_links]).values_list("pk", "section_id")
    )
    owners = dict(
        Action.objects.filter(pk__in=[a for _, a in action_links]).values_list("pk", "owner_text")
    )
    action_aims: dict[int, set[str]] = defaultdict(set)
    for action_id, priority_id in Action.priorities.through.objects.filter(
        action_id__in=list(actions)
    ).values_list("action_id", "priority_id"):
        action_aims[action_id].add(aim_of.get(priority_id, NO_AIM))
    indicators = dict(
        Indicator.objects.filter(pk__in=[i for _, i in indicator_links]).values_list(
            "pk", "section_id"
        )
    )
    titles_by_section = dict(Section.objects.filter(plan_id__in=tracked).values_list("pk", "title"))

    def aims_for(section_id: int | None) -> set[str]:
        found: set[str] = set()
        seen = 0
        while section_id is not None and seen < 20:
            found |= section_aims.get(section_id, set())
            section_id, seen = parents.get(section_id), seen + 1
        return found or {NO_AIM}

    rows = {p.pk: ServiceRow(p) for p in plans}
    corporate: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for plan_id, section_id in objective_links:
        for aim in aims_for(section_id):
            rows[plan_id].counts.setdefault(aim, Counter())["objectives"] += 1
            corporate[aim].append((rows[plan_id].plan.unit.name, titles_by_section[section_id]))
    for plan_id, action_id in action_links:
        rows[plan_id].actions += 1
        for aim in action_aims.get(action_id) or aims_for(actions.get(action_id)):
            rows[plan_id].counts.setdefault(aim, Counter())["actions"] += 1
    for plan_id, indicator_id in indicator_links:
        for aim in aims_for(indicators.get(indicator_id)):
            rows[plan_id].counts.setdefault(aim, Counter())["indicators"] += 1
    for plan in plans:
        row = rows[plan.pk]
        _team_rows(by_plan[plan.pk], row)
        posts = {k[5:]: t.name for k, t in row.teams.items() if k.startswith("post:")}
        row.teams = {k: t for k, t in row.teams.items() if not k.startswith("post:")}
        for action_id in [a for p, a in action_links if p == plan.pk]:
            owner = (owners.get(action_id) or "").lower()
            for team in {name for post, name in posts.items() if post and post in owner}:
                row.teams[team].actions += 1
    total_fte = sum((r.fte for r in rows.values()), Decimal(0))
    total_actions = sum(r.actions for r in rows.values())
    overall = (Decimal(total_actions) / total_fte).quantize(Decimal("0.1")) if total_fte else None
    # Teams are compared with the average over actions whose lead post is in some team.
    team_actions = sum(t.actions for r in rows.values() for t in r.teams.values())
    baseline = Decimal(team_actions) / total_fte if total_fte else None
    for row in rows.values():
        row.heavy = [
            t.name
            for t in row.teams.values()
            if baseline
            and t.per_fte is not None
            and t.actions >= 3
            and t.per_fte >= baseline * HEAVY
        ]
    aims = sorted({a for r in rows.values() for a in r.counts}, key=lambda a: (a == NO_AIM, a))
    for row in rows.values():
        row.cells = [row.counts.get(aim) for aim in aims]
    drafted = [(aim, titles.get(aim, ""), corporate.get(aim, [])) for aim in aims]
    return Assembly(aims, titles, list(rows.values()), drafted, overall)
