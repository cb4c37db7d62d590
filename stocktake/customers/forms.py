"""Forms. The contact entry form checks its answers with the same row parser as bulk loads,
so a typed-in contact and a loaded one obey exactly the same rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone

from stocktake.core.periods import Period
from stocktake.indicators.models import Indicator
from stocktake.indicators.services import period_from

from . import rules
from .models import Channel
from .models_contacts import Avoidable, AvoidableReason, Exclusion
from .parsing import COLUMNS, ContactRow, PointCodes, RowError, parse_row
from .servicelist import SERVICES

_BLANK = [("", "Not recorded")]


def _beside_field(rule: Any, *values: Any) -> None:
    """Run a rule for a clean_<field> method: its message goes beside that field."""
    try:
        rule(*values)
    except ValidationError as error:
        raise forms.ValidationError(error.messages) from None


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

    def __init__(self, *args: Any, access_points: PointCodes, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.access_points = access_points
        field = self.fields["access_point"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _BLANK + [
            (c, c) for c in sorted(access_points) if c not in access_points.closed
        ]

    def clean_received_at(self) -> dt.datetime:
        when: dt.datetime = self.cleaned_data["received_at"]
        shown = formats.date_format(timezone.localtime(when), "j F Y, H:i")
        _beside_field(rules.not_in_future, when, timezone.now(), shown)
        return when

    def clean_area_code(self) -> str:
        code = str(self.cleaned_data.get("area_code") or "").strip()
        _beside_field(rules.area_code_is_a_code, code)
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            rules.reason_only_when_avoidable(
                str(data.get("avoidable") or ""), str(data.get("avoidable_reason") or "")
            )
        except ValidationError as error:
            self.add_error(None, error)  # keyed by field, so shown beside it
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


class Ni14FeedForm(forms.Form):
    """Record a period's NI 14 in an indicator, so it gets targets, status and trend."""

    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(),
        empty_label=None,
        label="Indicator",
        help_text="The council's NI 14 indicator: a percentage where lower is better.",
    )
    period = forms.CharField(
        label="Period",
        help_text='The indicator\'s period, for example "Q3 2009/10" or "December 2009".',
        error_messages={"required": "Enter the period to record"},
    )
    definition = forms.ChoiceField(
        label="Definition",
        choices=[
            ("final", "Final: avoidable contacts as % of assessed contacts"),
            ("draft", "2007 draft: contacts per resolved request"),
        ],
        widget=forms.RadioSelect,
        initial="final",
    )
    sampled = forms.BooleanField(
        label="Only contacts in sampling periods", required=False, initial=True
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = (  # type: ignore[attr-defined]
            Indicator.objects.filter(organisation_id=organisation_id)
            .select_related("definition")
            .order_by("definition__code", "definition__title")
        )

    def clean_period(self) -> Period:
        try:
            return period_from(self.cleaned_data["period"])
        except ValidationError as error:
            raise forms.ValidationError(
                'Enter a period such as "Q3 2009/10", "2009/10" or "December 2009"'
            ) from error
