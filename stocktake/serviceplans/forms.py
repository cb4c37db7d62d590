"""Plain GOV.UK forms: one per section kind, built from the template's columns and labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from stocktake.accounts.models import Committee, Unit

from .document import columns_for
from .models import Kind, SectionContent, TemplateSection

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BLANK_ROWS = 3


class PlanCreateForm(forms.Form):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="Service",
        queryset=Unit.objects.none(),
        to_field_name="uuid",
        error_messages={"required": "Choose the service"},
    )
    year = forms.IntegerField(
        label="First year of the plan",
        help_text="For example 2009 for 2009/10.",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Enter the year the plan starts, for example 2009"},
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["year"].initial = dt.date.today().year


class CommentForm(forms.Form):
    section = forms.ModelChoiceField(
        label="About the section",
        queryset=TemplateSection.objects.none(),
        required=False,
        to_field_name="uuid",
        empty_label="The whole plan",
    )
    text = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter your comment"},
    )

    def __init__(self, *args: Any, sections: QuerySet[TemplateSection], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections  # type: ignore[attr-defined]


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label="Comment", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    approved_by = forms.CharField(
        label="Approved by",
        required=False,
        help_text="The portfolio holder, or choose the committee below.",
    )
    committee = forms.ModelChoiceField(
        label="Approving committee", queryset=Committee.objects.none(), required=False
    )
    approved_on = forms.DateField(label="Date of approval", required=False, widget=_DATE)

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id
        )


class SectionForm(forms.Form):
    """What one section says, in the fields its kind needs."""

    text = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Start a line with • for a bullet point.",
    )

    def __init__(
        self,
        *args: Any,
        content: SectionContent,
        candidates: QuerySet[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        section = content.section
        data = content.content or {}
        initial: dict[str, Any] = {"text": data.get("text", "")}
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.section = section
        # The section's updated_at when the page was loaded: a later save by anyone else is a
        # conflict, not something to overwrite.
        self.fields["version"] = forms.CharField(widget=forms.HiddenInput, label="Version")
        self.initial["version"] = content.updated_at.isoformat()
        if section.kind == Kind.BULLETS:
            self.fields["items"] = forms.CharField(
                label="Points",
                required=False,
                widget=forms.Textarea(attrs={"rows": 10}),
                help_text="One point on each line.",
            )
            self.initial["items"] = "\n".join(data.get("items") or [])
        elif section.kind in (Kind.PESTLE, Kind.SWOT):
            cells = data.get("cells") or {}
            for index, label in enumerate(section.columns):
                self.fields[f"cell_{index}"] = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 4})
                )
                self.initial[f"cell_{index}"] = cells.get(label, "")
        elif section.kind == Kind.TABLE:
            self._table_fields(data.get("rows") or [], content.service_plan.year)
        elif section.kind == Kind.LINKS and candidates is not None:
            self.fields["linked"] = forms.ModelMultipleChoiceField(
                label=f"{section.get_link_kind_display()} in this plan",
                queryset=candidates,
                required=False,
                to_field_name="uuid",
                widget=forms.CheckboxSelectMultiple,
            )
            self.initial["linked"] = [str(i.uuid) for i in self._linked(content)]

    @staticmethod
    def _linked(content: SectionContent) -> list[Any]:
        from .services import linked

        return list(linked(content).all())

    def _table_fields(self, rows: list[list[str]], year: int) -> None:
        columns = columns_for(self.section.columns, year)
        self.row_count = len(rows) + BLANK_ROWS
        for r in range(self.row_count):
            for c, column in enumerate(columns):
                name = f"row_{r}_{c}"
                self.fields[name] = forms.CharField(
                    label=f"Row {r + 1}: {column}", required=False, max_length=2000
                )
                if r < len(rows) and c < len(rows[r]):
                    self.initial[name] = rows[r][c]

    def clean_version(self) -> dt.datetime:
        try:
            return dt.datetime.fromisoformat(self.cleaned_data["version"])
        except ValueError:
            raise ValidationError("Reload the page and make your changes again") from None

    def content_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        result: dict[str, Any] = {"text": data.get("text", "")}
        if self.section.kind == Kind.BULLETS:
            result["items"] = (data.get("items") or "").splitlines()
        elif self.section.kind in (Kind.PESTLE, Kind.SWOT):
            result["cells"] = {
                label: data.get(f"cell_{i}", "") for i, label in enumerate(self.section.columns)
            }
        elif self.section.kind == Kind.TABLE:
            width = len(self.section.columns)
            result["rows"] = [
                [data.get(f"row_{r}_{c}", "") for c in range(width)] for r in range(self.row_count)
            ]
        return result
