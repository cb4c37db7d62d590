from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from stocktake.accounts.models import Committee, Person, Portfolio, Unit

from .models import Action, ActionOwner, Plan, ProgressStatus, Rag


def tidy_text(value: str) -> str:
    """One line ending (browsers send \\r\\n from text areas, papers were stored with \\n) and
    no surrounding whitespace, so text saved unchanged compares equal and logs no change."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


class TextField(forms.CharField):
    """A CharField whose value, and whether it changed, ignore line-ending style."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = tidy_text(value)
        return super().to_python(value)

    def has_changed(self, initial: Any, data: Any) -> bool:
        if isinstance(initial, str):
            initial = tidy_text(initial)
        return super().has_changed(initial, data)


_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": "Enter a real date, for example 31/08/2007"}
_BLANK_STATUS = [("", "No change")]


class ProgressUpdateForm(forms.Form):
    as_at = forms.DateField(
        label="As at",
        help_text="The date this position describes, which may be earlier than today.",
        widget=_DATE,
        error_messages={
            "required": "Enter the date this position describes",
            "invalid": "Enter a real date, for example 31/08/2007",
        },
    )
    position = TextField(
        label="Current position",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the current position"},
    )
    future_action = TextField(
        label="Future action", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    progress_status = forms.ChoiceField(
        label="Progress status", required=False, choices=_BLANK_STATUS + ProgressStatus.choices
    )
    rag = forms.ChoiceField(label="RAG status", required=False, choices=_BLANK_STATUS + Rag.choices)
    author = forms.ModelChoiceField(
        label="On behalf of",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Myself",
        help_text="When you enter an update for an owner, the update says so.",
    )

    def __init__(self, *args: Any, owners: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if owners:
            self.fields["author"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
                pk__in=[p.pk for p in owners]
            )
        else:
            del self.fields["author"]


class ActionEditForm(forms.ModelForm):  # type: ignore[type-arg]
    owners = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    new_due_text = TextField(
        label="Due date",
        required=False,
        help_text='As the plan writes it, for example "March 2008", "Q3 2009/10" or "01/04/08".',
    )
    due_revised_on = forms.DateField(
        label="Date the due date changed",
        required=False,
        widget=_DATE,
        error_messages=_DATE_ERRORS,
    )
    due_reason = TextField(
        label="Reason for the change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when the due date changes.",
    )
    due_agreed_by = TextField(
        label="Who agreed the change", required=False, help_text="For example: Audit Committee."
    )
    # The action's updated_at when the page was loaded: a later save by someone else is a conflict.
    version = forms.CharField(widget=forms.HiddenInput, label="Version")

    class Meta:
        model = Action
        fields = [
            "ref",
            "text",
            "priority",
            "agreement",
            "progress_status",
            "rag",
            "status_text",
            "deliverables",
            "resources",
            "outputs",
            "outcomes",
            "risks",
            "other_services",
            "internal_note",
        ]
        field_classes = {
            name: TextField
            for name in fields
            if name not in ("agreement", "progress_status", "rag")
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("deliverables", "resources", "outputs", "outcomes", "risks")
        } | {"other_services": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        action: Action = self.instance
        self.fields["owners"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            organisation_id=action.organisation_id
        )
        # The accountable people: what action_owners_set makes them on save.
        self.fields["owners"].initial = [
            o.person_id
            for o in action.ownerships.all()
            if o.person_id is not None and o.kind == ActionOwner.Kind.ACCOUNTABLE
        ]
        self.fields["new_due_text"].initial = action.due_text
        self.fields["due_revised_on"].initial = today
        self.fields["version"].initial = action.updated_at.isoformat()

    def clean_version(self) -> dt.datetime:
        try:
            return dt.datetime.fromisoformat(self.cleaned_data["version"])
        except ValueError:
            raise ValidationError("Reload the page and make your changes again") from None

    def comparison(self, stored: Action) -> list[tuple[str, str, str]]:
        """(label, what this form submitted, what is stored now) for each field, to settle a
        conflict; `stored` is the action as saved by the other editor."""
        data = self.cleaned_data
        rows = []
        for name in self.Meta.fields:
            field = self.fields[name]
            choices = dict(getattr(field, "choices", None) or ())
            submitted, current = data.get(name), getattr(stored, name)
            rows.append(
                (
                    str(field.label),
                    str(choices.get(submitted, submitted) or ""),
                    str(choices.get(current, current) or ""),
                )
            )
        owners = sorted(p.name for p in data.get("owners") or [])
        stored_owners = sorted(o.person.name for o in stored.ownerships.all() if o.person)
        rows.append(("Owners", ", ".join(owners), ", ".join(stored_owners)))
        rows.append(("Due date", str(data.get("new_due_text") or ""), stored.due_text))
        return rows

    def has_edits(self) -> bool:
        """Whether saving would change the action, its owners or its due date (the version and
        the revision's own fields change nothing by themselves)."""
        return self.due_changed() or bool(set(self.changed_data) & {*self.Meta.fields, "owners"})

    def due_changed(self) -> bool:
        new = str(self.cleaned_data.get("new_due_text") or "").strip()
        current: str = self.instance.due_text
        return new != current.strip()


class PlanFilterForm(forms.Form):
    as_at = forms.DateField(
        label="As at", required=False, widget=_DATE, error_messages=_DATE_ERRORS
    )
    status = forms.ChoiceField(
        label="Progress", required=False, choices=[("", "Any"), *ProgressStatus.choices]
    )
    rag = forms.ChoiceField(label="RAG", required=False, choices=[("", "Any"), *Rag.choices])
    owner = forms.ChoiceField(label="Owner", required=False)
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="Service or team",
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="uuid",
        help_text="Actions delivered by this unit or the units below it.",
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)
    not_updated_since = forms.DateField(
        label="Not updated since", required=False, widget=_DATE, error_messages=_DATE_ERRORS
    )

    def __init__(
        self, *args: Any, owners: list[Person], organisation_id: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id
        )
        self.fields["owner"].choices = [("", "Anyone")] + [  # type: ignore[attr-defined]
            (str(p.uuid), p.name) for p in owners
        ]


class PlanListFilterForm(forms.Form):
    """Filter and group plans by the council's structure: unit, portfolio, committee."""

    GROUPS = [
        ("organisation", "Organisation"),
        ("unit", "Directorate or service"),
        ("portfolio", "Portfolio"),
        ("committee", "Committee"),
        ("kind", "Kind of plan"),
    ]
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="Directorate, service or team",
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="uuid",
        help_text="Includes the units below it.",
    )
    portfolio: forms.ModelChoiceField[Portfolio] = forms.ModelChoiceField(
        queryset=Portfolio.objects.none(), required=False, to_field_name="uuid"
    )
    committee: forms.ModelChoiceField[Committee] = forms.ModelChoiceField(
        queryset=Committee.objects.none(), required=False, to_field_name="uuid"
    )
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any"), *Plan.Kind.choices]
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any"), *Plan.Status.choices]
    )
    group = forms.ChoiceField(label="Group by", required=False, choices=GROUPS)

    def __init__(self, *args: Any, organisation_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, model in (("unit", Unit), ("portfolio", Portfolio), ("committee", Committee)):
            self.fields[name].queryset = model.objects.filter(  # type: ignore[attr-defined]
                organisation_id__in=organisation_ids
            ).select_related("organisation")
