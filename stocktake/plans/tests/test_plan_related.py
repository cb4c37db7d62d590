"""The plan page shows what the plan brought with it: indicators, risks, equality assessments."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.indicators import services as indicators
from stocktake.plans import services
from stocktake.plans.models import Plan, Section
from stocktake.risks import services as risks
from stocktake.risks import services_equality as equality
from stocktake.testing import MakeUser, publish, seed_paper


def _imported(prefix: str, council: Organisation, officer: User) -> Plan:
    preview = preview_document(seed_paper(prefix))
    record = plan_import(
        preview=preview, organisation=council, by=officer, as_at=dt.date(2009, 3, 31)
    )
    assert record.plan is not None
    return record.plan


def _page(client: Client, plan: Plan) -> str:
    response = client.get(reverse("plans:plan_detail", args=[plan.uuid]))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def _panel(page: str) -> str:
    found = re.search(r'data-testid="also-in-plan">(.*?)</div>', page)
    return found.group(1) if found else ""


def _after_heading(page: str, heading: str) -> str:
    """What the page shows under a section heading, up to the next heading."""
    found = re.search(re.escape(heading) + r"</th></tr>(.*?)</tbody>", page)
    assert found, heading
    return found.group(1)


def test_seed_001s_plan_links_the_three_risks_from_its_risk_analysis_section(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = _imported("001", council, officer)
    client.force_login(officer)
    page = _page(client, plan)

    register = reverse("risks:register", args=[council.uuid]) + f"?plan={plan.pk}"
    assert f'href="{register}">3 risks</a>' in _panel(page)
    under = _after_heading(page, "Risk Analysis")
    assert f'href="{register}">3 risks from this section</a>' in under
    assert "No actions in this section" not in page


def test_seed_003s_plan_links_its_indicators_scorecard_risks_and_equality_assessments(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = _imported("003", council, officer)
    client.force_login(officer)
    page = _page(client, plan)

    panel = _panel(page)
    scorecard = reverse("indicators:plan_scorecard", args=[plan.uuid])
    register = reverse("risks:register", args=[council.uuid]) + f"?plan={plan.pk}"
    programme = reverse("risks:programme", args=[council.uuid])
    assert f'href="{scorecard}">70 indicators</a>' in panel
    assert f'href="{register}">16 risks</a>' in panel
    assert f'href="{programme}">8 equality impact assessments</a>' in panel

    assert "8 equality impact assessments from this section" in _after_heading(
        page, "Equalities Overview"
    )
    assert "16 risks from this section" in _after_heading(page, "Risk Overview")
    voting = "secure and more accessible to all, using the most up to date methods."
    assert f'href="{scorecard}">7 indicators from this section</a>' in _after_heading(page, voting)
    # The scorecard the panel links to lists them.
    assert client.get(scorecard).status_code == 200


def test_a_section_with_nothing_in_it_says_so_and_a_heading_over_subsections_does_not(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = services.plan_create(organisation=council, title="Plan", by=officer)
    group = services.section_create(plan=plan, title="Group heading", by=officer)
    services.section_create(plan=plan, title="Nothing here", parent=group, by=officer)
    full = services.section_create(plan=plan, title="Has actions", by=officer)
    services.action_create(plan=plan, section=full, text="Do a thing", by=officer)
    client.force_login(officer)
    page = _page(client, plan)

    assert "No actions in this section" in _after_heading(page, "Nothing here")
    assert "No actions in this section" not in _after_heading(page, "Group heading")
    assert page.count("No actions in this section") == 1
    assert 'data-testid="also-in-plan"' not in page
    filtered = client.get(reverse("plans:plan_detail", args=[plan.uuid]), {"rag": "red"})
    assert "No actions in this section match the filters" in filtered.content.decode()


@pytest.fixture
def published_plan_with_registers(council: Organisation, officer: User) -> Plan:
    plan = services.plan_create(organisation=council, title="Plan", by=officer)
    section = services.section_create(plan=plan, title="Measures", by=officer)
    definition = indicators.definition_create(organisation=council, title="Visits", by=officer)
    indicators.indicator_create(
        organisation=council, definition=definition, plan=plan, section=section, by=officer
    )
    # Unchecked, as imported: no owner or lead yet.
    risks.risk_create(
        organisation=council, plan=plan, title="Funding ends", checked=False, by=officer
    )
    equality.assessment_create(
        organisation=council, plan=plan, title="Lettings", checked=False, by=officer
    )
    return publish(plan, officer)


def test_the_public_are_not_told_of_internal_risks_or_unpublished_indicators_and_assessments(
    client: Client,
    published_plan_with_registers: Plan,
    other_council: Organisation,
    make_user: MakeUser,
) -> None:
    page = _page(client, published_plan_with_registers)
    assert 'data-testid="also-in-plan"' not in page
    assert "from this section" not in page
    assert "No actions in this section" in _after_heading(page, "Measures")
    outsider, _ = make_user("Performance officer", other_council)
    client.force_login(outsider)
    assert 'data-testid="also-in-plan"' not in _page(client, published_plan_with_registers)


def test_a_risk_owner_who_cannot_read_the_register_sees_their_risk_listed_not_the_register(
    client: Client,
    make_plan: Callable[..., Plan],
    council: Organisation,
    other_council: Organisation,
    officer: User,
    make_user: MakeUser,
) -> None:
    plan = publish(make_plan(council, actions=1), officer)
    user, person = make_user(None, other_council)
    mine = risks.risk_create(
        organisation=council, plan=plan, title="Partner withdraws", owner_person=person, by=officer
    )
    risks.risk_create(
        organisation=council, plan=plan, title="Secret risk", checked=False, by=officer
    )
    client.force_login(user)
    panel = _panel(_page(client, plan))
    assert "1 risk:" in panel
    assert reverse("risks:risk_detail", args=[mine.uuid]) in panel
    assert "Secret risk" not in panel
    assert reverse("risks:register", args=[council.uuid]) not in panel


def test_a_councillor_sees_every_register_item_of_a_published_plan_and_a_viewer_none(
    client: Client,
    published_plan_with_registers: Plan,
    make_user: MakeUser,
    council: Organisation,
) -> None:
    councillor, _ = make_user("Councillor", council)
    client.force_login(councillor)
    page = _page(client, published_plan_with_registers)
    panel = _panel(page)
    assert ">1 indicator</a>" in panel
    assert ">1 risk</a>" in panel
    assert ">1 equality impact assessment</a>" in panel
    assert ">1 indicator from this section</a>" in _after_heading(page, "Measures")
    viewer, _ = make_user("Viewer", council)
    client.force_login(viewer)
    assert 'data-testid="also-in-plan"' not in _page(client, published_plan_with_registers)


@pytest.mark.parametrize(
    ("ref", "title", "shown"),
    [
        ("9", "9. Equalities Overview", "9. Equalities Overview"),
        ("2", "Objective 2: Access", "Objective 2: Access"),
        ("3", "Equalities", "3 Equalities"),
        ("", "Risk Analysis", "Risk Analysis"),
    ],
)
def test_a_section_heading_says_its_number_once(ref: str, title: str, shown: str) -> None:
    assert Section(ref=ref, title=title).display_title == shown


def test_the_plan_page_reads_the_sections_from_the_registers_not_the_import_record(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = _imported("003", council, officer)
    client.force_login(officer)
    with CaptureQueriesContext(connection) as queries:
        page = _page(client, plan)
    assert not [q for q in queries.captured_queries if "imports_importrecord" in q["sql"]]
    assert "8 equality impact assessments from this section" in _after_heading(
        page, "Equalities Overview"
    )
    assert "16 risks from this section" in _after_heading(page, "Risk Overview")


def test_a_risk_and_an_assessment_made_by_hand_in_a_section_are_shown_under_it(
    client: Client, council: Organisation, officer: User
) -> None:
    plan = services.plan_create(organisation=council, title="Plan", by=officer)
    section = services.section_create(plan=plan, title="Risks", by=officer)
    risks.risk_create(
        organisation=council,
        plan=plan,
        section=section,
        title="Funding ends",
        checked=False,
        by=officer,
    )
    equality.assessment_create(
        organisation=council,
        plan=plan,
        section=section,
        title="Lettings",
        checked=False,
        by=officer,
    )
    client.force_login(officer)
    under = _after_heading(_page(client, plan), "Risks")
    assert ">1 risk from this section</a>" in under
    assert ">1 equality impact assessment from this section</a>" in under
