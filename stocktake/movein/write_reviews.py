"""Risk reviews from an export: dated re-scores, in bulk, on the council's scoring matrix.

Afterwards each risk's residual score, band flags and next review date follow its latest
review by business date, through the risks app's own `risk_derive`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans.models import Plan
from stocktake.risks import services as risks
from stocktake.risks.models import Risk, RiskReview

from .people import People
from .report import Report, quarter_gaps
from .rows import Layout, RefIndex, RowError, business_date

BATCH = 2000


class ReviewWriter:
    def __init__(
        self, organisation: Organisation, plan: Plan | None, mapping: dict[str, Any], by: Actor
    ) -> None:
        self.organisation, self.plan, self.mapping, self.by = organisation, plan, mapping, by
        self.report = Report(kind="reviews", source="", dry_run=False)
        self.people = People(organisation)
        self.user = acting_user(by)
        self.matrix = risks.matrix_for(organisation=organisation, by=by)
        self.risks: RefIndex[Risk] = RefIndex(mapping, self.report, lambda r: r.title)
        for risk in Risk.objects.filter(organisation=organisation).select_related("matrix"):
            self.risks.add(risk.ref, risk)
        self.pending: list[RiskReview] = []
        self.touched: set[int] = set()

    def _risk(self, layout: Layout, cells: list[str], where: str) -> Risk | None:
        ref = layout.cell(cells, "ref").strip()
        if not ref:
            raise RowError("no risk reference")
        found, create = self.risks.find(
            ref, where, several=f"ref {ref} matches {{n}} risks: {{items}}", absent=f"no risk {ref}"
        )
        if not create:
            return found
        owners = self.people.owners(layout.cell(cells, "owner"))
        owner = owners[0] if owners else None
        risk = risks.risk_create(
            organisation=self.organisation,
            title=layout.cell(cells, "title") or f"Risk {ref} (imported)",
            ref=ref,
            plan=self.plan,
            matrix=self.matrix,
            owner_person=owner if isinstance(owner, Person) else None,
            owner_post=owner if isinstance(owner, Post) else None,
            owner_text=layout.cell(cells, "owner")[:300],
            checked=False,
            by=self.by,
        )
        self.report.created["risks"] += 1
        self.risks.add(ref, risk)
        return risk

    def _level(self, risk: Risk, axis: str, text: str) -> int | None:
        if not text.strip():
            return None
        level = risk.matrix.level_of(axis, text)
        if level is None:
            size = len(getattr(risk.matrix, f"{axis}_levels"))
            raise RowError(f"{axis} “{text}” is not a level of 1 to {size} or a level's name")
        return level

    def add(self, layout: Layout, where: str, cells: list[str]) -> None:
        risk = self._risk(layout, cells, where)
        date_text = layout.cell(cells, "date")
        if not date_text:
            raise RowError("no review date")
        as_at, _ = business_date(date_text)
        if risk is None:
            return
        likelihood = self._level(risk, "likelihood", layout.cell(cells, "likelihood"))
        impact = self._level(risk, "impact", layout.cell(cells, "impact"))
        if (likelihood is None) != (impact is None):
            self.report.bad_value(where, "a score needs both likelihood and impact; kept unscored")
            likelihood = impact = None
        self.pending.append(
            RiskReview(
                organisation_id=self.organisation.pk,
                risk=risk,
                as_at=as_at,
                likelihood=likelihood,
                impact=impact,
                score=risk.matrix.score(likelihood, impact),
                note=layout.cell(cells, "note"),
                reviewer=self.people.author(layout.cell(cells, "reviewer")),
                entered_by=self.user,
            )
        )
        self.report.covers_day(as_at)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.report.blocked or not self.pending:
            self.pending.clear()
            return
        ids = {r.risk_id for r in self.pending}
        held = set(
            RiskReview.objects.filter(risk_id__in=ids).values_list(
                "risk_id", "as_at", "likelihood", "impact"
            )
        )
        new = [r for r in self.pending if (r.risk_id, r.as_at, r.likelihood, r.impact) not in held]
        self.report.unchanged["risk reviews"] += len(self.pending) - len(new)
        self.report.created["risk reviews"] += len(new)
        # Reviews carry no audit history of their own; they are the risk's history.
        RiskReview.objects.bulk_create(new, batch_size=BATCH)
        self.touched.update(ids)
        self.pending.clear()

    def finish(self) -> None:
        self.flush()
        for created in self.people.created:
            self.report.created[f"{created.split()[0]}s"] += 1
        dates: dict[int, list[Any]] = defaultdict(list)
        latest: dict[int, RiskReview] = {}
        for review in RiskReview.objects.filter(risk_id__in=self.touched).order_by(
            "as_at", "created_at", "id"
        ):
            dates[review.risk_id].append(review.as_at)
            latest[review.risk_id] = review
        for risk in Risk.objects.filter(pk__in=self.touched).select_related("matrix"):
            last = latest[risk.pk]
            risk.residual_likelihood, risk.residual_impact = last.likelihood, last.impact
            risk.residual_score, risk.last_reviewed_on = last.score, last.as_at
            risks.risk_derive(risk, base=last.as_at)
            save_recorded(risk, self.by)
            self.report.changed["risks' current score from their latest review"] += 1
            missing = quarter_gaps(dates[risk.pk])
            if missing:
                self.report.gap(f"Risk {risk.ref}: no review in {', '.join(missing[:12])}")
