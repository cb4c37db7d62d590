from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from stocktake.accounts.models import Organisation
from stocktake.plans.fields import PlanChoiceField, with_labels
from stocktake.plans.models import Plan, ProgressStatus, Rag
from stocktake.risks.models import ScoringMatrix

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/12/2009"}
_BLANK = [("", "No change")]


class CycleForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), empty_label=None, label="Organisation"
    )
    plan = PlanChoiceField(
        queryset=Plan.objects.none(),
        required=False,
        empty_label="Every plan",
        label="Plan",
        help_text="Leave as every plan to ask about all the organisation's open actions.",
    )
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="For example, Q3 2009/10",
        error_messages={"required": "Enter a name for the cycle"},
    )
    opens_on = forms.DateField(
        label="Opens on",
        widget=_DATE,
        error_messages={**_DATE_ERRORS, "required": "Enter the opening date"},
    )
    deadline = forms.DateField(
        label="Data deadline",
        widget=_DATE,
        error_messages={**_DATE_ERRORS, "required": "Enter the data deadline"},
    )
    committee_on = forms.DateField(
        label="Committee date", widget=_DATE, required=False, error_messages=_DATE_ERRORS
    )
    reminder_offsets = forms.CharField(
        label="Reminders",
        initial="-7, -1, 3",
        required=False,
        help_text="Days from the deadline, separated by commas: negative before, positive after.",
    )
    grace_days = forms.IntegerField(
        label="Days links keep working after the deadline", min_value=0, max_value=90, initial=14
    )
    needs_sign_off = forms.BooleanField(
        label="Updates need sign-off",
        required=False,
        help_text="A performance officer or manager accepts or returns each update.",
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["plan"].queryset = with_labels(  # type: ignore[attr-defined]
            Plan.objects.filter(organisation__in=organisations)
        )

    def clean_reminder_offsets(self) -> list[int]:
        text: str = self.cleaned_data["reminder_offsets"]
        try:
            return [int(part) for part in text.replace(" ", "").split(",") if part]
        except ValueError:
            raise forms.ValidationError(
                "Enter whole numbers of days separated by commas, for example -7, -1, 3"
            ) from None


class _LockedPeriod(forms.Form):
    """A form for an item whose period is locked asks why it is being changed, as the signed-in
    pages do; without the field an owner's link could never save it."""

    def __init__(self, *args: Any, locked: object = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if locked is not None:
            self.fields["change_reason"] = forms.CharField(
                label="Why is this being changed?",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=f"{locked} is locked: its figures have gone to committee.",
            )


class ItemUpdateForm(_LockedPeriod):
    """One item on the one-page form; left blank, it is skipped."""

    position = forms.CharField(
        label="Current position", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    future_action = forms.CharField(
        label="Future action", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    progress_status = forms.ChoiceField(
        label="Progress status", required=False, choices=_BLANK + ProgressStatus.choices
    )
    rag = forms.ChoiceField(label="RAG status", required=False, choices=_BLANK + Rag.choices)

    def is_filled(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields if name != "change_reason")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_filled() and not data.get("position", "").strip():
            self.add_error("position", "Enter the current position, or clear this item")
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("return", "Return")], widget=forms.HiddenInput
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when you return the update.",
    )


class IndicatorValueForm(_LockedPeriod):
    """One indicator's value for the period asked; left blank, it is skipped."""

    value = forms.DecimalField(
        label="Value",
        required=False,
        max_digits=20,
        decimal_places=6,
        error_messages={"invalid": "Enter a number, for example 87.5"},
    )
    note = forms.CharField(
        label="Commentary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when the value is off target.",
    )

    def is_filled(self) -> bool:
        return self.cleaned_data.get("value") is not None or bool(self.cleaned_data.get("note"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("note", "").strip() and data.get("value") is None and not self.errors:
            self.add_error("value", "Enter the value, or clear this item")
        return data


class RiskReviewForm(forms.Form):
    """One risk's review: the residual likelihood and impact now; left blank, it is skipped."""

    likelihood = forms.TypedChoiceField(label="Likelihood", required=False, coerce=int)
    impact = forms.TypedChoiceField(label="Impact", required=False, coerce=int)
    note = forms.CharField(
        label="Review note", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    mitigation = forms.CharField(
        label="What is being done to reduce it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when the risk is above the council's appetite. Leave blank to keep it.",
    )

    def __init__(self, *args: Any, matrix: ScoringMatrix, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for axis in ("likelihood", "impact"):
            field = self.fields[axis]
            field.choices = [("", "Choose"), *matrix.level_choices(axis)]  # type: ignore[attr-defined]
            field.empty_value = None  # type: ignore[attr-defined]

    def is_filled(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any(data.get(name) for name in self.fields):
            for axis in ("likelihood", "impact"):
                if data.get(axis) is None and axis not in self.errors:
                    self.add_error(axis, f"Choose the {axis}, or clear this risk")
        return data
