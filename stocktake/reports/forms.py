"""The report builder: content, layout, dates, filters. The same form checks a saved definition."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet

from stocktake.accounts.models import Person, Unit
from stocktake.accounts.people_choices import person_choices
from stocktake.plans.fields import PlanMultipleChoiceField, with_labels
from stocktake.plans.models import Plan

from . import rules
from .models import Exception_, Extra, GroupBy, Layout
from .selectors import STALE_DAYS, Spec

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/08/2007"}
# No plan held here describes a position before this; earlier dates are typing mistakes.
EARLIEST = dt.date(1990, 1, 1)
MOST_STALE_DAYS = 3650


class ReportForm(forms.Form):
    plans: forms.ModelMultipleChoiceField[Plan] = PlanMultipleChoiceField(
        label="Plans",
        queryset=Plan.objects.none(),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one plan"},
    )
    layout = forms.ChoiceField(
        label="Layout", choices=Layout.choices, initial=Layout.PERFORMANCE, widget=forms.RadioSelect
    )
    title = forms.CharField(label="Title", required=False, max_length=300)
    as_at = forms.DateField(
        label="As at",
        required=False,
        widget=_DATE,
        error_messages=_DATE_ERRORS,
        help_text="Leave empty for today.",
    )
    compare_on = forms.DateField(
        label="Compare with",
        required=False,
        widget=_DATE,
        error_messages=_DATE_ERRORS,
        help_text="An earlier date, for example the last committee.",
    )
    exceptions = forms.MultipleChoiceField(
        label="Exceptions only",
        required=False,
        choices=Exception_.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    stale_days = forms.IntegerField(
        label="Not updated in (days)",
        required=False,
        min_value=1,
        max_value=MOST_STALE_DAYS,
        initial=STALE_DAYS,
        error_messages={
            "invalid": "Enter a whole number of days, for example 90",
            "min_value": "Enter at least 1 day",
            "max_value": f"Enter {MOST_STALE_DAYS} days (10 years) or fewer",
        },
    )
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="Service or team", queryset=Unit.objects.none(), required=False, to_field_name="uuid"
    )
    owner = forms.ChoiceField(label="Owner", required=False)
    group_by = forms.ChoiceField(
        label="Group by", choices=GroupBy.choices, initial=GroupBy.SECTION, required=False
    )
    include = forms.MultipleChoiceField(
        label="Also include",
        required=False,
        choices=Extra.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aggregate figures for the council's financial year: no personal details.",
    )
    summary_year = forms.IntegerField(
        label="Financial year of the summaries",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="The year it starts, for example 2025 for April 2025 to March 2026. "
        "Leave empty for the year containing the as-at date.",
        error_messages={
            "invalid": "Enter a year as 4 digits, for example 2025",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year up to 2100",
        },
    )

    def __init__(self, *args: Any, plans: QuerySet[Plan], today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["plans"].queryset = with_labels(plans)  # type: ignore[attr-defined]
        organisations = plans.values("organisation_id")
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation_id__in=organisations
        ).order_by("name")
        people = (
            Person.objects.filter(ownerships__action__plan__in=plans).distinct().order_by("name")
        )
        self.fields["owner"].choices = [("", "Anyone"), *person_choices(people)]  # type: ignore[attr-defined]

    def _in_range(self, name: str, what: str) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get(name)
        if day is not None and day > self.today:
            raise forms.ValidationError(f"{what} must be today or in the past", code="future")
        if day is not None and day < EARLIEST:
            raise forms.ValidationError(
                f"{what} must be on or after {EARLIEST:%-d %B %Y}", code="too_early"
            )
        return day

    def clean_as_at(self) -> dt.date | None:
        return self._in_range("as_at", "The as-at date")

    def clean_compare_on(self) -> dt.date | None:
        return self._in_range("compare_on", "The date to compare with")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = list(data.get("plans") or [])
        if chosen:
            rules.plans_from_one_council(chosen)
        rules.comparison_before_as_at(data.get("as_at") or self.today, data.get("compare_on"))
        return data

    def spec(self) -> Spec:
        data = self.cleaned_data
        return Spec(
            plans=list(data["plans"]),
            layout=data["layout"],
            as_at=data.get("as_at") or self.today,
            compare_on=data.get("compare_on"),
            title=data.get("title") or "",
            exceptions=list(data.get("exceptions") or []),
            unit=data.get("unit"),
            owner=data.get("owner") or "",
            group_by=data.get("group_by") or GroupBy.SECTION,
            stale_days=data.get("stale_days") or STALE_DAYS,
            include=list(data.get("include") or []),
            summary_year=data.get("summary_year"),
        )

    def filters(self) -> dict[str, Any]:
        """The filters as a saved definition keeps them (JSON, by uuid)."""
        data = self.cleaned_data
        unit = data.get("unit")
        return {
            "exceptions": list(data.get("exceptions") or []),
            "stale_days": data.get("stale_days") or STALE_DAYS,
            "unit": str(unit.uuid) if unit else "",
            "owner": data.get("owner") or "",
            "group_by": data.get("group_by") or GroupBy.SECTION,
            "include": list(data.get("include") or []),
            "summary_year": data.get("summary_year") or "",
        }


def definition_query(definition: Any) -> dict[str, Any]:
    """A saved definition as the builder's GET parameters, so re-running uses the same form."""
    query: dict[str, Any] = {
        "plans": [str(p.uuid) for p in definition.plans.all()],
        "layout": definition.layout,
        "title": definition.title,
        "as_at": definition.as_at.isoformat() if definition.as_at else "",
        "compare_on": definition.compare_on.isoformat() if definition.compare_on else "",
    }
    query |= {k: v for k, v in definition.filters.items() if v}
    return query
