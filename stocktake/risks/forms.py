from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q

from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.plans.models import Action, Plan

from .equality import Characteristic, EqualityAssessment
from .models import Partnership, Risk, ScoringMatrix
from .rules import REVIEW_DAYS_MAX

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/08/2007"}


def review_cycle(field: Any) -> forms.IntegerField:
    """The review cycle with the rule's bounds and words, whatever the database's own integer
    limits (PostgreSQL's small integers would otherwise answer first, in Django's words)."""
    words = f"Enter a review cycle from 1 to {REVIEW_DAYS_MAX} days (five years)"
    return forms.IntegerField(
        label=field.label,
        required=field.required,
        initial=field.initial,
        help_text=field.help_text,
        min_value=1,
        max_value=REVIEW_DAYS_MAX,
        error_messages={"min_value": words, "max_value": words, "invalid": words},
    )


def _level(matrix: ScoringMatrix, axis: str, label: str, required: bool = False) -> Any:
    return forms.TypedChoiceField(
        label=label,
        required=required,
        coerce=int,
        empty_value=None,
        choices=[("", "Not scored"), *matrix.level_choices(axis)],
        error_messages={"required": f"Choose the {axis}"},
    )


class ActionChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.plan.title}: {obj.ref} {obj.text[:80]}".strip()


def _actions(organisation_id: int) -> Any:
    return Action.objects.filter(organisation_id=organisation_id).select_related("plan")


class RiskFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *Risk.Status.choices])
    owner = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, empty_label="Anyone"
    )
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), required=False, empty_label="Any")
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        queryset=Unit.objects.none(), required=False, empty_label="Any"
    )
    over_appetite = forms.BooleanField(label="Only risks over appetite", required=False)
    review_overdue = forms.BooleanField(label="Only risks overdue for review", required=False)
    flagged = forms.BooleanField(label="Only risks needing completion", required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[
            ("ref", "Register order"),
            ("score", "Residual score, highest first"),
            ("review", "Review date, soonest first"),
        ],
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = organisation.pk
        owners = Risk.objects.filter(organisation_id=org).values("owner_person")
        fields: Any = self.fields
        fields["owner"].queryset = Person.objects.filter(pk__in=owners)
        fields["plan"].queryset = Plan.objects.filter(organisation_id=org)
        fields["unit"].queryset = Unit.objects.filter(organisation_id=org)


class RiskForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Risk
        fields = [
            "ref",
            "title",
            "cause",
            "event",
            "consequence",
            "category",
            "plan",
            "unit",
            "parent",
            "partnership",
            "owner_person",
            "owner_post",
            "inherent_likelihood",
            "inherent_impact",
            "appetite",
            "mitigation",
            "mitigating_actions",
            "review_days",
            "review_due_on",
            "status",
        ]
        labels = {
            "owner_person": "Owner (a person)",
            "owner_post": "Owner (a post)",
            "review_days": "Review every (days)",
            "review_due_on": "Next review due",
        }
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "cause": forms.Textarea(attrs={"rows": 2}),
            "event": forms.Textarea(attrs={"rows": 2}),
            "consequence": forms.Textarea(attrs={"rows": 2}),
            "mitigation": forms.Textarea(attrs={"rows": 4}),
            "review_due_on": _DATE,
        }
        help_texts = {
            "cause": 'Left empty, these are read from a risk written as "… leading to … '
            'resulting in …".'
        }

    def __init__(
        self, *args: Any, organisation: Organisation, matrix: ScoringMatrix, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        org = organisation.pk
        fields: Any = self.fields
        fields["review_days"] = review_cycle(fields["review_days"])
        # The appetite's bounds on the form too, so it is reported with any other mistake
        # rather than only once the rest of the form is right (the service checks it again).
        words = f"Enter an appetite from 1 to {matrix.max_score}"
        fields["appetite"].validators = [
            MinValueValidator(1, message=words),
            MaxValueValidator(matrix.max_score, message=words),
        ]
        fields["inherent_likelihood"] = _level(matrix, "likelihood", "Inherent likelihood")
        fields["inherent_impact"] = _level(matrix, "impact", "Inherent impact")
        fields["plan"].queryset = Plan.objects.filter(organisation_id=org)
        fields["unit"].queryset = Unit.objects.filter(organisation_id=org)
        others = Risk.objects.filter(organisation_id=org)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        fields["parent"].queryset = others
        fields["partnership"].queryset = Partnership.objects.filter(organisation_id=org)
        fields["partnership"].help_text = "A risk of one of the council's partnerships."
        fields["owner_person"].queryset = Person.objects.filter(organisation_id=org)
        fields["owner_post"].queryset = Post.objects.filter(organisation_id=org)
        fields["mitigating_actions"] = ActionChoiceField(
            queryset=_actions(org), required=False, label="Actions that deliver the mitigation"
        )
        fields[
            "appetite"
        ].help_text += f" Scores run from 1 to {matrix.max_score}; red from {matrix.red_from}."
        fields["review_due_on"].error_messages.update(_DATE_ERRORS)


class RiskCreateForm(RiskForm):
    """A new risk can be given its current score, which becomes its first review."""

    def __init__(self, *args: Any, matrix: ScoringMatrix, **kwargs: Any) -> None:
        super().__init__(*args, matrix=matrix, **kwargs)
        fields: Any = self.fields
        fields["residual_likelihood"] = _level(matrix, "likelihood", "Current likelihood")
        fields["residual_impact"] = _level(matrix, "impact", "Current impact")
        del fields["status"]
        del fields["review_due_on"]


class ReviewForm(forms.Form):
    as_at = forms.DateField(
        label="Reviewed on",
        help_text="The date of the judgement, which may be earlier than today.",
        widget=_DATE,
        error_messages={"required": "Enter the date of the review", **_DATE_ERRORS},
    )
    note = forms.CharField(
        label="What has changed", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    mitigation = forms.CharField(
        label="Mitigation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when the risk is above appetite.",
    )

    def __init__(self, *args: Any, matrix: ScoringMatrix, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["likelihood"] = _level(matrix, "likelihood", "Likelihood now", required=True)
        fields["impact"] = _level(matrix, "impact", "Impact now", required=True)
        self.order_fields(["as_at", "likelihood", "impact", "note", "mitigation"])


class AssessmentForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = EqualityAssessment
        fields = [
            "ref",
            "title",
            "priority",
            "plan",
            "unit",
            "lead_person",
            "lead_post",
            "due_text",
            "status",
            "characteristics",
            "findings",
            "actions",
        ]
        labels = {
            "lead_person": "Lead (a person)",
            "lead_post": "Lead (a post)",
            "due_text": "Due",
            "actions": "Resulting actions",
        }
        help_texts = {"due_text": 'As the programme writes it, e.g. "March 2010" or "Q3 09/10".'}
        widgets = {
            "findings": forms.Textarea(attrs={"rows": 5}),
            "characteristics": forms.CheckboxSelectMultiple,
        }

    def __init__(
        self, *args: Any, organisation: Organisation, characteristics: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        org = organisation.pk
        fields: Any = self.fields
        fields["plan"].queryset = Plan.objects.filter(organisation_id=org)
        fields["unit"].queryset = Unit.objects.filter(organisation_id=org)
        fields["lead_person"].queryset = Person.objects.filter(organisation_id=org)
        fields["lead_post"].queryset = Post.objects.filter(organisation_id=org)
        # Characteristics chosen from an older list stay on the form, so editing keeps them.
        chosen = Q(assessments=self.instance) if self.instance.pk else Q(pk__in=[])
        fields["characteristics"].queryset = (
            Characteristic.objects.filter(Q(pk__in=characteristics.values("pk")) | chosen)
            .distinct()
            .order_by("set__effective_from", "set_id", "position")
        )
        fields["actions"] = ActionChoiceField(
            queryset=_actions(org), required=False, label="Resulting actions"
        )
