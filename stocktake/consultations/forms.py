"""Consultation and knowledge-base forms."""

from __future__ import annotations

from typing import Any

from django import forms

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.plans.models import Action, Plan

from .models import Consultation, Entry, Method, ResponseCount
from .rules import MOST_RESPONSES

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _scope(form: forms.BaseForm, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class ConsultationForm(forms.ModelForm):  # type: ignore[type-arg]
    methods = forms.MultipleChoiceField(
        choices=Method.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Consultation
        fields = [
            "title", "we_asked", "unit", "lead_officer", "methods", "audiences", "areas",
            "opens_on", "closes_on", "status", "budget", "statutory", "decision", "action",
        ]  # fmt: skip
        widgets = {"opens_on": _DATE, "closes_on": _DATE}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _scope(self, "unit", Unit.objects.filter(organisation=organisation))
        _scope(self, "lead_officer", Person.objects.filter(organisation=organisation))
        _scope(
            self,
            "action",
            Action.objects.filter(organisation_id=organisation.pk).select_related("plan"),
        )


class PlanConsultationForm(ConsultationForm):
    checked_similar = forms.BooleanField(
        label="I have looked at the similar consultations and this one is still needed",
        required=False,
    )

    class Meta(ConsultationForm.Meta):
        fields = [f for f in ConsultationForm.Meta.fields if f != "status"]


class ResponseCountForm(forms.Form):
    kind = forms.ChoiceField(choices=ResponseCount.Kind.choices)
    label = forms.CharField(max_length=200, help_text="A channel, or an equality group.")
    count = forms.IntegerField(min_value=0, max_value=MOST_RESPONSES)


class FeedbackForm(forms.Form):
    you_said = forms.CharField(label="You said", widget=forms.Textarea(attrs={"rows": 3}))
    we_did = forms.CharField(label="We did", widget=forms.Textarea(attrs={"rows": 3}))
    action = forms.ModelChoiceField(
        label="Linked action in a plan", queryset=Action.objects.none(), required=False
    )
    new_action_plan = forms.ModelChoiceField(
        label="Or add what we did as a new action in this plan",
        queryset=Plan.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _scope(self, "action", Action.objects.filter(organisation_id=organisation.pk))
        _scope(self, "new_action_plan", Plan.objects.filter(organisation=organisation))


class EntryForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Entry
        fields = [
            "kind", "question", "answer", "unit", "tags", "owner", "review_on",
            "signpost_name", "signpost_contact", "signpost_helps_with",
        ]  # fmt: skip
        widgets = {"review_on": _DATE}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _scope(self, "unit", Unit.objects.filter(organisation=organisation))
        _scope(self, "owner", Person.objects.filter(organisation=organisation))


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
