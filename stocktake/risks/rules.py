"""Named business rules, one line of policy each. They apply when a person edits or re-scores;
imports keep what the paper says and flag it (unassigned, unscored) instead."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError


def risk_needs_title(title: str) -> None:
    """A risk must say what could happen."""
    if not title.strip():
        raise ValidationError({"title": "Enter the risk"})


def risk_needs_owner(has_owner: bool) -> None:
    """Every risk has someone accountable for it: a person or a post."""
    if not has_owner:
        raise ValidationError({"owner_person": "Choose who owns the risk (a person or a post)"})


def risk_owner_is_one(has_person: bool, has_post: bool) -> None:
    """The accountable owner is one person or one post, not both."""
    if has_person and has_post:
        raise ValidationError({"owner_post": "Choose a person or a post as owner, not both"})


def over_appetite_needs_mitigation(over_appetite: bool, mitigation: str) -> None:
    """A risk above the council's appetite (red) must say how it is being reduced."""
    if over_appetite and not mitigation.strip():
        raise ValidationError(
            {"mitigation": "This risk is above appetite: say how it is being mitigated"}
        )


def score_on_scale(field: str, value: int | None, levels: int) -> None:
    """Likelihood and impact are levels of the risk's own matrix."""
    if value is not None and not 1 <= value <= levels:
        raise ValidationError({field: f"Choose a level from 1 to {levels}"})


def score_is_whole(likelihood: int | None, impact: int | None) -> None:
    """A score needs both likelihood and impact, or neither."""
    if (likelihood is None) != (impact is None):
        field = "impact" if impact is None else "likelihood"
        raise ValidationError({field: "Give both likelihood and impact"})


def review_needs_score(likelihood: int | None, impact: int | None) -> None:
    """A review re-scores the risk, so it states likelihood and impact."""
    if likelihood is None or impact is None:
        raise ValidationError({"likelihood": "Choose the likelihood and impact now"})


def review_not_after_today(as_at: dt.date, today: dt.date) -> None:
    """A review records a judgement already made, so its date cannot be in the future."""
    if as_at > today:
        raise ValidationError({"as_at": "The review date must be today or in the past"})


# Registers in use go back to the 2000s; an earlier date is a slip of the keyboard.
REVIEW_FLOOR = dt.date(2000, 1, 1)


def review_not_before_floor(as_at: dt.date) -> None:
    """A review date earlier than any register in use is a typing slip, not history."""
    if as_at < REVIEW_FLOOR:
        raise ValidationError({"as_at": "The review date must be on or after 1 January 2000"})


def appetite_within_scores(appetite: int | None, max_score: int) -> None:
    """An appetite is a score the risk's matrix can give."""
    if appetite is not None and not 1 <= appetite <= max_score:
        raise ValidationError({"appetite": f"Enter an appetite from 1 to {max_score}"})


# Five years: the longest cycle a register reviews on (the API caps it the same).
REVIEW_DAYS_MAX = 1825


def review_cycle_at_least_a_day(review_days: int | None) -> None:
    """Reviews fall due at least a day apart; empty (where allowed) means the default cycle."""
    if review_days is not None and review_days < 1:
        raise ValidationError({"review_days": "Enter a review cycle of at least 1 day"})


def review_cycle_within_five_years(review_days: int | None) -> None:
    """Reviews fall due at most five years apart; a longer cycle is a typing slip."""
    if review_days is not None and review_days > REVIEW_DAYS_MAX:
        raise ValidationError(
            {"review_days": f"Enter a review cycle from 1 to {REVIEW_DAYS_MAX} days (five years)"}
        )


def review_is_overdue(review_due_on: dt.date | None, today: dt.date, is_open: bool) -> bool:
    """An open risk not reviewed within its review period shows as overdue."""
    return is_open and review_due_on is not None and review_due_on < today


def matrix_bands_in_order(amber_from: int, red_from: int, max_score: int) -> None:
    """Bands rise green → amber → red within the matrix's scores."""
    if not 1 <= amber_from <= red_from <= max_score:
        raise ValidationError(
            f"Bands must satisfy 1 ≤ amber ({amber_from}) ≤ red ({red_from}) ≤ {max_score}"
        )


def matrix_has_levels(likelihood: list[str], impact: list[str]) -> None:
    """A matrix has between two and ten named levels on each axis."""
    for name, levels in (("likelihood", likelihood), ("impact", impact)):
        if not 2 <= len(levels) <= 10 or any(not str(level).strip() for level in levels):
            raise ValidationError({name: "Give between 2 and 10 named levels"})


def assessment_needs_lead(has_lead: bool) -> None:
    """An equality impact assessment has a lead: a person or a post."""
    if not has_lead:
        raise ValidationError({"lead_person": "Choose who leads the assessment"})


def finished_assessment_needs_findings(status: str, findings: str) -> None:
    """A complete or published assessment states what it found."""
    if status in ("complete", "published") and not findings.strip():
        raise ValidationError({"findings": "Enter the assessment's findings before completing it"})


def finished_assessment_needs_characteristics(status: str, count: int) -> None:
    """A complete or published assessment says which characteristics it considered."""
    if status in ("complete", "published") and count == 0:
        raise ValidationError({"characteristics": "Choose the characteristics considered"})


def assessment_lead_is_one(has_person: bool, has_post: bool) -> None:
    """An assessment's lead is one person or one post, not both."""
    if has_person and has_post:
        raise ValidationError({"lead_post": "Choose a person or a post as lead, not both"})


def partnership_needs_name(name: str) -> None:
    """A partnership on the register is known by its name."""
    if not name.strip():
        raise ValidationError({"name": "Enter the partnership's name"})


def partnership_needs_lead(has_lead: bool) -> None:
    """Someone at the council leads on each significant partnership: a person or a post."""
    if not has_lead:
        raise ValidationError({"lead_person": "Choose who leads for the council"})


def partnership_lead_is_one(has_person: bool, has_post: bool) -> None:
    """A partnership's lead is one person or one post, not both."""
    if has_person and has_post:
        raise ValidationError({"lead_post": "Choose a person or a post as lead, not both"})


def risk_partnership_is_own(risk_organisation_id: int, partnership_organisation_id: int) -> None:
    """A risk belongs to a partnership on its own council's register."""
    if risk_organisation_id != partnership_organisation_id:
        raise ValidationError({"partnership": "Choose one of this council's partnerships"})


def partnership_body_is_a_partnership(kind: str | None) -> None:
    """Only an organisation recorded as a partnership can stand for one on the register."""
    if kind is not None and kind != "partnership":
        raise ValidationError({"body": "Choose an organisation recorded as a partnership"})


def reassign_from_one_to_one(from_count: int, to_count: int) -> None:
    """A bulk move takes one person's or post's items and gives them to one person or post."""
    if from_count != 1 or to_count != 1:
        raise ValidationError("Choose one person or post to move from and one to move to")


def reassign_within_organisation(from_organisation_id: int, to_organisation_id: int) -> None:
    """Items move only between people and posts of the same council."""
    if from_organisation_id != to_organisation_id:
        raise ValidationError({"to": "Choose someone in the same organisation"})


def reassign_not_to_leaver(left_on: dt.date | None) -> None:
    """Items are not given to someone who has already left."""
    if left_on is not None:
        raise ValidationError({"to": "That person has left: choose someone still in post"})


def reassign_not_to_self(same: bool) -> None:
    """Moving items to where they already are is a mistake, not a change."""
    if same:
        raise ValidationError({"to": "Choose a different person or post to move the items to"})
