"""Correcting mistakes in mystery shopping and service standards: editing and deleting
exercises and checks, and deleting standards nothing was measured against."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services, services_manage
from stocktake.customers.models_feedback import ServiceStandard, ShoppingCheck, ShoppingExercise
from stocktake.testing import MakeUser

EXERCISE = {"name": "Spring", "kind": "own", "start": "2026-03-01", "end": "2026-03-31"}
CHECK = {"method": "call", "channel": "telephone", "done_on": "2026-03-11", "met": "no"}


def _exercise(council: Organisation, officer: User) -> ShoppingExercise:
    return services.exercise_create(
        organisation=council,
        name="Spring",
        start=dt.date(2026, 3, 1),
        end=dt.date(2026, 3, 31),
        by=officer,
    )


def _check(
    exercise: ShoppingExercise, standard: ServiceStandard, officer: User, day: int = 10
) -> ShoppingCheck:
    return services.check_record(
        exercise=exercise, standard=standard, channel="telephone",
        done_on=dt.date(2026, 3, day), met=True, score=80, by=officer,
    )  # fmt: skip


def _standard(council: Organisation, officer: User, **fields: Any) -> ServiceStandard:
    return services.standard_create(
        organisation=council, title="Answer calls", by=officer, **fields
    )


def test_an_officer_corrects_an_exercise_and_its_history_is_kept(
    client: Client, council: Organisation, other_council: Organisation, officer: User
) -> None:
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:exercise_edit", args=[exercise.uuid])
    assert 'value="Spring"' in client.get(url).content.decode()
    response = client.post(
        url,
        {"name": "Spring swap", "kind": "reciprocal", "peer": other_council.pk,
         "start": "2026-02-15", "end": "2026-04-15"},
    )  # fmt: skip
    assert response["Location"] == reverse("customers:exercise_detail", args=[exercise.uuid])
    exercise.refresh_from_db()
    assert (exercise.name, exercise.kind, exercise.peer, exercise.start, exercise.end) == (
        "Spring swap",
        "reciprocal",
        other_council,
        dt.date(2026, 2, 15),
        dt.date(2026, 4, 15),
    )
    assert exercise.history.count() == 2
    assert exercise.history.first().history_user == officer
    # Back to our own: the peer no longer applies.
    assert client.post(url, {**EXERCISE, "peer": other_council.pk}).status_code == 302
    exercise.refresh_from_db()
    assert (exercise.kind, exercise.peer) == ("own", None)


def test_an_exercise_edit_follows_the_rules_of_setting_one_up(
    client: Client, council: Organisation, other_council: Organisation, officer: User
) -> None:
    exercise = _exercise(council, officer)
    client.force_login(officer)
    url = reverse("customers:exercise_edit", args=[exercise.uuid])
    backwards = client.post(url, {**EXERCISE, "end": "2026-02-01"})
    assert "The end cannot be before the start" in backwards.content.decode()
    no_peer = client.post(url, {**EXERCISE, "kind": "reciprocal"})
    assert "A reciprocal exercise names the peer council" in no_peer.content.decode()
    itself = client.post(url, {**EXERCISE, "kind": "reciprocal", "peer": council.pk})
    assert "Select a valid choice" in itself.content.decode()
    exercise.refresh_from_db()
    assert (exercise.kind, exercise.end, exercise.history.count()) == (
        "own",
        dt.date(2026, 3, 31),
        1,
    )
    with pytest.raises(ValidationError, match="its own peer"):
        services_manage.exercise_update(
            exercise=exercise, name="x", kind="reciprocal", peer=council,
            start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), by=officer,
        )  # fmt: skip


def test_new_dates_must_keep_the_checks_already_made(
    client: Client, council: Organisation, officer: User
) -> None:
    exercise = _exercise(council, officer)
    standard = _standard(council, officer)
    _check(exercise, standard, officer, day=2)
    _check(exercise, standard, officer, day=28)
    _check(exercise, standard, officer, day=29)
    client.force_login(officer)
    url = reverse("customers:exercise_edit", args=[exercise.uuid])
    page = client.post(url, {**EXERCISE, "start": "2026-03-05", "end": "2026-03-20"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "1 check was made before this start date" in text
    assert "2 checks were made after this end date" in text
    exercise.refresh_from_db()
    assert (exercise.start, exercise.end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    fits = client.post(url, {**EXERCISE, "start": "2026-03-02", "end": "2026-03-29"})
    assert fits.status_code == 302
    exercise.refresh_from_db()
    assert (exercise.start, exercise.end) == (dt.date(2026, 3, 2), dt.date(2026, 3, 29))


def test_deleting_an_exercise_asks_first_and_takes_its_checks_with_it(
    client: Client, council: Organisation, officer: User
) -> None:
    exercise = _exercise(council, officer)
    standard = _standard(council, officer)
    _check(exercise, standard, officer)
    _check(exercise, standard, officer, day=11)
    kept = _exercise(council, officer)
    _check(kept, standard, officer)
    client.force_login(officer)
    detail = client.get(reverse("customers:exercise_detail", args=[exercise.uuid])).content
    url = reverse("customers:exercise_delete", args=[exercise.uuid])
    assert url in detail.decode()
    confirm = client.get(url).content.decode()
    assert "Its 2 checks will be deleted with it" in confirm
    assert ShoppingExercise.objects.count() == 2
    response = client.post(url, follow=True)
    assert "Spring deleted, with its 2 checks." in response.content.decode()
    assert list(ShoppingExercise.objects.all()) == [kept]
    assert list(ShoppingCheck.objects.values_list("exercise", flat=True)) == [kept.pk]
    assert exercise.history.first().history_type == "-"
    assert client.get(url).status_code == 404


def test_an_officer_corrects_every_field_of_a_check(
    client: Client, council: Organisation, officer: User, make_plan: Any
) -> None:
    action = make_plan(council, actions=1).actions.get()
    exercise = _exercise(council, officer)
    standard = _standard(council, officer)
    other = services.standard_create(organisation=council, title="Reply to emails", by=officer)
    check = _check(exercise, standard, officer)
    client.force_login(officer)
    url = reverse("customers:check_edit", args=[check.uuid])
    page = client.get(reverse("customers:exercise_detail", args=[exercise.uuid])).content.decode()
    assert url in page
    assert reverse("customers:check_delete", args=[check.uuid]) in page
    assert "Answer calls" in client.get(url).content.decode()
    response = client.post(
        url,
        {"standard": other.pk, "method": "email", "channel": "email", "service_code": "BIN",
         "done_on": "2026-03-20", "met": "no", "score": "35", "notes": "No reply in 5 days",
         "actions": [action.pk]},
    )  # fmt: skip
    assert response["Location"] == reverse("customers:exercise_detail", args=[exercise.uuid])
    check.refresh_from_db()
    assert (
        check.standard, check.method, check.channel, check.service_code, check.done_on,
        check.met, check.score, check.notes, list(check.actions.all()),
    ) == (
        other, "email", "email", "BIN", dt.date(2026, 3, 20), False, 35, "No reply in 5 days",
        [action],
    )  # fmt: skip
    client.post(url, {"standard": other.pk, "method": "email", "channel": "email",
                      "done_on": "2026-03-20", "met": "yes"})  # fmt: skip
    check.refresh_from_db()
    assert (check.met, check.score, list(check.actions.all())) == (True, None, [])
    # Every version is kept, oldest first: as recorded, the correction, then the second.
    kept = list(check.history.order_by("history_date").values_list("met", "score", "notes"))
    assert kept == [(True, 80, ""), (False, 35, "No reply in 5 days"), (True, None, "")]
    assert {h.history_user for h in check.history.all()[:2]} == {officer}


def test_a_check_edit_follows_the_rules_of_recording_one(
    client: Client, council: Organisation, other_council: Organisation, officer: User,
    make_plan: Any,
) -> None:  # fmt: skip
    theirs_action = make_plan(other_council, actions=1).actions.get()
    theirs = services.standard_create(organisation=other_council, title="Theirs", by=officer)
    exercise = _exercise(council, officer)
    standard = _standard(council, officer)
    check = _check(exercise, standard, officer)
    client.force_login(officer)
    url = reverse("customers:check_edit", args=[check.uuid])
    data = {"standard": standard.pk, "method": "call", "channel": "telephone",
            "done_on": "2026-03-12", "met": "no"}  # fmt: skip
    late = client.post(url, {**data, "done_on": "2026-04-10"})
    assert "The check must fall within the exercise" in late.content.decode()
    assert client.post(url, {**data, "score": "101"}).status_code == 200
    for forged in ({"standard": theirs.pk}, {"actions": [theirs_action.pk]}):
        assert "Select a valid choice" in client.post(url, {**data, **forged}).content.decode()
    check.refresh_from_db()
    assert (check.done_on, check.met, check.standard) == (dt.date(2026, 3, 10), True, standard)
    for fields in ({"standard": theirs}, {"actions": [theirs_action]}, {"score": -1}):
        arguments: dict[str, Any] = {
            "standard": standard, "channel": "telephone", "done_on": dt.date(2026, 3, 12),
            "met": False, **fields,
        }  # fmt: skip
        with pytest.raises(ValidationError):
            services_manage.check_update(check=check, by=officer, **arguments)


def test_deleting_a_check_asks_first(client: Client, council: Organisation, officer: User) -> None:
    exercise = _exercise(council, officer)
    standard = _standard(council, officer)
    check = _check(exercise, standard, officer)
    kept = _check(exercise, standard, officer, day=11)
    client.force_login(officer)
    url = reverse("customers:check_delete", args=[check.uuid])
    confirm = client.get(url).content.decode()
    assert "Delete this check?" in confirm
    assert ShoppingCheck.objects.count() == 2
    response = client.post(url, follow=True)
    assert "Check deleted." in response.content.decode()
    assert list(ShoppingCheck.objects.all()) == [kept]
    gone = ShoppingCheck.history.filter(id=check.pk).order_by("history_date").last()
    assert (gone.history_type, gone.history_user) == ("-", officer)
    assert client.post(url).status_code == 404


def test_a_standard_no_check_used_is_deleted_after_confirmation(
    client: Client, council: Organisation, officer: User
) -> None:
    standard = _standard(council, officer, is_published=True)
    client.force_login(officer)
    url = reverse("customers:standard_delete", args=[standard.uuid])
    listing = client.get(reverse("customers:manage_standards", args=[council.uuid]))
    assert url in listing.content.decode()
    assert "Delete this service standard?" in client.get(url).content.decode()
    assert ServiceStandard.objects.exists()
    response = client.post(url, follow=True)
    assert "Service standard deleted: Answer calls" in response.content.decode()
    assert not ServiceStandard.objects.exists()
    assert standard.history.first().history_type == "-"
    assert "Answer calls" not in client.get(reverse("customers:standards")).content.decode()


def test_a_standard_checks_were_measured_against_is_not_deleted_and_unpublishing_is_offered(
    client: Client, council: Organisation, officer: User
) -> None:
    standard = _standard(council, officer, is_published=True)
    _check(_exercise(council, officer), standard, officer)
    client.force_login(officer)
    url = reverse("customers:standard_delete", args=[standard.uuid])
    page = client.get(url).content.decode()
    assert "This standard cannot be deleted" in page
    assert "1 mystery shopping check uses this standard" in page
    assert "Unpublishing it hides it from the public site" in page
    assert reverse("customers:standard_edit", args=[standard.uuid]) in page
    assert "Delete standard</button>" not in page
    refused = client.post(url).content.decode()
    assert "1 mystery shopping check uses this standard, so it cannot be deleted." in refused
    assert ServiceStandard.objects.filter(pk=standard.pk).exists()
    assert standard.history.count() == 1
    with pytest.raises(ValidationError, match="cannot be deleted"):
        services_manage.standard_delete(standard=standard, by=officer)


@pytest.mark.parametrize("role", ["anonymous", "Lead officer (owner)", "Viewer"])
def test_only_managers_reach_the_correction_pages(client: Client, world: Any, role: str) -> None:
    plan, _, users = world
    officer = users["Performance officer"]
    standard = _standard(plan.organisation, officer)
    exercise = _exercise(plan.organisation, officer)
    check = _check(exercise, standard, officer)
    if users[role] is not None:
        client.force_login(users[role])
    urls = [
        reverse("customers:exercise_edit", args=[exercise.uuid]),
        reverse("customers:exercise_delete", args=[exercise.uuid]),
        reverse("customers:check_edit", args=[check.uuid]),
        reverse("customers:check_delete", args=[check.uuid]),
        reverse("customers:standard_delete", args=[standard.uuid]),
    ]
    expected = 302 if role == "anonymous" else 403
    for url in urls:
        assert client.get(url).status_code == expected, url
        assert client.post(url, {}).status_code == expected, url
    client.force_login(officer)
    assert {client.get(url).status_code for url in urls} == {200}
    assert ShoppingCheck.objects.filter(pk=check.pk).exists()


def test_unknown_and_malformed_corrections_are_not_found(client: Client, officer: User) -> None:
    client.force_login(officer)
    missing = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"
    names = ("exercise_edit", "exercise_delete", "check_edit", "check_delete", "standard_delete")
    for name in names:
        for uuid in (missing, "nonsense"):
            assert client.get(reverse(f"customers:{name}", args=[uuid])).status_code == 404
            assert client.post(reverse(f"customers:{name}", args=[uuid])).status_code == 404


def test_forged_corrections_of_another_councils_shopping_are_refused_and_change_nothing(
    client: Client, make_user: MakeUser, council: Organisation, other_council: Organisation
) -> None:
    theirs, _ = make_user("Performance officer", other_council)
    standard = _standard(other_council, theirs)
    unused = services.standard_create(organisation=other_council, title="Unused", by=theirs)
    exercise = _exercise(other_council, theirs)
    check = _check(exercise, standard, theirs)
    mine, _ = make_user("Performance officer", council)
    client.force_login(mine)
    posts = {
        "exercise_edit": (exercise.uuid, {**EXERCISE, "name": "Hacked"}),
        "exercise_delete": (exercise.uuid, {}),
        "check_edit": (check.uuid, {**CHECK, "standard": standard.pk}),
        "check_delete": (check.uuid, {}),
        "standard_delete": (unused.uuid, {}),
    }
    for name, (uuid, data) in posts.items():
        assert client.post(reverse(f"customers:{name}", args=[uuid]), data).status_code == 403
    exercise.refresh_from_db()
    check.refresh_from_db()
    assert (exercise.name, exercise.history.count()) == ("Spring", 1)
    assert (check.met, check.done_on) == (True, dt.date(2026, 3, 10))
    assert ServiceStandard.objects.filter(organisation=other_council).count() == 2
