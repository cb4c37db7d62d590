from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from stocktake.accounts.models import Organisation


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What will use the token",
        max_length=100,
        help_text="For example: Power BI, the council website.",
        error_messages={"required": "Enter what will use the token, for example Power BI"},
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        to_field_name="uuid",
        help_text="The token reaches this organisation's data only, as you see it.",
        error_messages={"required": "Choose the organisation"},
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
