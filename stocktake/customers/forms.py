"""Forms. The contact entry form checks its answers with the same row parser as bulk loads,
so a typed-in contact and a loaded one obey exactly the same rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from .models import Channel
from .models_contacts import Avoidable, AvoidableReason, Exclusion
from .parsing import COLUMNS, ContactRow, RowError, parse_row
from .servicelist import SERVICES

_BLANK = [("", "Not recorded")]


class ContactEntryForm(forms.Form):
    received_at = forms.DateTimeField(
        label="When it was received",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    channel = forms.ChoiceField(choices=Channel.choices)
    access_point = forms.ChoiceField(required=False)
    service = forms.ChoiceField(choices=_BLANK + list(SERVICES), required=False)
    request_type = forms.CharField(max_length=100, required=False)
    resolved_first = forms.ChoiceField(
        label="Resolved at first point of contact?",
        choices=[("", "Not known"), ("yes", "Yes"), ("no", "No")],
        required=False,
    )
    request_resolved = forms.BooleanField(label="This contact closed the request", required=False)
    avoidable = forms.ChoiceField(choices=Avoidable.choices, initial=Avoidable.UNASSESSED)
    avoidable_reason = forms.ChoiceField(
        label="Why it was avoidable", choices=_BLANK + AvoidableReason.choices, required=False
    )
    area_code = forms.CharField(label="Area code (output area or ward)", required=False)
    exclusion = forms.ChoiceField(
        label="Excluded from NI 14 because",
        choices=[("", "Not excluded"), *Exclusion.choices],
        required=False,
    )

    def __init__(self, *args: Any, access_points: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.access_points = access_points
        field = self.fields["access_point"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _BLANK + [(c, c) for c in sorted(access_points)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        when: dt.datetime = data["received_at"]
        fields = {
            name: str(data.get(name) or "")
            for name in (
                "channel",
                "access_point",
                "service",
                "request_type",
                "resolved_first",
                "avoidable",
                "avoidable_reason",
                "area_code",
                "exclusion",
            )
        }
        fields["received_at"] = when.isoformat()
        fields["request_resolved"] = "yes" if data.get("request_resolved") else ""
        values = [fields[name] for name in COLUMNS]
        try:
            data["row"] = parse_row(values, access_points=self.access_points, now=timezone.now())
        except RowError as error:
            raise forms.ValidationError(str(error)) from None
        return data

    @property
    def row(self) -> ContactRow:
        row: ContactRow = self.cleaned_data["row"]
        return row


class SamplingPeriodForm(forms.Form):
    name = forms.CharField(max_length=100, initial="Sampling week")
    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


class MonthForm(forms.Form):
    end = forms.DateField(
        label="Twelve months ending",
        input_formats=["%Y-%m"],
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
