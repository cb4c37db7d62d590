"""Forms for frameworks and assessments; the evidence file check is the plans app's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, Unit
from stocktake.indicators.models import Indicator
from stocktake.plans.forms_workflow import EvidenceForm as PlanEvidenceForm
from stocktake.plans.models import Action, Plan

from .formats import FORMATS
from .models import Framework, FrameworkAssessment


class FrameworkUploadForm(forms.Form):
    file = forms.FileField(
        label="Framework file",
        help_text="JSON, CSV or Excel (.xlsx) in the layout described below.",
        error_messages={"required": "Choose a file"},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name.lower()).suffix not in FORMATS:
            raise forms.ValidationError("The file must be JSON, CSV or XLSX")
        if upload.size > settings.EVIDENCE_MAX_BYTES:
            raise forms.ValidationError("The file is too large")
        return upload


class AssessmentForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Council")
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        queryset=Unit.objects.none(),
        required=False,
        label="Service (leave empty for the whole council)",
    )
    framework = forms.ModelChoiceField(queryset=Framework.objects.all(), label="Framework")
    title = forms.CharField(label="Title", error_messages={"required": "Enter a title"})
    as_at = forms.DateField(
        label="Date assessed",
        help_text="For example 31/03/2009",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation__in=organisations
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unit, organisation = data.get("unit"), data.get("organisation")
        if (
            unit is not None
            and organisation is not None
            and unit.organisation_id != organisation.pk
        ):
            self.add_error("unit", "Choose a service of that council")
        return data


class AssessorForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Assessor")

    def __init__(self, *args: Any, assessment: FrameworkAssessment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        field.queryset = (  # type: ignore[attr-defined]
            User.objects.filter(memberships__organisation_id=assessment.organisation_id)
            .distinct()
            .order_by("first_name", "username")
        )
        field.label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[attr-defined]


def _scale_choices(assessment: FrameworkAssessment) -> list[tuple[str, str]]:
    return [("", "Not rated")] + [
        (str(o.value), f"{o.value} – {o.label}") for o in assessment.framework.scale.all()
    ]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(label="Rating", coerce=int, empty_value=None, required=False)
    commentary = forms.CharField(
        label="Commentary", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, assessment: FrameworkAssessment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = _scale_choices(assessment)  # type: ignore[attr-defined]


class ExternalRatingForm(RatingForm):
    def __init__(self, *args: Any, assessment: FrameworkAssessment, **kwargs: Any) -> None:
        super().__init__(*args, assessment=assessment, prefix="external", **kwargs)
        self.fields["rating"].label = "External rating"
        self.fields["commentary"].label = "External assessor's commentary"


class ExternalForm(forms.Form):
    assessor_name = forms.CharField(label="External assessor", help_text="Body or person")
    on = forms.DateField(
        label="Date of their verdict", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )
    summary = forms.CharField(
        label="Their summary", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        choices=[("agree", "Agree the assessment"), ("return", "Return it to the assessors")],
        error_messages={"required": "Choose agree or return"},
    )
    comment = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class EvidenceForm(PlanEvidenceForm):
    """The plans app's checked file or link, plus a note, a plan action or an indicator."""

    note = forms.CharField(
        label="Or a note", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    action = forms.ModelChoiceField(
        queryset=Action.objects.none(), required=False, label="Or a plan action"
    )
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(), required=False, label="Or an indicator"
    )

    def __init__(self, *args: Any, actions: Any, indicators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions  # type: ignore[attr-defined]
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]
        self.fields["indicator"].label_from_instance = (  # type: ignore[attr-defined]
            lambda i: f"{i.definition.code} {i.definition.title}".strip()
        )

    def clean(self) -> dict[str, Any]:
        data = forms.Form.clean(self) or {}
        given = [k for k in ("file", "url", "note", "action", "indicator") if data.get(k)]
        if not given and not self.errors:
            raise forms.ValidationError("Add a file, a link, a note, a plan action or an indicator")
        return data


class GapCreateForm(forms.Form):
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label="Plan")
    text = forms.CharField(
        label="Improvement action",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the action"},
    )
    due_text = forms.CharField(label="Due", required=False, help_text="For example March 2010")

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]


class GapLinkForm(forms.Form):
    action = forms.ModelChoiceField(queryset=Action.objects.none(), label="Existing plan action")

    def __init__(self, *args: Any, actions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["action"]
        field.queryset = actions  # type: ignore[attr-defined]
        field.label_from_instance = (  # type: ignore[attr-defined]
            lambda a: f"{a.plan.title}: {a.ref} {a.text[:70]}".strip()
        )
