"""What else a plan brought with it: the indicators, risks and equality impact assessments
tied to it, as the viewer may see them, in counts with links for the plan page.

Indicators, risks and assessments each carry their plan and the section they came from (set
by the importer), so the page reads them from the registers alone.

Each register decides who sees what through its own gatekeeper; the apps are asked for only
when installed, so plans loads without them. A fixed number of queries whatever the counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count
from django.urls import reverse

from stocktake.accounts.selectors import AnyUser

from .models import Plan


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass
class Holding:
    """Items of one kind the plan (or one of its sections) holds, shown as a count."""

    count: int
    singular: str
    plural: str
    url: str = ""
    where: str = ""  # what the link opens, said after it
    # Listed one by one where the viewer may open each but not the register they sit in.
    items: list[Link] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.count} {self.singular if self.count == 1 else self.plural}"


@dataclass
class Related:
    holdings: list[Holding] = field(default_factory=list)
    by_section: dict[int, list[Holding]] = field(default_factory=dict)


@dataclass
class _Found:
    """One kind's visible items: (section id or None, link) each."""

    singular: str
    plural: str
    url: str
    rows: list[tuple[int | None, Link | None]]
    where: str = ""
    listed: bool = False


def plan_related(user: AnyUser, plan: Plan) -> Related:
    found = [
        f for f in (_indicators(user, plan), _risks(user, plan), _assessments(user, plan)) if f
    ]
    related = Related()
    per_section: dict[int, list[Holding]] = defaultdict(list)
    for kind in found:
        if not kind.rows:
            continue
        related.holdings.append(_holding(kind, kind.rows))
        by_section: dict[int, list[tuple[int | None, Link | None]]] = defaultdict(list)
        for row in kind.rows:
            if row[0] is not None:
                by_section[row[0]].append(row)
        for section_id, rows in by_section.items():
            per_section[section_id].append(_holding(kind, rows))
    related.by_section = dict(per_section)
    return related


def _holding(kind: _Found, rows: list[tuple[int | None, Link | None]]) -> Holding:
    if kind.listed:
        items = [link for _, link in rows if link is not None]
        return Holding(len(rows), kind.singular, kind.plural, items=items)
    return Holding(len(rows), kind.singular, kind.plural, kind.url, kind.where)


def _indicators(user: AnyUser, plan: Plan) -> _Found | None:
    if not apps.is_installed("stocktake.indicators"):
        return None
    from stocktake.indicators.access import visible_indicators
    from stocktake.indicators.models import Indicator

    counts = (
        Indicator.objects.filter(organisation_id=plan.organisation_id, plan=plan)
        .filter(visible_indicators(user))
        .order_by()
        .values_list("section_id")
        .annotate(n=Count("id"))
    )
    rows: list[tuple[int | None, Link | None]] = [
        (section_id, None) for section_id, n in counts for _ in range(n)
    ]
    url = reverse("indicators:plan_scorecard", args=[plan.uuid])
    return _Found("indicator", "indicators", url, rows, "the plan's scorecard")


def _risks(user: AnyUser, plan: Plan) -> _Found | None:
    if not apps.is_installed("stocktake.risks"):
        return None
    from stocktake.risks.access import can_read_register, visible_risks
    from stocktake.risks.models import Risk

    risks = list(
        Risk.objects.filter(organisation_id=plan.organisation_id, plan=plan)
        .filter(visible_risks(user))
        .order_by("position", "id")
        .values_list("uuid", "ref", "title", "section_id")
    )
    if not risks:
        return _Found("risk", "risks", "", [])
    register = can_read_register(user, plan.organisation)
    url = reverse("risks:register", args=[plan.organisation.uuid]) + f"?plan={plan.pk}"
    rows: list[tuple[int | None, Link | None]] = [
        (section_id, Link(f"{ref} {title}".strip(), reverse("risks:risk_detail", args=[uuid])))
        for uuid, ref, title, section_id in risks
    ]
    return _Found("risk", "risks", url, rows, "the risk register", listed=not register)


def _assessments(user: AnyUser, plan: Plan) -> _Found | None:
    if not apps.is_installed("stocktake.risks"):
        return None
    from stocktake.risks.access import visible_assessments
    from stocktake.risks.models import EqualityAssessment

    sections = (
        EqualityAssessment.objects.filter(organisation_id=plan.organisation_id, plan=plan)
        .filter(visible_assessments(user))
        .order_by("position", "id")
        .values_list("section_id", flat=True)
    )
    url = reverse("risks:programme", args=[plan.organisation.uuid])
    rows: list[tuple[int | None, Link | None]] = [(section_id, None) for section_id in sections]
    names = ("equality impact assessment", "equality impact assessments")
    return _Found(*names, url, rows, "the equality programme")
