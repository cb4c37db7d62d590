"""Every write to risks goes through here, inside a transaction, recording who did it.

`checked=False` is for imports: a paper's risks are kept as written and flagged
(unassigned, unscored) rather than refused; people editing them meet the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans.models import Action, Plan, Section

from . import rules
from .models import EqualityAssessment, Risk, RiskReview, ScoringMatrix
from .splitting import split_risk_statement

# name → (likelihood levels, impact levels, amber from, red from), lowest level first.
MATRIX_PRESETS: dict[str, tuple[list[str], list[str], int, int]] = {
    "Low / Medium / High": (["Low", "Medium", "High"], ["Low", "Medium", "High"], 3, 6),
    "1–4": (
        ["Very unlikely", "Unlikely", "Likely", "Very likely"],
        ["Minor", "Significant", "Serious", "Major"],
        4,
        9,
    ),
    "1–5": (
        ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
        ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"],
        5,
        12,
    ),
}
DEFAULT_PRESET = "Low / Medium / High"


def today() -> dt.date:
    return timezone.localdate()


@transaction.atomic
def matrix_create(
    *,
    organisation: Organisation,
    name: str,
    likelihood_levels: list[str],
    impact_levels: list[str],
    amber_from: int,
    red_from: int,
    by: Actor,
    review_days: int = 90,
    is_default: bool = False,
) -> ScoringMatrix:
    rules.matrix_has_levels(likelihood_levels, impact_levels)
    rules.matrix_bands_in_order(amber_from, red_from, len(likelihood_levels) * len(impact_levels))
    rules.review_cycle_within_five_years(review_days)
    if is_default:
        ScoringMatrix.objects.filter(organisation=organisation).update(is_default=False)
    matrix = ScoringMatrix(
        organisation=organisation,
        name=name,
        likelihood_levels=likelihood_levels,
        impact_levels=impact_levels,
        amber_from=amber_from,
        red_from=red_from,
        review_days=review_days,
        is_default=is_default,
    )
    save_recorded(matrix, by)
    return matrix


def matrix_shown(organisation: Organisation) -> ScoringMatrix:
    """The organisation's default matrix, or an unsaved default for pages that only read."""
    found = ScoringMatrix.objects.filter(organisation=organisation).order_by("-is_default").first()
    if found is not None:
        return found
    likelihood, impact, amber, red = MATRIX_PRESETS[DEFAULT_PRESET]
    return ScoringMatrix(
        organisation=organisation,
        name=DEFAULT_PRESET,
        likelihood_levels=likelihood,
        impact_levels=impact,
        amber_from=amber,
        red_from=red,
    )


@transaction.atomic
def matrix_for(*, organisation: Organisation, by: Actor = None) -> ScoringMatrix:
    """The organisation's default matrix, created from the seeds' Low/Medium/High if none."""
    found = ScoringMatrix.objects.filter(organisation=organisation).order_by("-is_default").first()
    if found is not None:
        return found
    likelihood, impact, amber, red = MATRIX_PRESETS[DEFAULT_PRESET]
    return matrix_create(
        organisation=organisation,
        name=DEFAULT_PRESET,
        likelihood_levels=likelihood,
        impact_levels=impact,
        amber_from=amber,
        red_from=red,
        is_default=True,
        by=by,
    )


def risk_derive(risk: Risk, base: dt.date | None = None) -> None:
    """Derived fields: the inherent score, the flags and when the next review falls due."""
    risk.inherent_score = risk.matrix.score(risk.inherent_likelihood, risk.inherent_impact)
    flags = [f for f in risk.flags if f not in ("unassigned", "unscored")]
    if risk.owner is None:
        flags.append("unassigned")
    if risk.residual_score is None:
        flags.append("unscored")
    risk.flags = flags
    if base is not None:
        days = risk.review_days if risk.review_days is not None else risk.matrix.review_days
        risk.review_due_on = base + dt.timedelta(days=days)


def section_follows_plan(item: Risk | EqualityAssessment) -> None:
    """A section is part of one plan: an item moved to another plan (or none) leaves it."""
    if item.section_id is None:
        return
    plan_id = item.plan_id
    if plan_id is None or not Section.objects.filter(pk=item.section_id, plan_id=plan_id).exists():
        item.section = None


def _check(risk: Risk) -> None:
    rules.risk_needs_title(risk.title)
    rules.risk_owner_is_one(risk.owner_person_id is not None, risk.owner_post_id is not None)
    rules.risk_needs_owner(risk.owner is not None)
    if risk.partnership is not None:
        rules.risk_partnership_is_own(risk.organisation_id, risk.partnership.organisation_id)
    levels = (len(risk.matrix.likelihood_levels), len(risk.matrix.impact_levels))
    rules.score_on_scale("inherent_likelihood", risk.inherent_likelihood, levels[0])
    rules.score_on_scale("inherent_impact", risk.inherent_impact, levels[1])
    rules.score_is_whole(risk.inherent_likelihood, risk.inherent_impact)
    rules.appetite_within_scores(risk.appetite, risk.matrix.max_score)
    rules.review_cycle_at_least_a_day(risk.review_days)
    rules.over_appetite_needs_mitigation(risk.is_over_appetite, risk.mitigation)


@transaction.atomic
def risk_create(
    *,
    organisation: Organisation,
    title: str,
    by: Actor,
    plan: Plan | None = None,
    unit: Unit | None = None,
    matrix: ScoringMatrix | None = None,
    owner_person: Person | None = None,
    owner_post: Post | None = None,
    residual_likelihood: int | None = None,
    residual_impact: int | None = None,
    as_at: dt.date | None = None,
    actions: Iterable[Action] = (),
    checked: bool = True,
    **fields: Any,
) -> Risk:
    """A new risk. A current score given here is its first review, dated `as_at`."""
    matrix = matrix or matrix_for(organisation=organisation, by=by)
    if not any(fields.get(part) for part in ("cause", "event", "consequence")):
        statement = split_risk_statement(title)
        fields.update(cause=statement.cause, event=statement.event)
        fields["consequence"] = statement.consequence
    risk = Risk(
        organisation=organisation,
        plan=plan,
        unit=unit or (plan.unit if plan else None),
        matrix=matrix,
        title=title,
        owner_person=owner_person,
        owner_post=owner_post,
        **fields,
    )
    scored = residual_likelihood is not None and residual_impact is not None
    risk.residual_likelihood, risk.residual_impact = residual_likelihood, residual_impact
    risk.residual_score = matrix.score(residual_likelihood, residual_impact)
    when = as_at or today()
    # Before the due date is counted from it: a cycle of years beyond the calendar cannot be.
    rules.review_cycle_within_five_years(risk.review_days)
    risk_derive(risk, base=when)
    if scored:
        risk.last_reviewed_on = when
    if checked:
        _check(risk)
    save_recorded(risk, by)
    if actions:
        risk.mitigating_actions.set(actions)
    if scored:
        RiskReview.objects.create(
            organisation=organisation,
            risk=risk,
            as_at=when,
            likelihood=residual_likelihood,
            impact=residual_impact,
            score=risk.residual_score,
            note="First assessment",
            entered_by=acting_user(by),
        )
    return risk


_FIXED = {"organisation", "matrix", "residual_likelihood", "residual_impact", "residual_score"}


@transaction.atomic
def risk_edit(*, risk: Risk, by: Actor, **changes: Any) -> Risk:
    """Change a risk's own fields; the residual score changes only through risk_review_add."""
    if _FIXED & changes.keys():
        raise ValueError(f"cannot change {sorted(_FIXED & changes.keys())} here")
    for name, value in changes.items():
        setattr(risk, name, value)
    if changes.keys() & {"plan", "section"}:
        section_follows_plan(risk)
    if changes.get("status") == Risk.Status.CLOSED and risk.closed_on is None:
        risk.closed_on = today()
    elif changes.get("status") == Risk.Status.OPEN:
        risk.closed_on = None
    base = None
    if "review_days" in changes and "review_due_on" not in changes:
        base = risk.last_reviewed_on or today()
    rules.review_cycle_within_five_years(risk.review_days)
    risk_derive(risk, base=base)
    _check(risk)
    save_recorded(risk, by)
    return risk


@transaction.atomic
def risk_actions_set(*, risk: Risk, actions: Iterable[Action], by: Actor) -> None:
    """Link the plan actions that deliver the mitigation (only the risk's organisation's)."""
    chosen = [a for a in actions if a.organisation_id == risk.organisation_id]
    risk.mitigating_actions.set(chosen)
    save_recorded(risk, by)


@transaction.atomic
def risk_review_add(
    *,
    risk: Risk,
    as_at: dt.date,
    likelihood: int | None,
    impact: int | None,
    by: Actor,
    note: str = "",
    reviewer: Person | None = None,
    mitigation: str | None = None,
    checked: bool = True,
) -> RiskReview:
    """Re-score a risk at a business date. The risk shows the latest review by as-at date."""
    matrix = risk.matrix
    if checked:
        rules.review_not_after_today(as_at, today())
        rules.review_not_before_floor(as_at)
        rules.review_needs_score(likelihood, impact)
        rules.score_on_scale("likelihood", likelihood, len(matrix.likelihood_levels))
        rules.score_on_scale("impact", impact, len(matrix.impact_levels))
    review = RiskReview.objects.create(
        organisation_id=risk.organisation_id,
        risk=risk,
        as_at=as_at,
        likelihood=likelihood,
        impact=impact,
        score=matrix.score(likelihood, impact),
        note=note,
        reviewer=reviewer,
        entered_by=acting_user(by),
    )
    latest = risk.reviews.order_by("-as_at", "-created_at", "-id").first()
    assert latest is not None  # the review just made
    risk.residual_likelihood, risk.residual_impact = latest.likelihood, latest.impact
    risk.residual_score = latest.score
    risk.last_reviewed_on = latest.as_at
    if mitigation is not None:
        risk.mitigation = mitigation
    risk_derive(risk, base=latest.as_at)
    if checked:
        rules.over_appetite_needs_mitigation(risk.is_over_appetite, risk.mitigation)
    save_recorded(risk, by)
    return review
