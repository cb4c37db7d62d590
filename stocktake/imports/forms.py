from __future__ import annotations

from typing import Any

from django import forms

from stocktake.accounts.models import Organisation
from stocktake.plans.models import Plan

from .services import SUPPORTED

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/03/2009"}
ROLE_CHOICES = [
    ("ref", "Reference"),
    ("text", "Action or recommendation"),
    ("owner", "Owner"),
    ("due", "Due date"),
    ("status", "Status"),
    ("update", "Update or position"),
    ("future", "Future action"),
    ("deliverable", "Deliverables"),
    ("priority", "Priority"),
    ("agreed", "Agreed"),
    ("date_added", "Date added"),
    ("target", "Target"),
    ("supporting", "Supporting information"),
    ("likelihood", "Likelihood"),
    ("impact", "Impact"),
    ("mitigation", "Mitigation"),
    ("objective", "Objective"),
    ("steps", "Steps"),
    ("ignore", "Ignore this column"),
]


class _UuidChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice by UUID; a value that is not even a UUID is just a choice not in the list."""

    def to_python(self, value: Any) -> Any:
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Council paper",
        help_text="Word, PDF, Excel, CSV, web page or text, as the council wrote it.",
        error_messages={"required": "Choose the paper to import"},
    )
    organisation = _UuidChoiceField(
        label="Import for",
        queryset=Organisation.objects.none(),
        to_field_name="uuid",
        error_messages={
            "required": "Choose the organisation the plan belongs to",
            "invalid_choice": "Import for: choose an organisation in the list",
        },
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[o.pk for o in organisations]
        )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not any(name.endswith(suffix) for suffix in SUPPORTED):
            kinds = ", ".join(sorted(s.lstrip(".") for s in SUPPORTED))
            raise forms.ValidationError(f"The paper must be one of: {kinds}")
        return upload


class ReviewForm(forms.Form):
    """What the reviewer decides: the title, the date of current positions, what to leave out."""

    title = forms.CharField(
        label="Plan title",
        max_length=300,
        error_messages={
            "required": "Enter the plan title",
            "max_length": "Plan title must be 300 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        label="Kind of plan",
        choices=Plan.Kind.choices,
        error_messages={
            "required": "Choose the kind of plan",
            "invalid_choice": "Kind of plan: choose one of the kinds in the list",
        },
    )
    as_at = forms.DateField(
        label="Date the current positions describe",
        required=False,
        widget=_DATE,
        error_messages=_DATE_ERRORS,
        help_text="Needed when the paper does not say.",
    )
    into = _UuidChoiceField(
        label="Import into",
        queryset=Plan.objects.none(),
        required=False,
        to_field_name="uuid",
        empty_label="A new plan",
        help_text="Choose an existing plan to update it from this newer version of the paper.",
        error_messages={
            "invalid_choice": "Import into: choose a plan in the list, or A new plan",
        },
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Plan.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
