"""Complaint forms: the same validation for the web pages and anything else that posts to them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.customers.models_feedback import AgeBand

from .access import possible_handlers
from .models import Channel, Complaint, OmbudsmanCase, Procedure
from .models_handling import Outcome

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/08/2025", "required": "Enter a date"}


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, widget=_DATE, required=required, error_messages=_DATE_ERRORS
    )


def _text(label: str, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
    )  # fmt: skip


def attach_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal: field errors beside the field when the form has it, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def _people(organisation: Organisation) -> forms.ModelChoiceField[Person]:
    return forms.ModelChoiceField(
        label="Handler",
        queryset=possible_handlers(organisation),
        error_messages={
            "required": "Choose who will handle it",
            "invalid_choice": "Choose someone who may handle complaints",
        },
    )


class ReceiveForm(forms.Form):
    received_on = _date("Received on")
    channel = forms.ChoiceField(label="How it came in", choices=Channel.choices)
    # Blank: the council's default procedure, set up on the first complaint if need be.
    procedure = forms.ModelChoiceField(
        queryset=Procedure.objects.none(),
        required=False,
        empty_label="The council's default procedure",
    )
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="Service", queryset=Unit.objects.none(), required=False, empty_label="Not known"
    )
    service_name = forms.CharField(
        label="Service (in the complainant's words)", required=False, max_length=200
    )
    complainant_name = forms.CharField(label="Complainant's name", required=False, max_length=200)
    complainant_contact = _text("Complainant's contact details")
    via_representative = forms.BooleanField(label="Made through a representative", required=False)
    representative_name = forms.CharField(
        label="Representative's name", required=False, max_length=200
    )
    summary = _text("What the complaint is about", required=True)
    outcome_sought = _text("What the complainant wants to happen")
    vulnerable = forms.BooleanField(
        label="The complainant may need reasonable adjustments or extra support", required=False
    )
    vulnerability_note = _text("Adjustments or support needed")
    # Equality monitoring: optional, asked with the complainant's consent.
    area_code = forms.CharField(
        label="Area code of the complainant's address (optional)",
        required=False,
        max_length=12,
        help_text="The output area or ward code, for example E00012345",
    )
    age_band = forms.ChoiceField(
        label="Age band (optional)",
        choices=[("", "Not asked"), *AgeBand.choices],
        required=False,
    )
    disabled = forms.TypedChoiceField(
        label="Considers themselves disabled (optional)",
        choices=[("", "Not asked or not said"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        procedure = self.fields["procedure"]
        assert isinstance(procedure, forms.ModelChoiceField)
        procedure.queryset = Procedure.objects.filter(organisation=organisation).order_by(
            "-is_default", "name"
        )
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = Unit.objects.filter(organisation=organisation)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("refuse", "Do not accept")], widget=forms.RadioSelect
    )
    on = _date("Decided on")
    reason = _text("Reason for not accepting", help_text="Told to the complainant.")


class AcknowledgeForm(forms.Form):
    on = _date("Acknowledged on")

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"] = _people(organisation)


class EscalateForm(AcknowledgeForm):
    on = _date("Escalation acknowledged on")


class RespondForm(forms.Form):
    responded_on = _date("Responded on")
    outcome = forms.ChoiceField(choices=[("", "Choose"), *Outcome.choices], required=False)
    response_summary = _text("Summary of the response")
    remedy = _text("Remedy offered", help_text="Apology, action, payment, or none.")


class ExtendForm(forms.Form):
    days = forms.IntegerField(label="Extra working days", min_value=1)
    reason = _text("Reason", required=True)
    agreed_on = _date("Agreed on")


class SatisfactionForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label="Satisfaction with how the complaint was handled",
        choices=[("", "Not answered"), *Complaint.Satisfaction.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )


class ReferForm(forms.Form):
    referred_on = _date("Referred on")
    ombudsman = forms.CharField(required=False, max_length=200, help_text="Blank: the procedure's.")
    taken_early = forms.BooleanField(
        label="The ombudsman took it before our procedure had finished",
        required=False,
        help_text="Needed when the last stage has not answered and no response is late.",
    )


class CaseChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.ombudsman}, referred {obj.referred_on:%-d %b %Y}"


class OmbudsmanDecisionForm(forms.Form):
    case = CaseChoiceField(queryset=OmbudsmanCase.objects.none(), empty_label=None)
    decision = forms.ChoiceField(choices=OmbudsmanCase.Decision.choices)
    decided_on = _date("Decided on")
    remedy = _text("Remedy the ombudsman asked for")

    def __init__(self, *args: Any, complaint: Complaint, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case = self.fields["case"]
        assert isinstance(case, forms.ModelChoiceField)
        case.queryset = complaint.ombudsman_cases.all()


class LearningForm(forms.Form):
    what_changed = _text("What changed", required=True)
    changed_on = _date("Changed on")
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="Service that changed", queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = Unit.objects.filter(organisation=organisation)


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, required=False)
