"""Forms for performance officers: an indicator's definition and its targets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from stocktake.core.period_text import PeriodError, read_period
from stocktake.core.periods import Period

from .models import IndicatorDefinition, Target

_NUMBER_ERRORS = {"invalid": "Enter a number, for example 34.5"}
_PROFILE_HELP = "Year to date; only for indicators whose periods combine as a sum or running total."


def _number(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=20,
        decimal_places=6,
        help_text=help_text,
        error_messages=_NUMBER_ERRORS,
    )


class DefinitionForm(forms.ModelForm):  # type: ignore[type-arg]
    effective_from = forms.DateField(
        label="New version takes effect from",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text="Needed when the data type, polarity, unit, definition, how periods combine "
        "or formula change: that starts a new version. For example 1/4/2010.",
        error_messages={"invalid": "Enter a date such as 1/4/2010"},
    )

    class Meta:
        model = IndicatorDefinition
        fields = [
            "title",
            "definition",
            "data_type",
            "unit",
            "decimal_places",
            "polarity",
            "frequency",
            "combine",
            "family",
            "numerator_label",
            "denominator_label",
            "formula",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 4})}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TargetForm(forms.Form):
    period = forms.CharField(
        label="Period",
        help_text='For example "2009/10" or "Q1 2009/10".',
        error_messages={"required": "Enter the period the target is for"},
    )
    name = forms.ChoiceField(label="Target", choices=Target.Name.choices)
    is_primary = forms.BooleanField(
        label="This is the primary target, which sets the colour", required=False, initial=True
    )
    value = _number("Value", "Leave empty for a level or milestone written in words.")
    upper_value = _number("Top of the band", "Only for indicators judged within a band.")
    text = forms.CharField(
        label="Level or milestone", required=False, help_text='For example "Level 2".'
    )
    tolerance = _number("Tolerance", "How far from the target still counts as amber.")
    tolerance_kind = forms.ChoiceField(
        label="Tolerance is",
        choices=Target.ToleranceKind.choices,
        initial=Target.ToleranceKind.ABSOLUTE,
        widget=forms.RadioSelect,
    )
    profile_q1 = _number("Profile: by the end of Q1", _PROFILE_HELP)
    profile_q2 = _number("Profile: by the end of Q2", _PROFILE_HELP)
    profile_q3 = _number("Profile: by the end of Q3", _PROFILE_HELP)

    def __init__(self, *args: Any, fixed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if fixed:  # an existing target keeps its period and name; set another for a new one
            for name in ("period", "name"):
                self.fields[name].disabled = True

    def clean_period(self) -> Period:
        try:
            return read_period(self.cleaned_data["period"], strict=True)
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        profile: tuple[Decimal | None, Decimal | None, Decimal | None] = (
            data["profile_q1"],
            data["profile_q2"],
            data["profile_q3"],
        )
        return {
            "period": data["period"],
            "name": data["name"],
            "is_primary": data["is_primary"],
            "value": data["value"],
            "upper_value": data["upper_value"],
            "text": data["text"],
            "tolerance": data["tolerance"],
            "tolerance_kind": data["tolerance_kind"],
            "profile": profile,
        }


def target_initial(target: Target) -> dict[str, Any]:
    return {
        "period": target.period_label,
        "name": target.name,
        "is_primary": target.is_primary,
        "value": target.value,
        "upper_value": target.upper_value,
        "text": target.text,
        "tolerance": target.tolerance,
        "tolerance_kind": target.tolerance_kind,
        "profile_q1": target.profile_q1,
        "profile_q2": target.profile_q2,
        "profile_q3": target.profile_q3,
    }
