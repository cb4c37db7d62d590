from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from django import forms

from stocktake.accounts.models import Organisation, Person, Unit

from .dataset_read import FORMATS
from .models import IndicatorDefinition, Measurement
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

    def __init__(self, *args: Any, definition: IndicatorDefinition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if definition.data_type in ACHIEVEMENT_TYPES:
            for name in ("value", "numerator", "denominator", "forecast", "sample_size"):
                del self.fields[name]
            return
        del self.fields["achieved"]
        if definition.numerator_label:
            self.fields["numerator"].label = definition.numerator_label
            self.fields["denominator"].label = definition.denominator_label or "Denominator"
            self.fields["value"].help_text = "Leave empty to work it out from the two parts."
        else:
            del self.fields["numerator"]
            del self.fields["denominator"]
        if definition.data_type == IndicatorDefinition.DataType.PERCENTAGE:
            self.fields["value"].label = "Value (%)"
        else:
            del self.fields["sample_size"]

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
