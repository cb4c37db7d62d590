"""Upload forms for contacts, feedback, peers' figures and the area classification: CSV only,
with a size limit per kind of file (a council's year of contacts is hundreds of megabytes; the
others are small enough to load while the page waits)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from .models import Area

MB = 1_000_000
FEEDBACK_MAX_BYTES = 5 * MB
AREAS_MAX_BYTES = 20 * MB  # every output area in England and Wales, with room to spare


def checked_csv(upload: UploadedFile, *, max_bytes: int) -> UploadedFile:
    """The same checks as evidence uploads (stocktake/plans/forms_workflow.py): size, then the
    name's suffix, then a look at the first bytes, since the suffix is only what the sender said."""
    if (upload.size or 0) > max_bytes:
        raise forms.ValidationError(f"The file must be smaller than {max_bytes // MB} MB")
    if Path(upload.name or "").suffix.lower() != ".csv":
        raise forms.ValidationError("The file must be a CSV file (.csv)")
    head = upload.read(2048)
    upload.seek(0)
    if b"\x00" in head or head.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")):
        raise forms.ValidationError("The file is not a CSV text file")
    return upload


class ContactUploadForm(forms.Form):
    file = forms.FileField(
        label="Contacts file",
        help_text="A CSV file with the columns received_at, channel, access_point, service, "
        "request_type, resolved_first, request_resolved, avoidable, avoidable_reason, "
        "area_code and exclusion; one contact a row.",
        error_messages={"required": "Choose the contacts file to upload"},
    )
    skip_bad = forms.BooleanField(
        label="Skip bad rows",
        required=False,
        help_text="Load the good rows and list the bad ones. Leave this unticked to load "
        "nothing if any row is bad.",
    )

    def clean_file(self) -> Any:
        return checked_csv(self.cleaned_data["file"], max_bytes=settings.CONTACTS_UPLOAD_MAX_BYTES)


class FeedbackUploadForm(forms.Form):
    FEEDBACK, PEERS = "feedback", "peers"

    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[
            (FEEDBACK, "Channel feedback: one rating a row"),
            (PEERS, "Peers' net satisfaction figures: peer, month, channel, net_satisfaction"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the file holds"},
    )
    file = forms.FileField(
        label="CSV file",
        help_text="Feedback columns: received_at, channel, service, rating, reason, comment, "
        "area_code, age_band, disabled (all after rating optional).",
        error_messages={"required": "Choose the file to upload"},
    )

    def clean_file(self) -> Any:
        return checked_csv(self.cleaned_data["file"], max_bytes=FEEDBACK_MAX_BYTES)


class AreaUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of area", choices=Area.Kind.choices, initial=Area.Kind.OUTPUT_AREA
    )
    file = forms.FileField(
        label="Area classification",
        help_text="A CSV file with the columns code, name, district_code, segment_code, "
        "segment_name and population, such as the ONS Output Area Classification.",
        error_messages={"required": "Choose the classification file to upload"},
    )

    def clean_file(self) -> Any:
        return checked_csv(self.cleaned_data["file"], max_bytes=AREAS_MAX_BYTES)
