"""Forms for the partnership register and for moving items to new owners."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from django import forms

from stocktake.accounts.models import Organisation, Person, Post, Unit

from .forms import review_cycle
from .partnerships import Partnership, PartnershipReview

Choice = tuple[str, str]
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/08/2007"}


class PartnershipFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *Partnership.Status.choices]
    )
    governance = forms.ChoiceField(
        required=False, choices=[("", "Any governance"), *Partnership.Governance.choices]
    )
    lead = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, empty_label="Anyone"
    )
    review_overdue = forms.BooleanField(
        label="Only partnerships overdue for review", required=False
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leads = Partnership.objects.filter(organisation=organisation).values("lead_person")
        fields: Any = self.fields
        fields["lead"].queryset = Person.objects.filter(pk__in=leads)


class PartnershipForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Partnership
        fields = [
            "name",
            "body",
            "partner_names",
            "purpose",
            "unit",
            "lead_person",
            "lead_post",
            "governance",
            "governance_note",
            "funding",
            "review_days",
            "review_due_on",
            "status",
        ]
        labels = {
            "body": "The partnership as an organisation",
            "partner_names": "Other partners",
            "lead_person": "Council lead (a person)",
            "lead_post": "Council lead (a post)",
            "governance_note": "About its governance",
            "review_days": "Review every (days)",
            "review_due_on": "Next review due",
        }
        widgets = {
            "partner_names": forms.Textarea(attrs={"rows": 3}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "governance_note": forms.Textarea(attrs={"rows": 2}),
            "funding": forms.Textarea(attrs={"rows": 2}),
            "review_due_on": _DATE,
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = organisation.pk
        fields: Any = self.fields
        fields["review_days"] = review_cycle(fields["review_days"])
        fields["body"].queryset = Organisation.objects.filter(kind=Organisation.Kind.PARTNERSHIP)
        fields["unit"].queryset = Unit.objects.filter(organisation_id=org)
        fields["lead_person"].queryset = Person.objects.filter(organisation_id=org)
        fields["lead_post"].queryset = Post.objects.filter(organisation_id=org)
        fields["review_due_on"].error_messages.update(_DATE_ERRORS)
        if not self.instance.pk:
            del fields["status"]
            fields["review_due_on"].help_text = "Left empty, a review cycle from today."


class PartnershipReviewForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PartnershipReview
        fields = ["as_at", "outcome", "note"]
        labels = {"as_at": "Reviewed on", "note": "What the review found"}
        help_texts = {"as_at": "The date of the review, which may be earlier than today."}
        widgets = {"as_at": _DATE, "note": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "as_at": {"required": "Enter the date of the review", **_DATE_ERRORS},
            "outcome": {"required": "Choose what the review decided"},
        }


def _owner_choices(organisation: Organisation) -> tuple[list[Choice], list[Choice]]:
    people = Person.objects.filter(
        organisation=organisation, left_on__isnull=True, merged_into__isnull=True
    )
    posts = Post.objects.filter(organisation=organisation)
    return (
        [(f"person:{p.uuid}", p.name) for p in people],
        [(f"post:{p.uuid}", p.title) for p in posts],
    )


class ReassignForm(forms.Form):
    """Move every item of a vacant post or a leaver to one person or post."""

    source = forms.CharField(widget=forms.HiddenInput)
    to = forms.ChoiceField(
        label="Move their items to", error_messages={"required": "Choose who takes over"}
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        fields: Any = self.fields
        self.people, self.posts = _owner_choices(organisation)
        fields["to"].choices = [("", "Choose…"), ("People", self.people), ("Posts", self.posts)]

    def _owner(self, key: str, field: str) -> Person | Post:
        kind, _, text = key.partition(":")
        model: Any = {"person": Person, "post": Post}.get(kind)
        found = None
        try:
            uuid = uuid_lib.UUID(text)
        except ValueError:
            model = None
        if model is not None:
            found = model.objects.filter(organisation=self.organisation, uuid=uuid).first()
        if found is None:
            raise forms.ValidationError({field: "Choose a person or post from the list"})
        return found  # type: ignore[no-any-return]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        source = self._owner(data["source"], "source")
        target = self._owner(data["to"], "to")
        for prefix, owner in (("from", source), ("to", target)):
            data[f"{prefix}_person"] = owner if isinstance(owner, Person) else None
            data[f"{prefix}_post"] = owner if isinstance(owner, Post) else None
        return data
