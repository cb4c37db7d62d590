from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from stocktake.complaints.workdays import Region

from . import throttle
from .models import Organisation, Person, Post


def _people(organisation: Organisation) -> Any:
    return Person.objects.filter(
        organisation=organisation, left_on__isnull=True, merged_into__isnull=True
    )


class ReassignForm(forms.Form):
    """Move every item of a vacant post or a leaver to someone else."""

    from_post = forms.ModelChoiceField(
        queryset=Post.objects.none(), required=False, to_field_name="uuid"
    )
    from_person = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, to_field_name="uuid"
    )
    to_person = forms.ModelChoiceField(
        label="Move their items to",
        queryset=Person.objects.none(),
        to_field_name="uuid",
        error_messages={"required": "Choose who takes over the items"},
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_post"].queryset = Post.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
        self.fields["from_person"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
        self.fields["to_person"].queryset = _people(organisation)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("from_post")) == bool(data.get("from_person")):
            raise forms.ValidationError("Choose one post or one person to move items from")
        return data


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(queryset=Person.objects.none(), to_field_name="uuid")
    duplicate = forms.ModelChoiceField(queryset=Person.objects.none(), to_field_name="uuid")

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("keep", "duplicate"):
            self.fields[name].queryset = Person.objects.filter(  # type: ignore[attr-defined]
                organisation=organisation, merged_into__isnull=True
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("keep") and data.get("keep") == data.get("duplicate"):
            raise forms.ValidationError("Choose two different people")
        return data


class LeaveForm(forms.Form):
    left_on = forms.DateField(
        label="Left on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the date they left",
            "invalid": "Enter a real date, for example 31/03/2009",
        },
    )


class OrganisationSettingsForm(forms.Form):
    """A council's own settings. The services hold the rules; this only collects the answers."""

    name = forms.CharField(max_length=200, error_messages={"required": "Enter the council's name"})
    gss_code = forms.CharField(
        label="GSS code",
        required=False,
        help_text="The council's official statistical code: a letter and 8 digits, for example "
        "E07000077. The customer segments page uses it to find the council's areas.",
    )
    councillors_see_drafts = forms.BooleanField(
        label="Councillors may read plans before they are signed off", required=False
    )
    region = forms.ChoiceField(
        label="Bank holidays counted for complaint due dates",
        choices=Region.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which nation's bank holidays apply"},
    )


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing attempts once a username or address has failed too often."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request)
        if throttle.is_locked(username=username, address=address):
            raise ValidationError(throttle.MESSAGE, code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.record_failure(username=username, address=address)
            raise
        throttle.record_success(username=username)
        return cleaned
