"""The report builder tells apart plans of one title and people of one name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.models import User

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation
from stocktake.accounts.people_choices import person_choices
from stocktake.cycles.forms import CycleForm
from stocktake.plans.models import Plan
from stocktake.reports.forms import ReportForm


def test_plans_of_one_title_read_with_their_period_and_state(
    make_plan: Callable[..., Plan], council: Organisation
) -> None:
    make_plan(council, period_text="2008/09", status="published")
    make_plan(council, period_text="2009/10")
    form = ReportForm(plans=Plan.objects.all(), today=dt.date(2009, 4, 1))
    labels = [label for _, label in form.fields["plans"].choices]  # type: ignore[attr-defined]
    title = "Access to Services Inspection Action Plan"
    assert f"{title} — {council.name}, 2008/09, published" in labels
    assert f"{title} — {council.name}, 2009/10, draft" in labels
    cycle = CycleForm(organisations=Organisation.objects.filter(pk=council.pk))
    assert len({label for _, label in cycle.fields["plan"].choices}) == 3  # type: ignore[attr-defined]


def test_people_of_one_name_are_told_apart_and_others_read_as_their_name(
    council: Organisation, officer: User
) -> None:
    first = accounts.person_create(organisation=council, name="Adrian LeCras")
    second = accounts.person_create(
        organisation=council, name="Adrian LeCras", job_title="Head of Revenues"
    )
    third = accounts.person_create(organisation=council, name="Adrian LeCras")
    alone = accounts.person_create(organisation=council, name="Sue Smith")
    labels = dict(person_choices([first, second, third, alone]))
    assert labels[str(first.uuid)] == "Adrian LeCras (record 1)"
    assert labels[str(second.uuid)] == "Adrian LeCras (Head of Revenues)"
    assert labels[str(third.uuid)] == "Adrian LeCras (record 2)"
    assert labels[str(alone.uuid)] == "Sue Smith"
