"""Every page, as every role: no server errors, and nothing private reaches anonymous visitors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from stocktake.testing import World

SKIP_PREFIXES = ("admin/", "oidc/", "static/", "media/")
PUBLIC = {
    "",
    "healthz",
    "sign-in/",
    "plans/",
    "priorities/",
    "indicators/",
    "public/",
    "public/plans/<str:plan_uuid>/",
    # An owner's one-click form: the token is the permission; a forged one gets 404.
    "u/<str:token>/",
    # Published equality impact assessments are public; the page shows nothing else.
    "organisations/<str:organisation_uuid>/equality/",
    # The API answers the public with published data only (stocktake/api/tests).
    "api/schema/",
    "api/docs/",
    "api/plans/",
    "api/sections/",
    "api/actions/",
    "api/indicators/",
    "api/risks/",
    "api/equality-assessments/",
    "api/consultations/",
    "api/access-points/",
    "api/service-standards/",
    "api/service-plans/",
    # Empty for the public: frameworks, assessments and the knowledge base need a sign-in.
    "api/frameworks/",
    "api/framework-assessments/",
    "api/knowledge-base/",
    # Open data: published plans and public indicators only (stocktake/exchange/tests).
    "open/plans.json",
    "open/plans.csv",
    "open/indicators.json",
    "open/indicators.csv",
    # The list of service plans shows anonymous visitors the published ones only.
    "service-plans/",
    # Places to contact the council and its published service standards are public.
    "access-points/",
    "access-points/<str:access_point_uuid>/",
    "service-standards/",
    # Consultations whose outcome is published ("we asked, you said, we did"); no personal data.
    "public/consultations/",
    "public/consultations/<str:consultation_uuid>/",
}


def _patterns(resolvers: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, route)
        elif not route.startswith(SKIP_PREFIXES):
            yield route


def _fill(route: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        route = route.replace(f"<str:{key}>", value).replace(f"<{key}>", value)
    return "/" + route.lstrip("^").rstrip("$")


@pytest.mark.parametrize(
    "role", ["anonymous", "Viewer", "Lead officer (owner)", "Performance officer", "superuser"]
)
def test_every_page_answers_every_role_without_error(
    client: Client, world: World, officer: User, role: str
) -> None:
    plan, action, users = world
    person = action.owners.get()
    missing = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"
    values = {
        "plan_uuid": str(plan.uuid),
        "organisation_uuid": str(plan.organisation.uuid),
        "unit_uuid": str(plan.unit.uuid) if plan.unit else missing,
        "indicator_uuid": missing,
        "risk_uuid": missing,
        "assessment_uuid": missing,
        "partnership_uuid": missing,
        "definition_uuid": missing,
        "snapshot_uuid": missing,
        "dataset_uuid": missing,
        "movein_uuid": missing,
        "target_uuid": missing,
        "cycle_uuid": missing,
        "request_uuid": missing,
        "token": "not-a-token",
        "update_uuid": missing,
        "job_uuid": missing,
        "upload_uuid": missing,
        "action_uuid": str(action.uuid),
        "evidence_uuid": missing,
        "access_point_uuid": missing,
        "framework_uuid": missing,
        "framework_assessment_uuid": missing,
        "criterion_uuid": missing,
        "framework_evidence_uuid": missing,
        "record_uuid": missing,
        "person_uuid": str(person.uuid),
        "name": "submit",
        "token_uuid": missing,
        "serviceplan_uuid": missing,
        "section_uuid": missing,
        "template_section_uuid": missing,
        "complaint_uuid": missing,
        "step": "respond",
        "consultation_uuid": missing,
        "entry_uuid": missing,
        "profile_uuid": missing,
        "standard_uuid": missing,
        "exercise_uuid": missing,
        "check_uuid": missing,
    }
    user = users[role]
    if user is not None:
        client.force_login(user)
    routes = sorted(set(_patterns(get_resolver().url_patterns)))
    assert len(routes) > 15
    for route in routes:
        url = _fill(route, values)
        assert "<" not in url, f"no value for a parameter in {route}"
        status = client.get(url).status_code
        assert status in {200, 302, 403, 404, 405}, (url, status)
        if role == "anonymous" and route not in PUBLIC and status == 200:
            # Published plans and their actions are public; nothing else is.
            assert plan.status == "published", url
