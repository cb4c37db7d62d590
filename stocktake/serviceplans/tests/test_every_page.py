"""Every service plan page as every role, with real and missing identifiers: no errors."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import get_resolver

from stocktake.core.tests.test_every_url import _fill, _patterns
from stocktake.serviceplans.models import ServicePlan
from stocktake.testing import World

pytestmark = pytest.mark.django_db
MISSING = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"


@pytest.mark.parametrize("role", ["anonymous", "Viewer", "Lead officer (owner)", "superuser"])
@pytest.mark.parametrize("real", [True, False])
def test_every_service_plan_page_answers_without_error(
    client: Client, world: World, small_plan: ServicePlan, role: str, real: bool
) -> None:
    plan, _, users = world
    content = small_plan.contents.first()
    assert content is not None
    values = {
        "serviceplan_uuid": str(small_plan.uuid) if real else MISSING,
        "section_uuid": str(content.uuid) if real else MISSING,
        "plan_uuid": str(plan.uuid) if real else MISSING,
        "organisation_uuid": str(plan.organisation.uuid) if real else MISSING,
        "template_section_uuid": str(small_plan.template.sections.get(key="swot").uuid)
        if real
        else MISSING,
        "name": "submit",
    }
    if users[role] is not None:
        client.force_login(users[role])  # type: ignore[arg-type]
    routes = [r for r in _patterns(get_resolver().url_patterns) if r.startswith("service-plans")]
    assert len(routes) == 14
    for route in routes:
        url = _fill(route, values)
        status = client.get(url).status_code
        assert status in {200, 302, 403, 404, 405}, (url, status)
        if role == "anonymous" and status == 200:
            assert route in {"service-plans/"} or small_plan.is_published, url
