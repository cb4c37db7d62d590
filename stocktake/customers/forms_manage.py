"""Forms for managing access points, standards and mystery shopping. Field names match the keys
of the rules' errors, so a refused service call shows its message beside the right field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet

from stocktake.accounts.models import Organisation
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Action

from .models import AccessPoint, Channel, OpeningException, OpeningSession
from .models_feedback import Method, ServiceStandard, ShoppingCheck, ShoppingExercise
from .servicelist import SERVICES

_BLANK = [("", "Not recorded")]
WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]
REGIONS = AccessPoint._meta.get_field("holiday_region").choices or []


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


def _time() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class AccessPointForm(forms.Form):
    name = forms.CharField(max_length=200)
    code = forms.SlugField(
        max_length=50, help_text="Short code used in contact files, for example london-road."
    )
    kind = forms.ChoiceField(choices=AccessPoint.Kind.choices)
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    area_code = forms.CharField(
        label="Area code", max_length=12, required=False, help_text="Output area or ward code."
    )
    accessibility = forms.CharField(
        label="Accessibility notes", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    always_open = forms.BooleanField(
        label="Always open (websites and 24-hour lines)", required=False
    )
    closed_on_bank_holidays = forms.BooleanField(required=False, initial=True)
    holiday_region = forms.ChoiceField(label="Bank holidays of", choices=REGIONS, initial="ENG")
    is_public = forms.BooleanField(label="Show on the public site", required=False)

    @classmethod
    def for_point(cls, point: AccessPoint, data: Any = None) -> AccessPointForm:
        return cls(data, initial={name: getattr(point, name) for name in cls.base_fields})


class SessionForm(forms.Form):
    weekday = forms.TypedChoiceField(choices=WEEKDAYS, coerce=int, label="Day")
    opens = forms.TimeField(widget=_time())
    closes = forms.TimeField(
        widget=_time(), help_text="A closing time before the opening time runs past midnight."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Shares the hours page with ExceptionForm: ids of their own keep each label on its input.
        kwargs.setdefault("auto_id", "session_%s")
        super().__init__(*args, **kwargs)


class SessionRemoveForm(forms.Form):
    session = forms.ModelChoiceField(
        queryset=OpeningSession.objects.none(),
        error_messages={"invalid_choice": "That session is not one of this access point's."},
    )

    def __init__(self, *args: Any, point: AccessPoint, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = point.sessions.all()  # type: ignore[attr-defined]


class ExceptionForm(forms.Form):
    date = forms.DateField(widget=_date())
    closed = forms.TypedChoiceField(
        label="On that day",
        choices=[("yes", "Closed all day"), ("no", "Open at different hours")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    opens = forms.TimeField(widget=_time(), required=False)
    closes = forms.TimeField(widget=_time(), required=False)
    reason = forms.CharField(max_length=200, help_text="For example: Bank holiday, staff training.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "exception_%s")
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("closed") is False:
            for name in ("opens", "closes"):
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, "Enter the time for a day with different hours.")
        else:
            data["opens"] = data["closes"] = None
        return data


class ExceptionRemoveForm(forms.Form):
    exception = forms.ModelChoiceField(
        queryset=OpeningException.objects.none(),
        error_messages={"invalid_choice": "That date is not one of this access point's."},
    )

    def __init__(self, *args: Any, point: AccessPoint, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exception"].queryset = point.exceptions.all()  # type: ignore[attr-defined]


class RetireForm(forms.Form):
    retired_on = forms.DateField(label="Closed for good from", widget=_date())


class StandardForm(forms.Form):
    title = forms.CharField(
        label="The standard",
        max_length=300,
        help_text='Specific and measurable: "Answer 80% of calls within 20 seconds".',
    )
    channel = forms.ChoiceField(choices=[("", "Every channel"), *Channel.choices], required=False)
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(),
        required=False,
        empty_label="Not measured yet",
        help_text="The council's indicator that measures it; its latest value is published.",
    )
    is_published = forms.BooleanField(label="Publish on the public site", required=False)
    position = forms.IntegerField(label="Order on the public page", min_value=0, initial=0)

    def __init__(self, *args: Any, indicators: QuerySet[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(standard: ServiceStandard) -> dict[str, Any]:
        return {
            "title": standard.title,
            "channel": standard.channel,
            "indicator": standard.indicator_id,
            "is_published": standard.is_published,
            "position": standard.position,
        }


class ExerciseForm(forms.Form):
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(
        choices=ShoppingExercise.Kind.choices,
        widget=forms.RadioSelect,
        initial=ShoppingExercise.Kind.OWN,
    )
    peer = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Peer council",
        help_text="For a reciprocal exercise: the council whose shoppers test us, and we them.",
    )
    start = forms.DateField(widget=_date())
    end = forms.DateField(widget=_date())

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        peers = Organisation.objects.exclude(pk=organisation.pk).order_by("name")
        self.fields["peer"].queryset = peers  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(exercise: ShoppingExercise) -> dict[str, Any]:
        return {
            "name": exercise.name,
            "kind": exercise.kind,
            "peer": exercise.peer_id,
            "start": exercise.start,
            "end": exercise.end,
        }


class CheckForm(forms.Form):
    standard = forms.ModelChoiceField(queryset=ServiceStandard.objects.none())
    method = forms.ChoiceField(
        label="How the check was made", choices=Method.choices, widget=forms.RadioSelect
    )
    channel = forms.ChoiceField(choices=Channel.choices, help_text="The channel it tested.")
    service_code = forms.ChoiceField(
        label="Service", choices=_BLANK + list(SERVICES), required=False
    )
    done_on = forms.DateField(label="Date of the check", widget=_date())
    met = forms.TypedChoiceField(
        label="Was the standard met?",
        choices=[("yes", "Met"), ("no", "Not met")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    score = forms.IntegerField(
        label="Score (%)",
        required=False,
        min_value=0,
        max_value=100,
        help_text="The share of the standard's criteria the shopper found met, if scored.",
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    actions = forms.ModelMultipleChoiceField(
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Plan actions this check led to (optional)",
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        actions: QuerySet[Action] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        standards = ServiceStandard.objects.filter(organisation=organisation)
        self.fields["standard"].queryset = standards  # type: ignore[attr-defined]
        if actions is not None:
            self.fields["actions"].queryset = actions  # type: ignore[attr-defined]

    def initial_date(self, exercise: ShoppingExercise, today: dt.date) -> None:
        self.initial.setdefault("done_on", min(max(today, exercise.start), exercise.end))

    @staticmethod
    def initial_for(check: ShoppingCheck) -> dict[str, Any]:
        return {
            "standard": check.standard_id,
            "method": check.method,
            "channel": check.channel,
            "service_code": check.service_code,
            "done_on": check.done_on,
            "met": "yes" if check.met else "no",
            "score": check.score,
            "notes": check.notes,
            "actions": [action.pk for action in check.actions.all()],
        }


class ExerciseActionsForm(forms.Form):
    actions = forms.ModelMultipleChoiceField(
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Plan actions this exercise led to",
    )

    def __init__(self, *args: Any, actions: QuerySet[Action], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = actions  # type: ignore[attr-defined]
