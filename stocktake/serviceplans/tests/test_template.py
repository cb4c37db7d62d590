"""A council configures its template; new plans follow it, and old imports still place text."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Unit
from stocktake.serviceplans import services
from stocktake.serviceplans.document import columns_for, plan_document
from stocktake.serviceplans.importing import place_narrative
from stocktake.serviceplans.models import ServicePlan
from stocktake.testing import MakeUser

pytestmark = pytest.mark.django_db


def test_the_performance_team_adds_a_table_section_that_new_plans_have(
    client: Client, council: Organisation, service: Unit, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("serviceplans:template", args=[council.uuid])
    response = client.post(
        url,
        {
            "heading": "Savings",
            "kind": "table",
            "columns": "Saving\n{year}\n{year+1}",
            "aliases": "efficiency savings",
        },
    )
    assert response.status_code == 302
    plan = services.service_plan_create(organisation=council, unit=service, year=2010, by=officer)
    savings = next(s for s in plan_document(plan)["sections"] if s["key"] == "savings")
    assert savings["columns"] == ["Saving", "2010/11", "2011/12"]
    sections = list(plan.template.sections.all())
    placed, _ = place_narrative([("4. Efficiency savings", "• Shared printing")], sections)
    assert placed == {"savings": ["• Shared printing"]}


def test_a_table_needs_its_columns(client: Client, council: Organisation, officer: User) -> None:
    client.force_login(officer)
    url = reverse("serviceplans:template", args=[council.uuid])
    response = client.post(url, {"heading": "Savings", "kind": "table"})
    assert response.status_code == 200
    assert "Enter the columns" in response.content.decode()


def test_a_service_head_cannot_change_the_template(
    client: Client, make_user: MakeUser, council: Organisation, service: Unit
) -> None:
    head, _ = make_user("Lead officer", council, unit=service)
    client.force_login(head)
    assert client.get(reverse("serviceplans:template", args=[council.uuid])).status_code == 403


def test_renaming_a_section_keeps_its_kind(
    client: Client, council: Organisation, officer: User
) -> None:
    template = services.template_ensure(organisation=council, by=officer)
    section = template.sections.get(key="workforce")
    client.force_login(officer)
    url = reverse("serviceplans:template_section", args=[section.uuid])
    response = client.post(
        url, {"heading": "Our people", "columns": "Post\nFTE\nTeam\nGrade", "position": "11"}
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.heading, section.kind, section.columns[-1]) == ("Our people", "table", "Grade")


def test_year_columns_read_as_financial_years() -> None:
    assert columns_for(["Outturn {year-1}", "{year}", "{year+2}"], 2009) == [
        "Outturn 2008/09",
        "2009/10",
        "2011/12",
    ]


def test_each_council_has_its_own_template(council: Organisation, officer: User) -> None:
    other = accounts.organisation_get_or_create(name="Another Council")
    mine = services.template_ensure(organisation=council, by=officer)
    theirs = services.template_ensure(organisation=other, by=officer)
    assert mine != theirs
    assert theirs.sections.count() == mine.sections.count()


def test_changing_a_tables_columns_reshapes_every_plans_rows_by_column_name(
    small_plan: ServicePlan, officer: User
) -> None:
    resources = small_plan.contents.select_related("section").get(section__key="resources")
    section = resources.section
    assert section.columns == [
        "Budget line",
        "Outturn {year-1}",
        "Budget {year}",
        "Budget {year+1}",
    ]
    services.section_save(
        content=resources, data={"text": "", "rows": [["Staff", "410", "420", "430"]]}, by=officer
    )
    # A column added in the middle and one taken away: cells follow their column's name.
    services.template_section_edit(
        section=section,
        columns=["Budget line", "Notes", "Budget {year}", "Budget {year+1}", "Budget {year+2}"],
        by=officer,
    )
    resources.refresh_from_db()
    assert resources.content["rows"] == [["Staff", "", "420", "430", ""]]
    # The same number of columns with one new name: a rename, so the cells stay.
    services.template_section_edit(
        section=section,
        columns=["Heading", "Notes", "Budget {year}", "Budget {year+1}", "Budget {year+2}"],
        by=officer,
    )
    resources.refresh_from_db()
    assert resources.content["rows"] == [["Staff", "", "420", "430", ""]]
