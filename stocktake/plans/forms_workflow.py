from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from stocktake.accounts.models import Committee

from .forms import TextField
from .models import Action, ProgressStatus

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 12/03/2009"}


class TransitionForm(forms.Form):
    comment = TextField(label="Comment", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    committee = forms.ModelChoiceField(
        label="Approving committee", queryset=Committee.objects.none(), required=False
    )
    decided_on = forms.DateField(
        label="Date of the decision", required=False, widget=_DATE, error_messages=_DATE_ERRORS
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id
        )


CLOSE_CHOICES = [
    (ProgressStatus.COMPLETE.value, "Complete"),
    (ProgressStatus.SUPERSEDED.value, "Superseded by another item"),
    (ProgressStatus.TRANSFERRED.value, "Transferred to another plan or body"),
    (ProgressStatus.CANCELLED.value, "Cancelled"),
]


class CloseForm(forms.Form):
    closed_as = forms.ChoiceField(
        label="Close as",
        choices=CLOSE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the item closes"},
    )
    superseded_by = forms.ModelChoiceField(
        label="Superseded by",
        queryset=Action.objects.none(),
        required=False,
        to_field_name="uuid",
        help_text="The item, in this or another plan, that replaces this one.",
    )
    agreed_by = TextField(
        label="Closure agreed by",
        help_text="For example: Audit Committee.",
        error_messages={"required": "Enter who agreed the closure, e.g. Audit Committee"},
    )
    agreed_on = forms.DateField(
        label="Date agreed",
        widget=_DATE,
        error_messages={"required": "Enter the date the closure was agreed"} | _DATE_ERRORS,
    )
    note = TextField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        candidates = (
            Action.objects.filter(organisation_id=action.organisation_id)
            .exclude(pk=action.pk)
            .select_related("plan")
            .order_by("plan__title", "position")
        )
        field = self.fields["superseded_by"]
        field.queryset = candidates  # type: ignore[attr-defined]
        field.label_from_instance = (  # type: ignore[attr-defined]
            lambda a: f"{a.plan.title}: {a.ref} {a.text[:70]}".strip()
        )


ALLOWED_EVIDENCE = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".csv": (),
    ".txt": (),
}


class EvidenceForm(forms.Form):
    title = TextField(label="Title", error_messages={"required": "Enter a title"})
    file = forms.FileField(
        label="File",
        required=False,
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text or an image.",
    )
    url = forms.URLField(label="Or a link", required=False, assume_scheme="https")

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        limit = settings.EVIDENCE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"The file must be smaller than {limit // 1_000_000} MB")
        name = upload.name.lower()
        suffix = name[name.rfind(".") :] if "." in name else ""
        if suffix not in ALLOWED_EVIDENCE:
            raise forms.ValidationError(
                "The file must be a PDF, Office document, CSV, text or image"
            )
        head = upload.read(2048)
        upload.seek(0)
        signatures = ALLOWED_EVIDENCE[suffix]
        if signatures and not head.startswith(signatures):
            raise forms.ValidationError(f"The file is not really a {suffix[1:].upper()} file")
        if not signatures and b"\x00" in head:
            raise forms.ValidationError("The file is not a text file")
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not data.get("url") and not self.errors:
            raise forms.ValidationError("Choose a file or enter a link")
        return data
