"""The upload form and the mapping form, whose fields depend on the file's columns and words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from stocktake.accounts.models import Organisation
from stocktake.core.periods import Period
from stocktake.plans.fields import PlanChoiceField, with_labels
from stocktake.plans.models import Plan

from . import vocabulary
from .fields import FIELDS, REQUIRED
from .models import Kind
from .periods import DATE_PERIODS
from .reading import FORMATS

UNMATCHED = [
    ("error", "Stop: list them so I can fix the file or add the items first"),
    ("create", "Create them (flagged as imported)"),
    ("skip", "Leave those rows out"),
]


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Export file",
        help_text="CSV (columns separated by commas, semicolons or tabs; also as .tsv or .txt) "
        "or Excel (.xlsx): one row per update, value or review, periods across, "
        "or one sheet per year.",
        error_messages={"required": "Choose the export to import"},
    )
    organisation = forms.ModelChoiceField(
        label="Import for",
        queryset=Organisation.objects.none(),
        to_field_name="uuid",
        error_messages={"required": "Choose the organisation the history is for"},
    )
    kind = forms.ChoiceField(label="What the file holds", choices=Kind.choices)
    plan = PlanChoiceField(
        label="Plan",
        queryset=Plan.objects.none(),
        to_field_name="uuid",
        required=False,
        help_text="Updates are matched to this plan's actions by reference; new indicators "
        "and risks are put in it.",
    )
    profile = forms.ChoiceField(label="Mapping profile", required=False)

    def __init__(
        self,
        *args: Any,
        organisations: list[Organisation],
        profiles: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        ids = [o.pk for o in organisations]
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)  # type: ignore[attr-defined]
        self.fields["plan"].queryset = with_labels(  # type: ignore[attr-defined]
            Plan.objects.filter(organisation_id__in=ids)
        )
        self.fields["profile"].choices = profiles  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in FORMATS:
            raise forms.ValidationError(
                "The export must be a CSV (.csv, .tsv or .txt) or an Excel (.xlsx) file"
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        organisation, plan = data.get("organisation"), data.get("plan")
        if (
            plan is not None
            and organisation is not None
            and plan.organisation_id != organisation.pk
        ):
            self.add_error("plan", "Choose a plan of the organisation you are importing for")
        if data.get("kind") == Kind.UPDATES and plan is None:
            self.add_error("plan", "Choose the plan whose actions the updates belong to")
        return data


class MappingForm(forms.Form):
    """Columns → fields, the file's status words → ours, and its period texts → periods."""

    unmatched = forms.ChoiceField(
        label="Rows whose item Stocktake does not have", choices=UNMATCHED, widget=forms.RadioSelect
    )
    date_periods = forms.ChoiceField(
        label="Where a period is written as a date", choices=DATE_PERIODS, required=False
    )
    save_as = forms.CharField(
        label="Save this mapping as a profile (optional)",
        max_length=100,
        required=False,
        help_text="Give it a name to reuse it for the next export of this shape.",
    )

    def __init__(
        self,
        *args: Any,
        kind: str,
        headers: list[str],
        mapping: dict[str, Any],
        words: list[str],
        periods: list[tuple[str, Period | None]],
        shared: list[tuple[str, list[tuple[str, str]]]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        columns = mapping.get("columns") or {}
        choices = [("", "Not in this file"), *[(h, h) for h in headers]]
        self.column_names = list(FIELDS[kind])
        for name, (label, _) in FIELDS[kind].items():
            self.fields[f"column_{name}"] = forms.ChoiceField(
                label=label, choices=choices, required=False, initial=columns.get(name, "")
            )
        self.fields["unmatched"].initial = mapping.get("unmatched", "error")
        if kind == Kind.INDICATORS:
            self.fields["date_periods"].initial = mapping.get("date_periods", "")
        else:  # updates and reviews are dated, not given for periods
            del self.fields["date_periods"]
        saved = mapping.get("statuses") or {}
        self.words = words
        for n, word in enumerate(words):
            self.fields[f"word_{n}"] = forms.ChoiceField(
                label=f"“{word}”",
                choices=vocabulary.CHOICES,
                required=False,
                initial=saved.get(vocabulary.key(word)) or vocabulary.suggest(word),
            )
        self.periods = periods
        overrides = mapping.get("periods") or {}
        for n, (text, period) in enumerate(periods):
            self.fields[f"period_{n}"] = forms.CharField(
                label=f"“{text}”",
                required=False,
                max_length=60,
                initial=overrides.get(text, ""),
                help_text=f"Read as {period.label}"
                if period
                else "Not understood: say which period",
            )

        self.shared = shared or []
        chosen = mapping.get("refs") or {}
        for n, (ref, actions) in enumerate(self.shared):
            self.fields[f"ref_{n}"] = forms.ChoiceField(
                label=f"Rows for “{ref}” mean",
                choices=[
                    ("", "Stop: list these rows so I can fix the file"),
                    ("skip", "Leave these rows out"),
                    *actions,
                ],
                required=False,
                initial=chosen.get(ref, ""),
            )

    def clean(self) -> dict[str, Any]:
        """Refuse a mapping the run could not use, here rather than after a background run."""
        data = super().clean() or {}
        for name in REQUIRED[self.kind]:
            if not data.get(f"column_{name}"):
                label = FIELDS[self.kind][name][0]
                self.add_error(
                    f"column_{name}",
                    f"Choose the column that holds the {label[0].lower()}{label[1:]}",
                )
        return data

    def mapping(self, kind: str) -> dict[str, Any]:
        data = self.cleaned_data
        statuses = {
            vocabulary.key(word): data[f"word_{n}"]
            for n, word in enumerate(self.words)
            if data.get(f"word_{n}")
        }
        periods = {
            text: data[f"period_{n}"].strip()
            for n, (text, _) in enumerate(self.periods)
            if data.get(f"period_{n}", "").strip()
        }
        return {
            "kind": kind,
            "columns": {
                n: data[f"column_{n}"] for n in self.column_names if data.get(f"column_{n}")
            },
            "statuses": statuses,
            "periods": periods,
            "date_periods": data.get("date_periods", ""),
            "unmatched": data["unmatched"],
            "refs": {
                ref: data[f"ref_{n}"]
                for n, (ref, _) in enumerate(self.shared)
                if data.get(f"ref_{n}")
            },
        }
