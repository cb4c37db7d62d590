"""Each role against each management page: performance officers and administrators of the council
(and superusers) manage access points, standards and mystery shopping; nobody else does."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services
from stocktake.customers.models import AccessPoint, OpeningSession
from stocktake.customers.models_feedback import ServiceStandard, ShoppingExercise
from stocktake.testing import MakeUser, World

ALLOWED = {"Performance officer", "Administrator", "superuser"}
SIGN_IN = {"anonymous"}


def _things(
    organisation: Organisation, officer: User
) -> tuple[AccessPoint, ServiceStandard, ShoppingExercise]:
    point = services.access_point_create(
        organisation=organisation, code="hub", name="Town hall", kind="service_centre", by=officer
    )
    standard = services.standard_create(organisation=organisation, title="Answer calls", by=officer)
    exercise = services.exercise_create(
        organisation=organisation,
        name="Spring",
        start=dt.date(2026, 3, 1),
        end=dt.date(2026, 3, 31),
        by=officer,
    )
    return point, standard, exercise


def _pages(world: World) -> list[str]:
    plan, _, users = world
    officer = users["Performance officer"]
    assert officer is not None
    point, standard, exercise = _things(plan.organisation, officer)
    org = plan.organisation.uuid
    return [
        reverse("customers:manage_access_points", args=[org]),
        reverse("customers:access_point_new", args=[org]),
        reverse("customers:access_point_edit", args=[point.uuid]),
        reverse("customers:access_point_hours", args=[point.uuid]),
        reverse("customers:access_point_retire", args=[point.uuid]),
        reverse("customers:manage_standards", args=[org]),
        reverse("customers:standard_new", args=[org]),
        reverse("customers:standard_edit", args=[standard.uuid]),
        reverse("customers:exercises", args=[org]),
        reverse("customers:exercise_new", args=[org]),
        reverse("customers:exercise_detail", args=[exercise.uuid]),
    ]


@pytest.mark.parametrize(
    "role",
    [
        "anonymous",
        "no membership",
        "Viewer",
        "Councillor",
        "Lead officer (owner)",
        "Lead officer (other unit)",
        "Performance officer",
        "Administrator",
        "Performance officer (other council)",
        "superuser",
    ],
)
def test_only_the_councils_performance_officers_and_administrators_reach_the_management_pages(
    client: Client, world: World, role: str
) -> None:
    urls = _pages(world)
    user = world[2][role]
    if user is not None:
        client.force_login(user)
    expected = 200 if role in ALLOWED else 302 if role in SIGN_IN else 403
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, expected)


def test_unknown_and_malformed_things_are_not_found(client: Client, officer: User) -> None:
    client.force_login(officer)
    missing = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"
    for name in ("access_point_edit", "access_point_hours", "standard_edit", "exercise_detail"):
        assert client.get(reverse(f"customers:{name}", args=[missing])).status_code == 404
        assert client.get(reverse(f"customers:{name}", args=["nonsense"])).status_code == 404
    assert client.get(reverse("customers:exercises", args=[missing])).status_code == 404


def test_a_forged_post_for_another_councils_things_is_refused_and_changes_nothing(
    client: Client, make_user: MakeUser, council: Organisation, other_council: Organisation
) -> None:
    theirs, _ = make_user("Performance officer", other_council)
    point, standard, exercise = _things(other_council, theirs)
    services.session_add(
        access_point=point, weekday=0, opens=dt.time(9), closes=dt.time(17), by=theirs
    )
    session = OpeningSession.objects.get()
    mine, _ = make_user("Performance officer", council)
    client.force_login(mine)
    posts = {
        "access_point_edit": (point.uuid, {"name": "Hacked", "code": "hub", "kind": "kiosk"}),
        "session_add": (point.uuid, {"weekday": "1", "opens": "09:00", "closes": "17:00"}),
        "session_remove": (point.uuid, {"session": session.pk}),
        "exception_set": (point.uuid, {"date": "2026-05-04", "closed": "yes", "reason": "x"}),
        "access_point_retire": (point.uuid, {"retired_on": "2026-05-04"}),
        "access_point_reinstate": (point.uuid, {}),
        "standard_edit": (standard.uuid, {"title": "Hacked", "position": "0"}),
        "check_add": (exercise.uuid, {"standard": standard.pk, "channel": "telephone"}),
        "exercise_actions": (exercise.uuid, {}),
    }
    for name, (uuid, data) in posts.items():
        response = client.post(reverse(f"customers:{name}", args=[uuid]), data)
        assert response.status_code == 403, name
    point.refresh_from_db()
    standard.refresh_from_db()
    assert (point.name, point.retired_on, point.exceptions.count()) == ("Town hall", None, 0)
    assert list(point.sessions.all()) == [session]
    assert standard.title == "Answer calls"
    assert exercise.checks.count() == 0
    for name in ("access_point_new", "standard_new", "exercise_new"):
        response = client.post(reverse(f"customers:{name}", args=[other_council.uuid]), {})
        assert response.status_code == 403, name
    assert AccessPoint.objects.count() == 1


def test_the_navigation_offers_management_only_to_those_allowed(
    client: Client, world: World
) -> None:
    plan, _, users = world
    url = reverse("customers:dashboard", args=[plan.organisation.uuid])
    manage = reverse("customers:manage_access_points", args=[plan.organisation.uuid])
    client.force_login(users["Lead officer (owner)"])  # type: ignore[arg-type]
    assert manage not in client.get(url).content.decode()
    client.force_login(users["Performance officer"])  # type: ignore[arg-type]
    assert manage in client.get(url).content.decode()
