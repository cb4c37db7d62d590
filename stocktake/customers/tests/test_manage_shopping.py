"""Managing service standards and mystery shopping through their pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services, services_manage
from stocktake.customers.models_feedback import ServiceStandard, ShoppingCheck, ShoppingExercise
from stocktake.customers.selectors_manage import exercise_results
from stocktake.indicators import services as indicators
from stocktake.indicators.models import Indicator
from stocktake.plans.models import Plan
from stocktake.testing import MakeUser


def _indicator(organisation: Organisation, officer: User) -> Indicator:
    definition = indicators.definition_create(
        organisation=None,
        code="CS1",
        title="Calls answered within 20 seconds",
        data_type="percentage",
        polarity="higher",
        frequency="monthly",
        by=officer,
    )
    return indicators.indicator_create(organisation=organisation, definition=definition, by=officer)


def _exercise(council: Organisation, officer: User) -> ShoppingExercise:
    return services.exercise_create(
        organisation=council,
        name="Spring",
        start=dt.date(2026, 3, 1),
        end=dt.date(2026, 3, 31),
        by=officer,
    )


def test_an_officer_adds_a_published_standard_measured_by_the_councils_indicator(
    client: Client, council: Organisation, officer: User
) -> None:
    indicator = _indicator(council, officer)
    client.force_login(officer)
    response = client.post(
        reverse("customers:standard_new", args=[council.uuid]),
        {
            "title": "Answer 80% of calls within 20 seconds",
            "channel": "telephone",
            "indicator": indicator.pk,
            "is_published": "on",
            "position": "1",
        },
        follow=True,
    )
    assert "Service standard added" in response.content.decode()
    standard = ServiceStandard.objects.get()
    assert (standard.organisation, standard.indicator, standard.channel) == (
        council,
        indicator,
        "telephone",
    )
    public = client.get(reverse("customers:standards")).content.decode()
    assert "Answer 80% of calls within 20 seconds" in public


def test_another_councils_indicator_cannot_measure_a_standard(
    client: Client, council: Organisation, other_council: Organisation, officer: User
) -> None:
    theirs = _indicator(other_council, officer)
    client.force_login(officer)
    response = client.post(
        reverse("customers:standard_new", args=[council.uuid]),
        {"title": "Answer calls", "indicator": theirs.pk, "position": "0"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not ServiceStandard.objects.exists()
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    with pytest.raises(ValidationError, match="this council's own"):
        services_manage.standard_update(
            standard=standard, title="x", channel="", indicator=theirs, is_published=False,
            position=0, by=officer,
        )  # fmt: skip


def test_editing_a_standard_publishes_it_and_keeps_history(
    client: Client, council: Organisation, officer: User
) -> None:
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    client.force_login(officer)
    url = reverse("customers:standard_edit", args=[standard.uuid])
    assert "Answer calls" in client.get(url).content.decode()
    response = client.post(
        url, {"title": "Answer letters in 5 working days", "is_published": "on", "position": "2"}
    )
    assert response.status_code == 302
    standard.refresh_from_db()
    assert (standard.title, standard.is_published, standard.position) == (
        "Answer letters in 5 working days",
        True,
        2,
    )
    assert standard.history.count() == 2
    assert client.post(url, {"title": "", "position": "2"}).status_code == 200
    standard.refresh_from_db()
    assert standard.title == "Answer letters in 5 working days"


def test_a_reciprocal_exercise_needs_its_peer_council(
    client: Client, council: Organisation, other_council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:exercise_new", args=[council.uuid])
    data = {"name": "Swap", "kind": "reciprocal", "start": "2026-03-01", "end": "2026-03-31"}
    refused = client.post(url, data)
    assert "A reciprocal exercise names the peer council" in refused.content.decode()
    backwards = client.post(url, {**data, "peer": other_council.pk, "end": "2026-02-01"})
    assert "The end cannot be before the start" in backwards.content.decode()
    assert not ShoppingExercise.objects.exists()
    response = client.post(url, {**data, "peer": other_council.pk})
    exercise = ShoppingExercise.objects.get()
    assert response["Location"] == reverse("customers:exercise_detail", args=[exercise.uuid])
    assert (exercise.kind, exercise.peer) == ("reciprocal", other_council)


def test_a_council_cannot_be_its_own_peer(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    client.post(
        reverse("customers:exercise_new", args=[council.uuid]),
        {"name": "Swap", "kind": "reciprocal", "peer": council.pk, "start": "2026-03-01",
         "end": "2026-03-31"},
    )  # fmt: skip
    assert not ShoppingExercise.objects.exists()


def test_checks_are_recorded_and_shown_by_channel_and_service(
    client: Client, council: Organisation, officer: User
) -> None:
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:check_add", args=[exercise.uuid])
    for method, channel, service, met, score in [
        ("call", "telephone", "CTAX", "yes", "90"),
        ("call", "telephone", "CTAX", "no", "40"),
        ("call", "telephone", "BIN", "yes", ""),
        ("web_task", "email", "BIN", "yes", "75"),
    ]:
        response = client.post(
            url,
            {"standard": standard.pk, "method": method, "channel": channel,
             "service_code": service, "done_on": "2026-03-10", "met": met, "score": score,
             "notes": "Rang at 9"},
        )  # fmt: skip
        assert response.status_code == 302
    results = exercise_results(exercise)
    by_channel = {r.name: (r.made, r.met, r.met_percent) for r in results.by_channel}
    assert by_channel == {"Telephone": (3, 2, 67), "Email": (1, 1, 100)}
    by_service = {r.name: (r.made, r.met_percent) for r in results.by_service}
    assert by_service == {"Council Tax": (2, 50), "Bins, recycling and waste collection": (2, 100)}
    by_method = {r.name: (r.made, r.average_score) for r in results.by_method}
    assert by_method == {"Call": (3, 65), "Web task": (1, 75)}  # unscored checks do not count
    assert results.total.average_score == 68
    page = client.get(reverse("customers:exercise_detail", args=[exercise.uuid])).content.decode()
    assert "3 of 4 checks met the standard (75%). Average score 68%." in page
    assert "Results by service" in page
    assert "Results by how the check was made" in page


def test_a_score_outside_nought_to_a_hundred_is_refused(
    client: Client, council: Organisation, officer: User
) -> None:
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:check_add", args=[exercise.uuid])
    data = {"standard": standard.pk, "method": "call", "channel": "telephone",
            "done_on": "2026-03-10", "met": "yes", "score": "101"}  # fmt: skip
    assert client.post(url, data).status_code == 200
    assert not ShoppingCheck.objects.exists()
    with pytest.raises(ValidationError, match="0 to 100"):
        services.check_record(
            exercise=exercise, standard=standard, channel="telephone",
            done_on=dt.date(2026, 3, 10), met=True, score=-1, by=officer,
        )  # fmt: skip


def test_a_check_leads_to_the_councils_own_plan_actions_only(
    client: Client, council: Organisation, other_council: Organisation, officer: User,
    make_plan: Any,
) -> None:  # fmt: skip
    ours = make_plan(council, actions=2).actions.first()
    theirs = make_plan(other_council, actions=1).actions.first()
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:check_add", args=[exercise.uuid])
    data = {"standard": standard.pk, "method": "visit", "channel": "face_to_face",
            "done_on": "2026-03-10", "met": "no"}  # fmt: skip
    refused = client.post(url, {**data, "actions": [theirs.pk]})
    assert "Select a valid choice" in refused.content.decode()
    assert not ShoppingCheck.objects.exists()
    assert client.post(url, {**data, "actions": [ours.pk]}).status_code == 302
    check = ShoppingCheck.objects.get()
    assert list(check.actions.all()) == [ours]
    page = client.get(reverse("customers:exercise_detail", args=[exercise.uuid])).content.decode()
    assert reverse("plans:action_detail", args=[ours.uuid]) in page
    with pytest.raises(ValidationError, match="this council's own"):
        services.check_record(
            exercise=exercise, standard=standard, channel="telephone",
            done_on=dt.date(2026, 3, 10), met=True, actions=[theirs], by=officer,
        )  # fmt: skip


def test_the_method_defaults_to_the_channels_usual_one(
    council: Organisation, officer: User
) -> None:
    standard = services.standard_create(organisation=council, title="Reply", by=officer)
    check = services.check_record(
        exercise=_exercise(council, officer), standard=standard, channel="web_form",
        done_on=dt.date(2026, 3, 10), met=True, by=officer,
    )  # fmt: skip
    assert check.method == "web_task"


def test_a_check_outside_the_exercise_or_against_another_councils_standard_is_refused(
    client: Client, council: Organisation, make_user: MakeUser, other_council: Organisation,
    officer: User,
) -> None:  # fmt: skip
    standard = services.standard_create(organisation=council, title="Answer calls", by=officer)
    theirs = services.standard_create(organisation=other_council, title="Theirs", by=officer)
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:check_add", args=[exercise.uuid])
    data = {"standard": standard.pk, "method": "call", "channel": "telephone",
            "done_on": "2026-04-10", "met": "yes"}  # fmt: skip
    late = client.post(url, data)
    assert "The check must fall within the exercise" in late.content.decode()
    foreign = client.post(url, {**data, "standard": theirs.pk, "done_on": "2026-03-10"})
    assert "Select a valid choice" in foreign.content.decode()
    assert not ShoppingCheck.objects.exists()
    with pytest.raises(ValidationError, match="this council's own"):
        services.check_record(
            exercise=exercise, standard=theirs, channel="email", done_on=dt.date(2026, 3, 2),
            met=True, by=officer,
        )  # fmt: skip


def test_an_exercise_links_to_the_councils_plan_actions_it_led_to(
    client: Client, council: Organisation, other_council: Organisation, officer: User,
    make_plan: object,
) -> None:  # fmt: skip
    plan: Plan = make_plan(council, actions=2)  # type: ignore[operator]
    other: Plan = make_plan(other_council, actions=1)  # type: ignore[operator]
    mine = list(plan.actions.all())
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:exercise_actions", args=[exercise.uuid])
    assert client.post(url, {"actions": [mine[0].pk]}).status_code == 302
    assert list(exercise.actions.all()) == [mine[0]]
    refused = client.post(url, {"actions": [other.actions.get().pk]})
    assert "Select a valid choice" in refused.content.decode()
    assert list(exercise.actions.all()) == [mine[0]]
    page = client.get(reverse("customers:exercise_detail", args=[exercise.uuid])).content.decode()
    assert reverse("plans:action_detail", args=[mine[0].uuid]) in page
    with pytest.raises(ValidationError):
        services_manage.exercise_actions_set(
            exercise=exercise, actions=[other.actions.get()], by=officer
        )


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_standards_exercises_and_an_exercise_take_the_same_queries_whatever_their_rows(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    indicator = _indicator(council, officer)
    standard = services.standard_create(
        organisation=council, title="S0", indicator=indicator, by=officer
    )
    exercise = _exercise(council, officer)
    urls = [
        reverse("customers:manage_standards", args=[council.uuid]),
        reverse("customers:exercises", args=[council.uuid]),
        reverse("customers:exercise_detail", args=[exercise.uuid]),
        reverse("customers:standards"),
    ]
    services.check_record(
        exercise=exercise, standard=standard, channel="email", done_on=dt.date(2026, 3, 1),
        met=True, by=officer,
    )  # fmt: skip
    before = [_count(client, url) for url in urls]
    for n in range(1, 5):
        services.standard_create(
            organisation=council, title=f"S{n}", indicator=indicator, is_published=True,
            by=officer,
        )  # fmt: skip
        _exercise(council, officer)
        services.check_record(
            exercise=exercise, standard=standard, channel="email", service_code="BIN",
            done_on=dt.date(2026, 3, n), met=n % 2 == 0, by=officer,
        )  # fmt: skip
    assert [_count(client, url) for url in urls] == before
