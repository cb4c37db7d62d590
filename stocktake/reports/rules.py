"""Named rules for reports, one line of policy each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from stocktake.plans.models import Plan


def report_needs_a_plan(plans: list[Plan]) -> None:
    if not plans:
        raise ValidationError({"plans": "Choose at least one plan"})


def plans_from_one_council(plans: list[Plan]) -> None:
    if len({p.organisation_id for p in plans}) > 1:
        raise ValidationError({"plans": "Choose plans from one council: a report belongs to it"})


def comparison_before_as_at(as_at: dt.date, compare_on: dt.date | None) -> None:
    if compare_on is not None and compare_on >= as_at:
        raise ValidationError({"compare_on": "The comparison date must be before the as-at date"})
