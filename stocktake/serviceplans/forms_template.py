"""The council's template: a section's heading, guidance, columns and import aliases."""

from __future__ import annotations

from typing import Any

from django import forms

from .models import Kind, LinkKind, TemplateSection


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class TemplateSectionForm(forms.Form):
    heading = forms.CharField(label="Heading", max_length=200)
    kind = forms.ChoiceField(label="Kind of section", choices=Kind.choices)
    link_kind = forms.ChoiceField(
        label="Tracked items listed",
        choices=[("", "None"), *LinkKind.choices],
        required=False,
        help_text="For a section of tracked items only.",
    )
    columns = forms.CharField(
        label="Columns or grid labels",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One on each line. {year}, {year+1} and {year-1} become 2009/10 and so on.",
    )
    aliases = forms.CharField(
        label="Other headings papers use",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One on each line; used to place imported text.",
    )
    guidance = forms.CharField(
        label="Guidance for the writer", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    position = forms.IntegerField(label="Position", min_value=0, required=False)

    def __init__(self, *args: Any, section: TemplateSection | None = None, **kwargs: Any) -> None:
        if section is not None:
            kwargs["initial"] = {
                "heading": section.heading,
                "kind": section.kind,
                "link_kind": section.link_kind,
                "columns": "\n".join(section.columns),
                "aliases": "\n".join(section.aliases),
                "guidance": section.guidance,
                "position": section.position,
            }
        super().__init__(*args, **kwargs)
        if section is not None:
            # Plans already hold content in the section's shape, so its kind stays.
            del self.fields["kind"]
            del self.fields["link_kind"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, link_kind = data.get("kind"), data.get("link_kind")
        if kind == Kind.LINKS and not link_kind:
            self.add_error("link_kind", "Choose which tracked items the section lists")
        if kind in (Kind.TABLE, Kind.PESTLE, Kind.SWOT) and not _lines(data.get("columns", "")):
            self.add_error("columns", "Enter the columns or labels, one on each line")
        return data

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        changes = {
            "heading": data["heading"],
            "columns": _lines(data.get("columns", "")),
            "aliases": _lines(data.get("aliases", "")),
            "guidance": data.get("guidance", ""),
        }
        if data.get("position") is not None:
            changes["position"] = data["position"]
        if "kind" in data:
            changes["kind"] = data["kind"]
            changes["link_kind"] = data.get("link_kind") or ""
        return changes
