"""Choosing plans on forms: councils keep several plans of one title (this year's and last
year's, a re-import), so a choice names the council, the period and the state, not the title
alone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.formats import date_format

from .models import Plan


def plan_label(plan: Plan) -> str:
    when = plan.period_text or (
        f"{plan.period_start:%Y}–{plan.period_end:%Y}"
        if plan.period_start and plan.period_end
        else f"added {date_format(plan.created_at, 'j M Y')}"
    )
    return f"{plan.title} — {plan.organisation.name}, {when}, {plan.get_status_display().lower()}"


def with_labels(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """The plans with what their labels read, in one query."""
    return plans.select_related("organisation").order_by(
        "organisation__name", "title", "-created_at"
    )


class PlanChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return plan_label(obj)


class PlanMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return plan_label(obj)
