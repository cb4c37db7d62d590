from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from django import forms

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.core.period_text import PeriodError, read_period
from stocktake.core.periods import Period

from . import selectors
from .dataset_read import FORMATS
from .models import Indicator, IndicatorDefinition, Measurement
from .plausibility import unusual_values
from .services import ratio
from .status import ACHIEVEMENT_TYPES

_STATUS_CHOICES = [
    ("", "Any status"),
    ("red", "Red"),
    ("amber", "Amber"),
    ("green", "Green"),
    ("data_only", "Data only"),
    ("no_data", "No data"),
]
_NUMBER_ERRORS = {"invalid": "Enter a number, for example 34.5"}


class IndicatorFilterForm(forms.Form):
    unit = forms.ChoiceField(label="Service", required=False)
    family = forms.ChoiceField(
        label="Family",
        required=False,
        choices=[("", "Any family"), *IndicatorDefinition.Family.choices],
    )
    status = forms.ChoiceField(label="Status", required=False, choices=_STATUS_CHOICES)
    owner = forms.ChoiceField(label="Owner", required=False)

    def __init__(self, *args: Any, units: list[Unit], owners: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "Any service")] + [  # type: ignore[attr-defined]
            (str(u.uuid), u.name) for u in units
        ]
        self.fields["owner"].choices = [("", "Any owner")] + [  # type: ignore[attr-defined]
            (str(p.uuid), p.name) for p in owners
        ]


class MeasurementForm(forms.Form):
    period = forms.CharField(
        label="Period",
        help_text='For example "Q1 2009/10", "2009/10" or "June 2009".',
        error_messages={"required": "Enter the period the value is for"},
    )
    value = forms.DecimalField(
        label="Value",
        required=False,
        max_digits=20,
        decimal_places=6,
        error_messages=_NUMBER_ERRORS,
    )
    achieved = forms.ChoiceField(
        label="Achieved?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether it was achieved"},
    )
    numerator = forms.DecimalField(
        required=False, max_digits=20, decimal_places=6, error_messages=_NUMBER_ERRORS
    )
    denominator = forms.DecimalField(
        required=False, max_digits=20, decimal_places=6, error_messages=_NUMBER_ERRORS
    )
    forecast = forms.DecimalField(
        label="Forecast year-end figure",
        required=False,
        max_digits=20,
        decimal_places=6,
        help_text="Optional: what you expect the figure for the whole year to be.",
        error_messages=_NUMBER_ERRORS,
    )
    sample_size = forms.IntegerField(
        label="Sample size",
        required=False,
        min_value=1,
        help_text="For survey results: how many people answered.",
        error_messages={"invalid": "Enter a whole number", "min_value": "Enter at least 1"},
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why the value is what it is. A red value needs a note.",
    )
    provisional = forms.BooleanField(
        label="This value is provisional", required=False, initial=True
    )
    change_reason = forms.CharField(
        label="Reason for the change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed only for a period already reported to committee and locked.",
    )

    def __init__(
        self,
        *args: Any,
        definition: IndicatorDefinition,
        indicator: Indicator | None = None,
        **kwargs: Any,
    ) -> None:
        """With an indicator (the web page), replacing a value and unusual values are confirmed."""
        super().__init__(*args, **kwargs)
        self.definition, self.indicator = definition, indicator
        self.existing: Measurement | None = None
        if indicator is not None and self.is_bound:
            # Kept only when clean() finds something to confirm, so they show only then.
            self.fields["replace"] = forms.BooleanField(required=False)
            self.fields["unusual_confirmed"] = forms.BooleanField(
                label="The value is right", required=False
            )
        # Why each field left out does not apply: a value sent for one is refused, not dropped.
        self.not_applicable: dict[str, str] = {}
        if definition.data_type in ACHIEVEMENT_TYPES:
            for name in ("value", "numerator", "denominator", "forecast", "sample_size"):
                self._leave_out(name, "this indicator is recorded as achieved or not")
            return
        self._leave_out("achieved", "only yes/no and milestone indicators are; send the value")
        if definition.numerator_label:
            self.fields["numerator"].label = definition.numerator_label
            self.fields["denominator"].label = definition.denominator_label or "Denominator"
            self.fields["value"].help_text = "Leave empty to work it out from the two parts."
        else:
            for name in ("numerator", "denominator"):
                self._leave_out(name, "this indicator is not a ratio of two parts")
        if definition.data_type == IndicatorDefinition.DataType.PERCENTAGE:
            self.fields["value"].label = "Value (%)"
        else:
            self._leave_out("sample_size", "only percentages from a survey have one")
        self.order_fields(["period", "replace", "value", "unusual_confirmed"])

    def _leave_out(self, name: str, why: str) -> None:
        del self.fields[name]
        if self.is_bound and str(self.data.get(name) or "").strip():
            label = name.replace("_", " ").capitalize()
            self.not_applicable[name] = f"{label} does not apply to this indicator: {why}"

    def clean_period(self) -> Period:
        try:
            return read_period(self.cleaned_data["period"], strict=True)
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        for message in self.not_applicable.values():
            self.add_error(None, message)
        period = data.get("period")
        if self.indicator is not None and isinstance(period, Period):
            self.existing = selectors.measurement_for(self.indicator, period)
        if self.existing is None:
            self.fields.pop("replace", None)
        elif "replace" in self.fields:
            # The bound field was made, with the field's label, while the fields were cleaned.
            self["replace"].label = f"Replace the value for {self.existing.period_label}"
            if not data.get("replace"):
                self.add_error("replace", _replacing(self.existing, self.definition))
        value = data.get("value")
        if value is None:
            value = ratio(data.get("numerator"), data.get("denominator"), self.definition)
        unusual = unusual_values(self.definition, value=value, forecast=data.get("forecast"))
        if "unusual_confirmed" in self.fields:
            if not unusual:
                del self.fields["unusual_confirmed"]
            elif not data.get("unusual_confirmed"):
                self.add_error(
                    "unusual_confirmed",
                    f"{'. '.join(unusual)}: check it, then tick to confirm it is right",
                )
        return data

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        value: Decimal | None = data.get("value")
        if "achieved" in data:
            value = Decimal(1) if data["achieved"] == "yes" else Decimal(0)
        return {
            "period": data["period"],
            "value": value,
            "numerator": data.get("numerator"),
            "denominator": data.get("denominator"),
            "note": data["note"],
            "forecast": data.get("forecast"),
            "sample_size": data.get("sample_size"),
            "change_reason": data.get("change_reason", ""),
            "state": Measurement.State.PROVISIONAL
            if data["provisional"]
            else Measurement.State.VERIFIED,
        }


def _replacing(existing: Measurement, definition: IndicatorDefinition) -> str:
    if definition.data_type in ACHIEVEMENT_TYPES:
        shown = "achieved" if existing.value else "not achieved"
    else:
        shown = existing.value_text or (
            definition.style.show(existing.value) if existing.value is not None else "no figure"
        )
    note = f' with the note "{existing.note.strip()}"' if existing.note.strip() else ""
    return (
        f"A value for {existing.period_label} is already entered: {shown}{note}. "
        "Tick the box to replace it and its note, or enter a different period"
    )


class DatasetUploadForm(forms.Form):
    file = forms.FileField(
        label="Dataset",
        help_text="CSV, TSV, Excel (.xlsx) or JSON; one value per row, or periods across.",
        error_messages={"required": "Choose the dataset to import"},
    )
    organisation = forms.ModelChoiceField(
        label="Import for",
        queryset=Organisation.objects.none(),
        to_field_name="uuid",
        help_text="Rows without an organisation are this one's, and so are new local indicators.",
        error_messages={"required": "Choose the organisation the data is for"},
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[o.pk for o in organisations]
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in FORMATS:
            kinds = ", ".join(sorted({s.lstrip(".") for s in FORMATS}))
            raise forms.ValidationError(f"The dataset must be one of: {kinds}")
        return upload
